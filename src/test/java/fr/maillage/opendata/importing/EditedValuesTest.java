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

	@org.junit.jupiter.params.ParameterizedTest(name = "{0} « {1} » → {3}")
	@org.junit.jupiter.params.provider.CsvSource(delimiter = '|',
			textBlock = """
					telephone   | 04 78 pas de tel | Numéro de téléphone non reconnu (format +33… attendu) : ignoré.                       | « 04 78 pas de tel » n'est pas un numéro de téléphone : tapez ses 10 chiffres, par exemple 04 78 00 00 00, ou videz le champ.
					code_postal | 6910             | Code postal de 4 chiffres : le zéro initial perdu est rétabli (06910).                  | Un code postal a 5 chiffres, « 6910 » n'en a que 4 : tapez-le en entier, par exemple 69100.
					code_postal | 69001            | Code INSEE 69266 (Villeurbanne) incohérent avec le code postal 69001 : à vérifier.      | Le code postal 69001 n'est pas celui de Villeurbanne : corrigez le code postal ou la commune.
					site_web    | ftp://x          | Adresse web ignorée : http(s) attendu.                                                  | Adresse web ignorée : http(s) attendu. Corrigez la valeur ou videz le champ.
					""")
	void anEditorIsToldWhatToTypeNotThatTheValueWasRepaired(String field, String typed, String warning, String shown) {
		assertThat(EditedValues.editMessage(new ImportIssue(1L, field, typed, warning), field, typed)).isEqualTo(shown)
			.doesNotContain("rétabli");
	}

}
