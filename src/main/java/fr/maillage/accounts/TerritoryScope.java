package fr.maillage.accounts;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Whether a coordinator's territories cover a place (issues 6 and 15): the place lies in
 * one of its départements — or in the collectivité 69D (Département du Rhône) or 69M
 * (Métropole de Lyon) it was given, whose communes carry the département code « 69 » — or
 * in the area of one of its EPCI. An administrator covers everything; a structure's
 * member covers no territory (its scope is its structures). One rule for every module
 * that scopes a coordinator's work: editing, the review queue, moderation, listings.
 */
public final class TerritoryScope {

	private TerritoryScope() {
	}

	/**
	 * Whether a département scope names one of the Rhône's two collectivités (69D, 69M),
	 * which places' records never carry as their département (« 69 »).
	 */
	public static boolean isCollectivite(String departementScope) {
		return departementScope.equals("69D") || departementScope.equals("69M");
	}

	/**
	 * @param departement the place's département code (« 69 » for the whole Rhône)
	 * @param collectivite 69D or 69M for a commune of the Rhône, else null
	 * @param epci the SIREN of the place's commune's EPCI, when known
	 */
	public static boolean covers(AccountPrincipal account, String departement, @Nullable String collectivite,
			@Nullable String epci) {
		return switch (account.role()) {
			case ADMINISTRATEUR -> true;
			case MEMBRE -> false;
			case COORDINATEUR -> {
				List<String> departements = account.scopes("departement");
				yield departements.contains(departement) || collectivite != null && departements.contains(collectivite)
						|| epci != null && account.scopes("epci").contains(epci);
			}
		};
	}

}
