package fr.maillage.territories;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A territory with what surrounds it, as the API answers it.
 *
 * @param bbox {@code [ouest, sud, est, nord]} of the centres of its communes (contours
 * come later)
 * @param parents type → {code, nom} of the territories that contain it
 * @param membres type → codes of the territories it contains
 * @param codeDemande the code asked for when it was a former commune code, else
 * {@code null}
 */
public record TerritoryDetails(String type, String code, String nom, @Nullable Long population, @Nullable Centre centre,
		double @Nullable [] bbox, Map<String, Object> parents, Map<String, List<String>> membres,
		@Nullable List<String> codesPostaux, @Nullable String codeDemande, @Nullable String remarque) {
}
