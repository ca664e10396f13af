package fr.maillage.coverage;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Suggested sites for new places in a département and what they would change.
 *
 * @param ponderation {@code population} or {@code population × IFN}
 * @param avant communes and population per tier today
 * @param apres the same with a place at every suggested site
 */
public record SitingResult(String departement, String service, @JsonProperty("rayon_km") double rayonKm,
		String ponderation, List<Suggestion> suggestions, Map<String, TerritoryCoverage.TierFigures> avant,
		Map<String, TerritoryCoverage.TierFigures> apres, String methode) {

	/** One suggested commune, in the order chosen. */
	public record Suggestion(int rang, String code, String nom, double latitude, double longitude,
			@JsonProperty("population_nouvellement_couverte") long populationNouvellementCouverte,
			@JsonProperty("communes_atteintes") List<String> communesAtteintes) {
	}

}
