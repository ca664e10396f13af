package fr.maillage.opendata;

import java.util.List;

import fr.maillage.accounts.AccountPrincipal;
import fr.maillage.accounts.Role;
import org.jspecify.annotations.Nullable;

/**
 * Who may edit a lieu in Maillage (issue 6): an administrator any lieu; a coordinator the
 * lieux of its territories — its départements, or its EPCI; a structure's member will
 * edit its own lieux once structures exist.
 */
public final class EditingPolicy {

	private EditingPolicy() {
	}

	/**
	 * @param departement the lieu's département
	 * @param epci the SIREN of the lieu's commune's EPCI, when known
	 * @param structure the id of the structure the lieu is attached to, if any
	 */
	public static boolean mayEdit(AccountPrincipal account, String departement, @Nullable String epci,
			@Nullable String structure) {
		if (account.role() == Role.ADMINISTRATEUR) {
			return true;
		}
		if (account.role() == Role.MEMBRE) {
			return structure != null && account.territories().contains("structure:" + structure);
		}
		List<String> territories = account.territories();
		return territories.contains("departement:" + departement)
				|| epci != null && territories.contains("epci:" + epci);
	}

}
