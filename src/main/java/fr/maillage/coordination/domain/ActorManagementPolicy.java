package fr.maillage.coordination.domain;

import fr.maillage.accounts.AccountPrincipal;
import fr.maillage.accounts.TerritoryScope;
import org.jspecify.annotations.Nullable;

/**
 * Who enters and corrects actors (issue 18, « A coordinator manages their territories
 * only »): an administrator anywhere, a coordinator in the territories its account covers
 * ({@link TerritoryScope}), nobody else.
 */
public final class ActorManagementPolicy {

	private ActorManagementPolicy() {
	}

	/**
	 * @param departement the actor's département (or 69D, 69M)
	 * @param epci the actor's EPCI, if any
	 */
	public static boolean mayManage(AccountPrincipal account, String departement, @Nullable String epci) {
		// an actor of 69D or 69M lies in the Rhône (69) and in its collectivité
		if (TerritoryScope.isCollectivite(departement)) {
			return TerritoryScope.covers(account, departement.substring(0, 2), departement, epci);
		}
		return TerritoryScope.covers(account, departement, null, epci);
	}

}
