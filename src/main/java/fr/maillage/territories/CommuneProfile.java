package fr.maillage.territories;

import org.jspecify.annotations.Nullable;

/**
 * A current commune as territorial analyses see it (fragility, coverage): where it
 * belongs, how many people live there, and its centre.
 *
 * @param collectivite 69D or 69M for the communes of the Rhône, else {@code null}
 * @param epci SIREN of its EPCI, {@code null} for the few communes outside any
 * @param population municipal population of the COG vintage, 0 when unknown
 * @param centre {@code null} for the few communes without a known centre
 */
public record CommuneProfile(String code, String nom, String departement, @Nullable String collectivite, String region,
		@Nullable String epci, long population, @Nullable Centre centre) {

	/** Whether the commune belongs to the département (or to 69D/69M). */
	public boolean isIn(TerritoryLevel level, String territoryCode) {
		return switch (level) {
			case DEPARTEMENT -> territoryCode.equals(departement) || territoryCode.equals(collectivite);
			case EPCI -> territoryCode.equals(epci);
			case REGION -> territoryCode.equals(region);
		};
	}

}
