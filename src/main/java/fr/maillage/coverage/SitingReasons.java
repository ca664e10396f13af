package fr.maillage.coverage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import fr.maillage.coverage.domain.Area;
import fr.maillage.coverage.domain.SitingSuggestions;
import org.jspecify.annotations.Nullable;

/**
 * Why a siting suggestion was made, in words a coordinator can repeat in a meeting: how
 * many people it brings near help and where, how many of them live in a zone blanche, and
 * how fragile the communes it reaches are compared with the territory.
 */
final class SitingReasons {

	/** Communes named in a reason before « et N autres ». */
	static final int NAMED_COMMUNES = 4;

	private final Map<String, Area> areas = new HashMap<>();

	private final Map<String, Double> scores;

	private final double radiusKm;

	private final double farKm;

	private final @Nullable Double territoryScore;

	SitingReasons(List<Area> areas, Map<String, Double> scores, double radiusKm, double farKm) {
		areas.forEach(area -> this.areas.put(area.code(), area));
		this.scores = scores;
		this.radiusKm = radiusKm;
		this.farKm = farKm;
		this.territoryScore = meanScore(areas.stream().map(Area::code).toList());
	}

	/**
	 * Official IFN of communes, weighted by their population (each commune once when no
	 * population is known); {@code null} when none has a score.
	 */
	@Nullable Double meanScore(List<String> codes) {
		double sum = 0;
		double weights = 0;
		for (String code : codes) {
			Double score = scores.get(code);
			Area area = areas.get(code);
			if (score == null || area == null) {
				continue;
			}
			double weight = Math.max(1, area.population());
			sum += score * weight;
			weights += weight;
		}
		return weights == 0 ? null : Math.round(sum / weights * 10) / 10.0;
	}

	List<String> explain(SitingSuggestions.Pick pick) {
		List<String> reasons = new ArrayList<>();
		List<String> reached = pick.communesReached();
		List<String> names = reached.stream()
			.limit(NAMED_COMMUNES)
			.map(code -> areas.containsKey(code) ? areas.get(code).name() : code)
			.toList();
		String list = String.join(", ", names)
				+ (reached.size() > NAMED_COMMUNES ? " et " + plural(reached.size() - NAMED_COMMUNES, "autre") : "");
		reasons.add(integer(pick.populationGained()) + " habitants de " + plural(reached.size(), "commune") + " ("
				+ list + ") auraient un lieu à moins de " + decimal(radiusKm) + " km.");
		if (pick.zoneBlanchePopulation() > 0) {
			String who = pick.zoneBlanchePopulation() == pick.populationGained() ? "Tous en zone blanche"
					: "Dont " + integer(pick.zoneBlanchePopulation()) + " habitants en zone blanche";
			reasons.add(who + ", aujourd’hui à plus de " + decimal(farKm) + " km de tout lieu.");
		}
		Double score = meanScore(reached);
		if (score != null) {
			String comparison = territoryScore == null ? ""
					: score > territoryScore ? ", plus que la moyenne du territoire (" + decimal(territoryScore) + ")"
							: score < territoryScore
									? ", moins que la moyenne du territoire (" + decimal(territoryScore) + ")"
									: ", comme la moyenne du territoire";
			reasons
				.add("Fragilité numérique des communes atteintes : " + decimal(score) + " sur 10" + comparison + ".");
		}
		else {
			reasons.add("Fragilité numérique des communes atteintes : pas encore de données.");
		}
		return reasons;
	}

	private static String plural(int count, String word) {
		return count + " " + word + (count > 1 ? "s" : "");
	}

	/** French grouping with a no-break space, so that « 1 914 » never breaks. */
	static String integer(long value) {
		return String.format(Locale.FRANCE, "%,d", value).replace(' ', '\u202f').replace('\u00a0', '\u202f');
	}

	static String decimal(double value) {
		return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.FRANCE, "%.1f", value);
	}

}
