package fr.maillage.fragility;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The fragility of a commune or territory as published by the API and exports, with the
 * setting that produced it.
 *
 * @param niveau commune, epci, departement or region
 * @param score {@code null} when no data covers the territory
 * @param indicateurs score of each indicator of the variant, by indicator code
 * @param contexte context indicators (raw values, population-weighted), by code
 * @param origine {@code scores_publies} (La Mednum's figures), {@code calcule} (from
 * imported indicator values), {@code mixte} (some communes of each), {@code aucune}
 * @param communesSansScore member communes no data covers
 */
public record TerritoryFragility(String code, String nom, String niveau, @Nullable Double score,
		Map<String, Double> indicateurs, Map<String, Double> contexte, String methode, String variante, String base,
		Map<String, Double> poids, long population, String origine,
		@JsonProperty("communes_sans_score") int communesSansScore) {
}
