package fr.maillage.fragility.domain;

import java.util.EnumMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The score of a unit or territory and the score of each indicator that made it.
 *
 * @param score {@code null} when no indicator of the set is known
 * @param indicatorScores per indicator, on the method's scale
 */
public record FragilityScore(@Nullable Double score, Map<FragilityIndicator, Double> indicatorScores) {

	public FragilityScore {
		indicatorScores = indicatorScores.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(indicatorScores));
	}

	public static final FragilityScore NONE = new FragilityScore(null, Map.of());

	public boolean isKnown() {
		return score != null;
	}

}
