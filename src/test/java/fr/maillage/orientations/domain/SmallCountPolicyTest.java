package fr.maillage.orientations.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which figures about people may be shown (issue 16, indicators), as a table. */
class SmallCountPolicyTest {

	@ParameterizedTest(name = "threshold {0}, basis {1}: shown {2}")
	@CsvSource(delimiter = '|', textBlock = """
			# threshold | basis  | shown | text
			5           | 0      | true  | moins de 5
			5           | 1      | false | moins de 5
			5           | 4      | false | moins de 5
			5           | 5      | true  | moins de 5
			5           | 100000 | true  | moins de 5
			2           | 1      | false | moins de 2
			2           | 2      | true  | moins de 2
			11          | 10     | false | moins de 11
			""")
	void aFigureIsShownOnlyFromEnoughOrientations(int threshold, long basis, boolean shown, String text) {
		SmallCountPolicy policy = new SmallCountPolicy(threshold);
		assertThat(policy.shows(basis)).isEqualTo(shown);
		assertThat(policy.count(basis).isPresent()).isEqualTo(shown);
		if (shown) {
			assertThat(policy.count(basis).getAsLong()).isEqualTo(basis);
		}
		assertThat(policy.hiddenText()).isEqualTo(text);
	}

	@ParameterizedTest
	@CsvSource({ "1", "0", "-3" })
	void aThresholdThatHidesNothingIsRefused(int threshold) {
		assertThatIllegalArgumentException().isThrownBy(() -> new SmallCountPolicy(threshold));
	}

}
