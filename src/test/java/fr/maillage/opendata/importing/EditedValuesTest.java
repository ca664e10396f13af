package fr.maillage.opendata.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import fr.maillage.shared.importing.ImportIssue;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which of the import's warnings an edit refuses: a value lost, guessed or contradicted.
 */
class EditedValuesTest {

	@ParameterizedTest(name = "{0}: refused {1}")
	@CsvSource(delimiter = ';', textBlock = """
			Numéro de téléphone non reconnu (format +33… attendu) : ignoré.;                         true
			Code postal de 4 chiffres : le zéro initial perdu est rétabli (06910).;                   true
			Code INSEE 16102 (Cognac) incohérent avec le code postal 06910 : à vérifier.;             true
			Horaires illisibles (format OpenStreetMap attendu) : ignorés.;                           true
			Numéro de téléphone mis au format international : +33545000001.;                          false
			Espaces retirés du code postal.;                                                          false
			Horaires écrits en clair, convertis au format OpenStreetMap : « Mo 10:00-12:00 » (le lundi).; false
			""")
	void anEditRefusesWhatAnImportWouldLoseGuessOrLeaveContradictory(String message, boolean refused) {
		assertThat(EditedValues.refuses(new ImportIssue(1L, "x", "v", message))).isEqualTo(refused);
	}

	@ParameterizedTest(name = "warning on {0}, changed {1}: next to {2}")
	@CsvSource(delimiter = ';', textBlock = """
			code_insee; code_postal;         code_postal
			code_insee; commune;             commune
			code_insee; code_postal|commune; code_postal
			telephone;  telephone;           telephone
			""")
	void aCommunesConsistencyIsShownNextToWhatTheEditorTyped(String field, String changed, String shownAt) {
		assertThat(EditedValues.typedField(new ImportIssue(1L, field, "v", "m"), Set.of(changed.split("\\|"))))
			.isEqualTo(shownAt);
	}

}
