package fr.maillage.coverage;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Suggested sites for new places in a département or an EPCI and what they would change.
 *
 * @param departement the département's code when the territory is one, else {@code null}
 * (kept for the callers written before EPCIs)
 * @param niveau {@code departement} or {@code epci}
 * @param ponderation {@code population} or {@code population × IFN}
 * @param favoriserZonesBlanches whether sites reaching zones blanches came first
 * @param avant communes and population per tier today
 * @param apres the same with a place at every suggested site
 */
public record SitingResult(@Nullable String departement, String niveau, String code, String nom, String service,
		@JsonProperty("rayon_km") double rayonKm, String ponderation,
		@JsonProperty("favoriser_zones_blanches") boolean favoriserZonesBlanches, List<Suggestion> suggestions,
		Map<String, TerritoryCoverage.TierFigures> avant, Map<String, TerritoryCoverage.TierFigures> apres,
		String methode) {

	/**
	 * One suggested commune, in the order chosen, and why.
	 *
	 * @param populationEnZoneBlanche inhabitants of zones blanches among those newly
	 * covered
	 * @param ifnMoyen official IFN of the communes reached, weighted by population;
	 * {@code null} when none has a score
	 * @param raisons why this commune, in plain French: people newly covered, zones
	 * blanches, fragility
	 */
	public record Suggestion(int rang, String code, String nom, double latitude, double longitude,
			@JsonProperty("population_nouvellement_couverte") long populationNouvellementCouverte,
			@JsonProperty("population_en_zone_blanche") long populationEnZoneBlanche,
			@JsonProperty("communes_atteintes") List<String> communesAtteintes,
			@JsonProperty("ifn_moyen") @Nullable Double ifnMoyen, List<String> raisons) {
	}

}
