package fr.maillage.shared.importing;

import org.jspecify.annotations.Nullable;

/**
 * Something an import noticed, with enough to fix it at the source: where ({@code ligne},
 * {@code champ}), what ({@code valeur}, as sent) and why, in French. {@code ligne} is
 * null for an issue of the whole file.
 */
public record ImportIssue(@Nullable Long ligne, @Nullable String champ, @Nullable String valeur, String message) {

	public static ImportIssue ofFile(@Nullable String champ, String message) {
		return new ImportIssue(null, champ, null, message);
	}

}
