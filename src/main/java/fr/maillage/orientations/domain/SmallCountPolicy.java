package fr.maillage.orientations.domain;

import java.util.OptionalLong;

/**
 * Counts about people are shown only when enough people are behind them (issue 16,
 * indicators): a figure computed from fewer than {@link #minimum()} orientations could
 * point at someone in a small territory (« the one refused orientation in that EPCI this
 * month »), so it is hidden and said « moins de N ». The threshold is a setting
 * ({@code maillage.orientations.indicateurs.seuil}); below 2 it would hide nothing that
 * counts, so it is at least 2.
 */
public record SmallCountPolicy(int minimum) {

	public SmallCountPolicy {
		if (minimum < 2) {
			throw new IllegalArgumentException("the small-count threshold is at least 2, not " + minimum);
		}
	}

	/**
	 * Whether a figure computed from {@code basis} orientations may be shown. Zero may: «
	 * none » reveals nobody.
	 */
	public boolean shows(long basis) {
		return basis == 0 || basis >= minimum;
	}

	/** The count itself, when it may be shown. */
	public OptionalLong count(long count) {
		return shows(count) ? OptionalLong.of(count) : OptionalLong.empty();
	}

	/** What is written instead of a hidden figure. */
	public String hiddenText() {
		return "moins de " + minimum;
	}

}
