package fr.maillage.shared.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The SIRET (or RNA) an editor types: the check digit catches a mistyped digit. */
class SiretTest {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = ';', textBlock = """
			73282932000074;       Luhn sum right
			732 829 320 00074;    spaces as people type them
			12002701600357;       a public body
			35600000000048;       La Poste's head office, Luhn sum right
			35600000049837;       a La Poste office: digits sum to a multiple of 5, Luhn sum wrong
			W691234567;           an association's RNA number
			w691234567;           in lower case
			'';                   none: the lieu is kept without pivot
			""")
	void accepts(String typed, String why) {
		assertThat(Siret.check(typed)).as(why).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = ';', textBlock = """
			73282932000075;  n'existe pas
			73282932000047;  n'existe pas
			35600000012345;  n'existe pas
			732829320;       c'est un SIREN
			7328293200007;   en a 13
			W69123;          W suivi de 9 chiffres
			SIRET inconnu;   que des chiffres
			""")
	void refusesInFrench(String typed, String message) {
		assertThat(Siret.check(typed)).hasValueSatisfying(refusal -> assertThat(refusal).contains(message));
	}

}
