package fr.maillage.fragility.importing;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import fr.maillage.shared.importing.ImportIssue;

/**
 * What an import of indicator values or published scores did.
 *
 * @param type {@code indicateurs} or {@code scores_publies}
 * @param indicateurs indicator codes found in the file
 * @param colonnesIgnorees columns that are neither a code, a population nor a known
 * indicator
 * @param rejets every value or row left out, with its line (the header is line 1),
 * column, value and reason: the same {@link ImportIssue} as every importer's
 * @param avertissements rows kept but changed on the way: one per commune merged since
 * the file was made, whose former communes' figures were combined (ADR 0008)
 */
public record FragilityImportReport(UUID importId, String type, int lues, int acceptees, int rejetees,
		List<String> indicateurs, @JsonProperty("colonnes_ignorees") List<String> colonnesIgnorees,
		List<ImportIssue> rejets, List<Warning> avertissements) {

	/**
	 * Former communes whose figures were combined into their current commune.
	 *
	 * @param poids each former code's share of the weight (0 to 1)
	 * @param ponderation {@code population} (last known populations) or {@code egale} (a
	 * population was unknown)
	 */
	public record Warning(String commune, @JsonProperty("anciens_codes") List<String> anciensCodes,
			Map<String, Double> poids, String ponderation, List<Long> lignes, String message) {
	}

}
