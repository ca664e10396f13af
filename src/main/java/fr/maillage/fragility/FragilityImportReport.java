package fr.maillage.fragility;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What an import of indicator values or published scores did.
 *
 * @param type {@code indicateurs} or {@code scores_publies}
 * @param indicateurs indicator codes found in the file
 * @param colonnesIgnorees columns that are neither a code, a population nor a known
 * indicator
 * @param rejets every value or row left out, with its line, column, value and reason
 */
public record FragilityImportReport(UUID importId, String type, int lues, int acceptees, int rejetees,
		List<String> indicateurs, @JsonProperty("colonnes_ignorees") List<String> colonnesIgnorees,
		List<Issue> rejets) {

	/** One value or row left out; {@code ligne} counts the header as line 1. */
	public record Issue(long ligne, String champ, String valeur, String message) {
	}

}
