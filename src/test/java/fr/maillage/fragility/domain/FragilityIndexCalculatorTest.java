package fr.maillage.fragility.domain;

import static fr.maillage.fragility.domain.FragilityIndicator.NON_COUVERTURE_4G;
import static fr.maillage.fragility.domain.FragilityIndicator.NON_COUVERTURE_THD;
import static fr.maillage.fragility.domain.FragilityIndicator.PART_65_ANS_ET_PLUS;
import static fr.maillage.fragility.domain.FragilityIndicator.TAUX_PAUVRETE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import fr.maillage.fragility.domain.FragilityIndexCalculator.WeightedScore;
import fr.maillage.fragility.domain.FragilitySettings.Base;
import fr.maillage.fragility.domain.FragilitySettings.Method;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Small cases computed by hand. */
class FragilityIndexCalculatorTest {

	private static final double[] ONE_TO_TEN = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 };

	@ParameterizedTest(name = "{0} among 1..10 scores {1}")
	@CsvSource({ "1, 1", "3, 3", "3.5, 3", "10, 10", "0, 1", "11, 10" })
	void v3ScoreIsTheTenthOfUnitsAtOrBelowTheValue(double value, int score) {
		assertThat(FragilityIndexCalculator.rankScore(ONE_TO_TEN, value)).isEqualTo(score);
	}

	@Test
	void v3RoundsUpAndTiesShareTheHigherRank() {
		double[] four = { 5, 5, 7, 9 };
		// 2 of 4 at or below 5: 5.0; 3 of 4 at or below 7: 7.5 -> 8
		assertThat(FragilityIndexCalculator.rankScore(four, 5)).isEqualTo(5);
		assertThat(FragilityIndexCalculator.rankScore(four, 7)).isEqualTo(8);
		assertThat(FragilityIndexCalculator.rankScore(four, 9)).isEqualTo(10);
		double[] three = { 1, 2, 3 };
		// 1/3 -> 3.33 -> 4; 2/3 -> 6.67 -> 7
		assertThat(FragilityIndexCalculator.rankScore(three, 1)).isEqualTo(4);
		assertThat(FragilityIndexCalculator.rankScore(three, 2)).isEqualTo(7);
	}

	@Test
	void aMissingIndicatorIsSkippedNotReadAsZero() {
		FragilityScore score = FragilityIndexCalculator.combine(Map.of(NON_COUVERTURE_THD, 8.0, NON_COUVERTURE_4G, 4.0),
				FragilitySettings.OFFICIAL);
		assertThat(score.score()).isEqualTo(6.0);
		assertThat(FragilityIndexCalculator.combine(Map.of(), FragilitySettings.OFFICIAL).isKnown()).isFalse();
	}

	@Test
	void weightsChangeTheMeanAndZeroLeavesAnIndicatorOut() {
		Map<FragilityIndicator, Double> scores = Map.of(NON_COUVERTURE_THD, 8.0, NON_COUVERTURE_4G, 4.0);
		FragilitySettings thdCountsThrice = new FragilitySettings(Method.V3, Variant.TOUT_AGE,
				Map.of(NON_COUVERTURE_THD, 3.0), Base.FRANCE);
		assertThat(FragilityIndexCalculator.combine(scores, thdCountsThrice).score()).isEqualTo(7.0);
		FragilitySettings without4g = new FragilitySettings(Method.V3, Variant.TOUT_AGE, Map.of(NON_COUVERTURE_4G, 0.0),
				Base.FRANCE);
		assertThat(FragilityIndexCalculator.combine(scores, without4g).score()).isEqualTo(8.0);
		assertThat(thdCountsThrice.isOfficial()).isFalse();
		assertThat(FragilitySettings.OFFICIAL.isOfficial()).isTrue();
	}

	@Test
	void v3ScoresEveryUnitOfTheBaseOnEachIndicatorThenAverages() {
		List<UnitIndicators> base = List.of(
				new UnitIndicators("A", 100, Map.of(NON_COUVERTURE_THD, 10.0, TAUX_PAUVRETE, 30.0)),
				new UnitIndicators("B", 100, Map.of(NON_COUVERTURE_THD, 20.0, TAUX_PAUVRETE, 10.0)),
				new UnitIndicators("C", 100, Map.of(NON_COUVERTURE_THD, 30.0)),
				new UnitIndicators("D", 100, Map.of(NON_COUVERTURE_THD, 40.0, TAUX_PAUVRETE, 20.0)));
		Map<String, FragilityScore> scores = FragilityIndexCalculator.scoreAll(base, FragilitySettings.OFFICIAL);
		// THD: A 1/4 -> 3, B 2/4 -> 5, C 3/4 -> 8, D 4/4 -> 10; poverty among 3: A 10,
		// B 4, D 7
		assertThat(scores.get("A").indicatorScores()).containsEntry(NON_COUVERTURE_THD, 3.0)
			.containsEntry(TAUX_PAUVRETE, 10.0);
		assertThat(scores.get("A").score()).isEqualTo(6.5);
		assertThat(scores.get("B").score()).isEqualTo(4.5);
		assertThat(scores.get("C").score()).isEqualTo(8.0);
		assertThat(scores.get("D").score()).isEqualTo(8.5);
	}

	@Test
	void v1ComparesWithThePopulationWeightedValueOfTheReferenceTerritory() {
		List<UnitIndicators> base = List.of(new UnitIndicators("A", 100, Map.of(PART_65_ANS_ET_PLUS, 10.0)),
				new UnitIndicators("B", 300, Map.of(PART_65_ANS_ET_PLUS, 30.0)));
		FragilitySettings v1 = new FragilitySettings(Method.V1, Variant.TOUT_AGE, Map.of(), Base.FRANCE);
		// reference = (100 x 10 + 300 x 30) / 400 = 25
		Map<String, FragilityScore> scores = FragilityIndexCalculator.scoreAll(base, v1);
		assertThat(scores.get("A").score()).isCloseTo(40.0, within(1e-9));
		assertThat(scores.get("B").score()).isCloseTo(120.0, within(1e-9));
	}

	@Test
	void aTerritoryScoreIsThePopulationWeightedMeanOfItsUnits() {
		FragilityScore small = new FragilityScore(4.0, Map.of(NON_COUVERTURE_THD, 2.0));
		FragilityScore big = new FragilityScore(8.0, Map.of(NON_COUVERTURE_THD, 6.0));
		FragilityScore territory = FragilityIndexCalculator.aggregate(List.of(new WeightedScore(small, 1000),
				new WeightedScore(big, 3000), new WeightedScore(FragilityScore.NONE, 50000)));
		assertThat(territory.score()).isEqualTo(7.0);
		assertThat(territory.indicatorScores()).containsEntry(NON_COUVERTURE_THD, 5.0);
	}

}
