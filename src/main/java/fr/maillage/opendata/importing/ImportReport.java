package fr.maillage.opendata.importing;

import java.time.Instant;
import java.util.List;

import fr.maillage.shared.importing.ImportIssue;
import org.jspecify.annotations.Nullable;

/**
 * The answer to an import, as the API returns it (hence the French component names, which
 * are the JSON contract). Lists stop at {@link SourceImport#LISTED_ISSUES_LIMIT} issues
 * each; the full lists are downloadable as CSV.
 *
 * @param rejets one issue per reason; a rejected row may have several
 */
public record ImportReport(String importId, String source, @Nullable String fichier, String format,
		String versionSchema, Instant date, int lues, int acceptees, int rejetees, int nouvelles, int modifiees,
		int inchangees, int nombreAvertissements, boolean listesTronquees, List<ImportIssue> avertissements,
		List<ImportIssue> rejets) {

	public ImportReport {
		avertissements = List.copyOf(avertissements);
		rejets = List.copyOf(rejets);
	}

}
