package fr.maillage.places;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DepartementCodesTest {

	@ParameterizedTest(name = "INSEE {0}, code postal {1} → {2}")
	@CsvSource(nullValues = "-", textBlock = """
			69266, 69100, 69
			-,     69100, 69
			2A004, 20000, 2A
			-,     20090, 2A
			-,     20200, 2B
			97411, 97400, 974
			-,     98800, 988
			01053, 01000, 01
			""")
	void comesFromTheInseeCodeOrElseThePostcode(String codeInsee, String postalCode, String expected) {
		assertThat(DepartementCodes.of(codeInsee, postalCode)).isEqualTo(expected);
	}

}
