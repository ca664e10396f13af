package fr.maillage.opendata.merging;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SimilarityTest {

	@Test
	void ratioIsTwiceTheCommonSubsequenceOverTheTotalLength() {
		// "rue de la gare" / "rue gare": common subsequence "rue gare" (8 of 14 + 8)
		assertThat(Similarity.ratio("rue de la gare", "rue gare")).isCloseTo(100.0 * 16 / 22,
				org.assertj.core.data.Offset.offset(1e-9));
		assertThat(Similarity.ratio("", "")).isEqualTo(100);
		assertThat(Similarity.ratio("abc", "")).isZero();
	}

	@Property(tries = 2000)
	void theBitParallelSubsequenceIsTheTablesOne(@ForAll("texts") String a, @ForAll("texts") String b) {
		assertThat(Similarity.longestCommonSubsequence(a, b))
			.isEqualTo(Similarity.longestCommonSubsequenceByTable(a, b));
	}

	@Provide
	Arbitrary<String> texts() {
		// a small alphabet makes common subsequences long; accented letters take the
		// non-ASCII path; up to 80 characters crosses the 64-bit word
		return Arbitraries.strings().withChars("aeirst éèç-0").ofMaxLength(80);
	}

}
