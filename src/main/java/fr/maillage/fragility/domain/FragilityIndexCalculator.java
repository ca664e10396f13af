package fr.maillage.fragility.domain;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The IFN as pure functions (ADR 0008).
 * <ul>
 * <li>v3: for each indicator, score = ⌈10 × share of the base's units whose value is ≤
 * this unit's value⌉, clamped to 1..10 (ties go up: equal values share the higher rank);
 * the unit's score is the weighted mean of its available indicator scores (a missing
 * indicator is skipped, never read as 0).</li>
 * <li>v1: indicator = 100 × value / value of the reference territory (the base's
 * population-weighted value); score = weighted mean.</li>
 * <li>a territory's score is the population-weighted mean of its units' scores.</li>
 * </ul>
 */
public final class FragilityIndexCalculator {

	private FragilityIndexCalculator() {
	}

	/** Scores every unit of the base against the base, by the settings' method. */
	public static Map<String, FragilityScore> scoreAll(Collection<UnitIndicators> base, FragilitySettings settings) {
		Map<FragilityIndicator, double[]> sorted = new EnumMap<>(FragilityIndicator.class);
		Map<FragilityIndicator, Double> reference = new EnumMap<>(FragilityIndicator.class);
		for (FragilityIndicator indicator : settings.variant().indicators()) {
			if (settings.method() == FragilitySettings.Method.V3) {
				sorted.put(indicator, sortedValues(base, indicator));
			}
			else {
				referenceValue(base, indicator).ifPresent(value -> reference.put(indicator, value));
			}
		}
		Map<String, FragilityScore> scores = new HashMap<>();
		for (UnitIndicators unit : base) {
			Map<FragilityIndicator, Double> indicatorScores = new EnumMap<>(FragilityIndicator.class);
			for (FragilityIndicator indicator : settings.variant().indicators()) {
				Double value = unit.values().get(indicator);
				if (value == null) {
					continue;
				}
				if (settings.method() == FragilitySettings.Method.V3) {
					indicatorScores.put(indicator, (double) rankScore(sorted.get(indicator), value));
				}
				else if (reference.containsKey(indicator)) {
					indicatorScores.put(indicator, 100 * value / reference.get(indicator));
				}
			}
			scores.put(unit.code(), combine(indicatorScores, settings));
		}
		return scores;
	}

	/**
	 * v3 score of a value among sorted values: ⌈10 × (number of values ≤ it) / n⌉ in
	 * 1..10, computed on integers so that 30 % of 10 units is exactly 3.
	 */
	public static int rankScore(double[] sortedValues, double value) {
		int n = sortedValues.length;
		if (n == 0) {
			throw new IllegalArgumentException("no unit to compare with");
		}
		long atMost = upperBound(sortedValues, value);
		long score = (10 * atMost + n - 1) / n;
		return (int) Math.max(1, Math.min(10, score));
	}

	/** The weighted mean of the available indicator scores. */
	public static FragilityScore combine(Map<FragilityIndicator, Double> indicatorScores, FragilitySettings settings) {
		double sum = 0;
		double weights = 0;
		for (Map.Entry<FragilityIndicator, Double> entry : indicatorScores.entrySet()) {
			double weight = settings.weightOf(entry.getKey());
			sum += weight * entry.getValue();
			weights += weight;
		}
		return new FragilityScore(weights > 0 ? sum / weights : null, indicatorScores);
	}

	/**
	 * A territory's score from its units': population-weighted mean of the score and of
	 * each indicator score; units without a score are skipped; when no known unit has a
	 * population, a plain mean.
	 */
	public static FragilityScore aggregate(List<WeightedScore> units) {
		boolean anyPopulation = units.stream().anyMatch(unit -> unit.score().isKnown() && unit.population() > 0);
		double total = 0;
		double weights = 0;
		Map<FragilityIndicator, double[]> perIndicator = new EnumMap<>(FragilityIndicator.class);
		for (WeightedScore unit : units) {
			if (!unit.score().isKnown()) {
				continue;
			}
			double weight = anyPopulation ? unit.population() : 1;
			total += weight * unit.score().score();
			weights += weight;
			unit.score().indicatorScores().forEach((indicator, score) -> {
				double[] sums = perIndicator.computeIfAbsent(indicator, i -> new double[2]);
				sums[0] += weight * score;
				sums[1] += weight;
			});
		}
		if (weights == 0) {
			return FragilityScore.NONE;
		}
		Map<FragilityIndicator, Double> indicatorScores = new EnumMap<>(FragilityIndicator.class);
		perIndicator.forEach((indicator, sums) -> {
			if (sums[1] > 0) {
				indicatorScores.put(indicator, sums[0] / sums[1]);
			}
		});
		return new FragilityScore(total / weights, indicatorScores);
	}

	/**
	 * The base's value of an indicator: population-weighted mean of its units' values.
	 */
	public static OptionalDouble referenceValue(Collection<UnitIndicators> base, FragilityIndicator indicator) {
		double sum = 0;
		double weights = 0;
		int count = 0;
		double plain = 0;
		for (UnitIndicators unit : base) {
			Double value = unit.values().get(indicator);
			if (value != null) {
				sum += unit.population() * value;
				weights += unit.population();
				plain += value;
				count++;
			}
		}
		if (count == 0) {
			return OptionalDouble.empty();
		}
		double reference = weights > 0 ? sum / weights : plain / count;
		return reference == 0 ? OptionalDouble.empty() : OptionalDouble.of(reference);
	}

	private static double[] sortedValues(Collection<UnitIndicators> base, FragilityIndicator indicator) {
		double[] values = base.stream()
			.map(unit -> unit.values().get(indicator))
			.filter(value -> value != null)
			.mapToDouble(Double::doubleValue)
			.toArray();
		Arrays.sort(values);
		return values;
	}

	/** Number of values ≤ value in a sorted array. */
	private static int upperBound(double[] sorted, double value) {
		int low = 0;
		int high = sorted.length;
		while (low < high) {
			int middle = (low + high) >>> 1;
			if (sorted[middle] <= value) {
				low = middle + 1;
			}
			else {
				high = middle;
			}
		}
		return low;
	}

	/** A unit's score with the population that weighs it in a territory. */
	public record WeightedScore(FragilityScore score, long population) {
	}

}
