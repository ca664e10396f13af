package fr.maillage.contributions.domain;

import fr.maillage.accounts.AccountPrincipal;
import fr.maillage.accounts.Role;
import fr.maillage.accounts.TerritoryScope;
import org.jspecify.annotations.Nullable;

/**
 * Who may edit a lieu in Maillage — and so confirm it, see its history, moderate what is
 * said of it (issues 6 and 15): an administrator any lieu; a coordinator the lieux its
 * territories cover ({@link TerritoryScope}: départements, 69D/69M, EPCI); a structure's
 * member the lieux attached to its structures. Anyone else proposes.
 */
public final class EditingPolicy {

	private EditingPolicy() {
	}

	/**
	 * @param structure the id of the structure the lieu is attached to, if any
	 */
	public static boolean mayEdit(AccountPrincipal account, LieuTerritory where, @Nullable String structure) {
		if (account.role() == Role.MEMBRE) {
			return structure != null && account.scopes("structure").contains(structure);
		}
		return TerritoryScope.covers(account, where.departement(), where.collectivite(), where.epci());
	}

	/**
	 * Whether the account attaches lieux to structures and invites their members: the
	 * coordinators of the lieu's territory and administrators, never a member.
	 */
	public static boolean mayCoordinate(AccountPrincipal account, LieuTerritory where) {
		return account.role() != Role.MEMBRE
				&& TerritoryScope.covers(account, where.departement(), where.collectivite(), where.epci());
	}

}
