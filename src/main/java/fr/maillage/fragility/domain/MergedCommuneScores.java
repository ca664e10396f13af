package fr.maillage.fragility.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * How figures given separately for communes that merged since become the figure of the
 * commune they form (ADR 0008): a file made before a merge (La Mednum's 2023 scores name
 * Oullins 69149 and Pierre-Bénite 69152, today one commune 69149) gives one figure per
 * former commune, the current map has room for one.
 * <p>
 * Rule: each figure (an indicator's score or value, the total) is the mean of the former
 * communes' figures weighted by their last known populations, as a territory's score is
 * the population-weighted mean of its communes'. When one former commune's population is
 * unknown (or zero), every former commune weighs the same: a plain mean, rather than a
 * guessed population. A figure one former commune lacks is taken from the others, its
 * weights rescaled; a missing figure is never read as 0.
 */
public final class MergedCommuneScores {

	private MergedCommuneScores() {
	}

	/**
	 * A former commune as the file gives it.
	 *
	 * @param population its last known population, {@code null} when unknown
	 * @param figures its figures by name (indicator code or {@code total})
	 */
	public record FormerCommune(String code, @Nullable Long population, Map<String, Double> figures) {
	}

	/**
	 * @param figures the merged commune's figures
	 * @param weights each former commune's share of the weight, by code, summing to 1
	 * @param populationWeighted {@code false} when a population was missing and the mean
	 * is plain
	 */
	public record Merged(Map<String, Double> figures, Map<String, Double> weights, boolean populationWeighted) {
	}

	public static Merged merge(List<FormerCommune> formers) {
		if (formers.isEmpty()) {
			throw new IllegalArgumentException("no former commune");
		}
		boolean populationWeighted = formers.stream()
			.allMatch(former -> former.population() != null && former.population() > 0);
		Map<String, Double> rawWeights = new LinkedHashMap<>();
		for (FormerCommune former : formers) {
			rawWeights.merge(former.code(), populationWeighted ? (double) former.population() : 1.0, Double::sum);
		}
		double totalWeight = rawWeights.values().stream().mapToDouble(Double::doubleValue).sum();
		Map<String, Double> shares = new LinkedHashMap<>();
		rawWeights.forEach((code, weight) -> shares.put(code, weight / totalWeight));

		Map<String, double[]> sums = new LinkedHashMap<>();
		for (FormerCommune former : formers) {
			double weight = populationWeighted ? former.population() : 1.0;
			former.figures().forEach((name, value) -> {
				double[] sum = sums.computeIfAbsent(name, n -> new double[2]);
				sum[0] += weight * value;
				sum[1] += weight;
			});
		}
		Map<String, Double> figures = new LinkedHashMap<>();
		sums.forEach((name, sum) -> figures.put(name, sum[0] / sum[1]));
		return new Merged(figures, shares, populationWeighted);
	}

}
