package fr.maillage.territories;

import java.util.List;

/**
 * Collectivités à statut particulier that share a département number and are used like
 * départements: 69 holds the Métropole de Lyon (a collectivité territoriale that is also
 * EPCI 200046977) and the Département du Rhône, which governs the other communes. "69"
 * still means the whole département.
 *
 * @param epciSiren the EPCI whose member communes belong to this collectivité, or
 * {@code null} for "the other communes of the département"
 */
public record SpecialCollectivity(String code, String nom, String departement, String epciSiren) {

	public static final List<SpecialCollectivity> ALL = List.of(
			new SpecialCollectivity("69M", "Métropole de Lyon", "69", "200046977"),
			new SpecialCollectivity("69D", "Rhône (Département du Rhône, hors Métropole de Lyon)", "69", null));

}
