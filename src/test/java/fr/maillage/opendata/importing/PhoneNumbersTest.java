package fr.maillage.opendata.importing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhoneNumbersTest {

	@ParameterizedTest(name = "{0} (code postal {1}) → {2}")
	@CsvSource(delimiter = '|', textBlock = """
			+33180059880        | 51100 | +33180059880
			01 80 05 98 80      | 51100 | +33180059880
			0033 1 80 05 98 80  | 51100 | +33180059880
			+33 (0)1 80 05 98 80| 51100 | +33180059880
			33630392518         | 16140 | +33630392518
			0590 12 34 56       | 97110 | +590590123456
			0692 12 34 56       | 97400 | +262692123456
			0269 61 12 34       | 97600 | +262269611234
			44 57 28            | 98800 | +687445728
			+687050709          | 98800 | +687050709
			04 72 77 00 66 / 06 12 34 56 78 | 69002 | +33472770066
			""")
	void normalisesFrenchNumbers(String raw, String postalCode, String expected) {
		assertThat(PhoneNumbers.normalise(raw, postalCode)).contains(expected);
	}

	@ParameterizedTest
	@CsvSource({ "voir site web,75001", "12,75001", "+1 212 555 0100,75001" })
	void refusesWhatIsNotAFrenchNumber(String raw, String postalCode) {
		assertThat(PhoneNumbers.normalise(raw, postalCode)).isEmpty();
	}

}
