package fr.maillage.places.hours;

import java.time.LocalDateTime;
import java.time.format.TextStyle;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Whether a place is open now, and until or from when, with the sentence shown to people.
 */
public sealed interface OpeningStatus {

	/** Plain French, e.g. "Ouvert · ferme à 17:30", "Fermé · ouvre lundi à 9:00". */
	String text();

	/**
	 * As the API and the pages name it: {@code ouvert}, {@code ferme} or {@code inconnu}.
	 */
	default String code() {
		return this instanceof Open ? "ouvert" : this instanceof Closed ? "ferme" : "inconnu";
	}

	/**
	 * @param closesAt {@code null} when it stays open for the next two weeks (24/7)
	 */
	record Open(@Nullable LocalDateTime closesAt, String text) implements OpeningStatus {
	}

	/**
	 * @param opensAt {@code null} when it does not open in the next two weeks
	 */
	record Closed(@Nullable LocalDateTime opensAt, String text) implements OpeningStatus {
	}

	/** Hours that cannot be evaluated: shown as written. */
	record Unknown(String raw, String text) implements OpeningStatus {
	}

	/** "à 17:30", "demain à 9:00", "lundi à 9:00", "le 2 janvier à 9:00". */
	static String when(LocalDateTime now, LocalDateTime moment) {
		String time = moment.getHour() + ":" + String.format("%02d", moment.getMinute());
		long days = java.time.temporal.ChronoUnit.DAYS.between(now.toLocalDate(), moment.toLocalDate());
		if (days == 0) {
			return "à " + time;
		}
		if (days == 1) {
			return "demain à " + time;
		}
		if (days < 7) {
			return moment.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.FRENCH) + " à " + time;
		}
		return "le " + moment.getDayOfMonth() + " " + moment.getMonth().getDisplayName(TextStyle.FULL, Locale.FRENCH)
				+ " à " + time;
	}

}
