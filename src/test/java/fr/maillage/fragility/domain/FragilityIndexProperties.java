package fr.maillage.fragility.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import fr.maillage.fragility.domain.FragilityIndexCalculator.WeightedScore;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class FragilityIndexProperties {

	@Property
	void v3ScoresStayBetweenOneAndTen(@ForAll("bases") List<UnitIndicators> base) {
		for (FragilityScore score : FragilityIndexCalculator.scoreAll(base, FragilitySettings.OFFICIAL).values()) {
			if (score.isKnown()) {
				assertThat(score.score()).isBetween(1.0, 10.0);
				assertThat(score.indicatorScores().values())
					.allSatisfy(value -> assertThat(value).isBetween(1.0, 10.0));
			}
		}
	}

	@Property
	void aHigherValueNeverLowersTheScore(@ForAll("bases") List<UnitIndicators> base,
			@ForAll @IntRange(min = 0, max = 4) int indicatorIndex,
			@ForAll @DoubleRange(min = 0, max = 50) double rise) {
		FragilityIndicator indicator = Variant.TOUT_AGE.indicators().get(indicatorIndex);
		UnitIndicators unit = base.get(0);
		Double value = unit.values().get(indicator);
		if (value == null) {
			return;
		}
		Map<FragilityIndicator, Double> higher = new EnumMap<>(unit.values());
		higher.put(indicator, value + rise);
		List<UnitIndicators> raised = new ArrayList<>(base);
		raised.set(0, new UnitIndicators(unit.code(), unit.population(), higher));
		double before = FragilityIndexCalculator.scoreAll(base, FragilitySettings.OFFICIAL).get(unit.code()).score();
		double after = FragilityIndexCalculator.scoreAll(raised, FragilitySettings.OFFICIAL).get(unit.code()).score();
		assertThat(after).isGreaterThanOrEqualTo(before);
	}

	@Property
	void aggregatingEqualScoresGivesThatScore(@ForAll @DoubleRange(min = 1, max = 10) double score,
			@ForAll @Size(min = 1, max = 20) List<@LongRange(min = 0, max = 2_000_000) Long> populations) {
		List<WeightedScore> units = populations.stream()
			.map(population -> new WeightedScore(
					new FragilityScore(score, Map.of(FragilityIndicator.TAUX_PAUVRETE, score)), population))
			.toList();
		FragilityScore territory = FragilityIndexCalculator.aggregate(units);
		assertThat(territory.score()).isCloseTo(score, within(1e-9));
		assertThat(territory.indicatorScores().get(FragilityIndicator.TAUX_PAUVRETE)).isCloseTo(score, within(1e-9));
	}

	@Provide
	Arbitrary<List<UnitIndicators>> bases() {
		Arbitrary<Double> value = Arbitraries.doubles().between(0, 100).ofScale(1);
		Arbitrary<Map<FragilityIndicator, Double>> values = Arbitraries
			.maps(Arbitraries.of(Variant.TOUT_AGE.indicators()), value)
			.ofMinSize(1)
			.ofMaxSize(5);
		Arbitrary<UnitIndicators> unit = Combinators.combine(Arbitraries.longs().between(0, 100_000), values)
			.as((population, map) -> new UnitIndicators("?", population, map));
		return unit.list().ofMinSize(1).ofMaxSize(40).map(units -> {
			List<UnitIndicators> named = new ArrayList<>();
			for (int i = 0; i < units.size(); i++) {
				named.add(new UnitIndicators("u" + i, units.get(i).population(), units.get(i).values()));
			}
			return named;
		});
	}

}
