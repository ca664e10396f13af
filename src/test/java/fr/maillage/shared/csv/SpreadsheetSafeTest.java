package fr.maillage.shared.csv;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpreadsheetSafeTest {

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
			=HYPERLINK("http://x")   | '=HYPERLINK("http://x")
			@SUM(A1)                 | '@SUM(A1)
			+cmd' /C calc'!A0        | '+cmd' /C calc'!A0
			-2+3                     | '-2+3
			+33180059880             | +33180059880
			-0.331217                | -0.331217
			Mairie de Soyaux         | Mairie de Soyaux
			""")
	void neutralisesFormulasButNotSignedNumbers(String cell, String expected) {
		assertThat(SpreadsheetSafe.cell(cell)).isEqualTo(expected);
	}

	@Property
	void aNeutralisedCellNeverStartsLikeAFormula(@ForAll String cell) {
		String safe = SpreadsheetSafe.cell(cell);
		if (!safe.isEmpty() && "=@\t\r".indexOf(safe.charAt(0)) >= 0) {
			throw new AssertionError("formula start kept: " + safe);
		}
		assertThat(safe.endsWith(cell)).isTrue();
	}

}
