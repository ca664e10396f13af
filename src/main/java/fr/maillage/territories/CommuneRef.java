package fr.maillage.territories;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What other modules need to know about a commune (or arrondissement municipal) to check
 * and place a lieu.
 *
 * @param collectivite 69D or 69M for the communes of the Rhône, else {@code null}
 */
public record CommuneRef(String code, String nom, String departement, @Nullable String collectivite,
		List<String> codesPostaux, @Nullable Centre centre) {

	public CommuneRef {
		codesPostaux = List.copyOf(codesPostaux);
	}

}
