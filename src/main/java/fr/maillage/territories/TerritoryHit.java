package fr.maillage.territories;

import org.jspecify.annotations.Nullable;

/**
 * One answer of the territory search.
 *
 * @param type {@code commune}, {@code arrondissement}, {@code commune_deleguee},
 * {@code commune_associee}, {@code epci}, {@code departement} or {@code region}
 * @param libelle the name as shown to a person, with the département when names repeat
 * ("Saint-Pierre (974)")
 */
public record TerritoryHit(String type, String code, String nom, String libelle, @Nullable String departement,
		@Nullable Long population, @Nullable Centre centre) {
}
