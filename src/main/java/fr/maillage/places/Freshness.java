package fr.maillage.places;

import java.time.LocalDate;
import java.time.Period;

import org.jspecify.annotations.Nullable;

/**
 * The one freshness rule (issues 6 and 15), for the public badge, the coordinator's
 * indicator, reminders and exports alike: a lieu is « à jour » when someone vouched for
 * it recently — its producer's date of update, an edit in Maillage or a « toujours exact
 * » confirmation, whichever is latest — within the validity period (6 months unless
 * configured, {@code maillage.fraicheur.validite-mois}). When nobody ever gave a date (a
 * connector without the producer's date), the date is unknown, never the import day.
 */
public enum Freshness {

	UP_TO_DATE("À jour"), TO_CHECK("Informations à vérifier"), UNKNOWN_DATE("Date inconnue");

	public static final Period DEFAULT_VALIDITY = Period.ofMonths(6);

	private final String label;

	Freshness(String label) {
		this.label = label;
	}

	/** What the badge says. */
	public String label() {
		return label;
	}

	public static Freshness of(@Nullable LocalDate lastVouched, LocalDate today, Period validity) {
		if (lastVouched == null) {
			return UNKNOWN_DATE;
		}
		return lastVouched.isBefore(today.minus(validity)) ? TO_CHECK : UP_TO_DATE;
	}

	public static boolean isUpToDate(@Nullable LocalDate lastVouched, LocalDate today, Period validity) {
		return of(lastVouched, today, validity) == UP_TO_DATE;
	}

	/** The latest of the dates, ignoring unknown ones. */
	public static @Nullable LocalDate lastVouched(@Nullable LocalDate... dates) {
		LocalDate latest = null;
		for (LocalDate date : dates) {
			if (date != null && (latest == null || date.isAfter(latest))) {
				latest = date;
			}
		}
		return latest;
	}

}
