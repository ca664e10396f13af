package fr.maillage.places.web;

import java.util.Locale;

/**
 * Numbers as French readers write them: « 1 914 », « 5,0 km », with spaces that never
 * break a number from its unit or its own digits across two lines.
 */
final class FrenchNumbers {

	/** Narrow no-break space, the French thousands separator. */
	static final char THOUSANDS = '\u202F';

	static final char NO_BREAK = '\u00A0';

	private FrenchNumbers() {
	}

	static String format(long number) {
		String digits = Long.toString(Math.abs(number));
		StringBuilder grouped = new StringBuilder();
		for (int i = 0; i < digits.length(); i++) {
			if (i > 0 && (digits.length() - i) % 3 == 0) {
				grouped.append(THOUSANDS);
			}
			grouped.append(digits.charAt(i));
		}
		return (number < 0 ? "-" : "") + grouped;
	}

	/**
	 * A distance: metres rounded to 50 under one kilometre, else kilometres with one
	 * decimal.
	 */
	static String kilometres(double km) {
		if (km < 1) {
			return Math.round(km * 1000 / 50) * 50 + String.valueOf(NO_BREAK) + "m";
		}
		if (km >= 100) {
			return format(Math.round(km)) + NO_BREAK + "km";
		}
		return String.format(Locale.FRENCH, "%.1f", km) + NO_BREAK + "km";
	}

}
