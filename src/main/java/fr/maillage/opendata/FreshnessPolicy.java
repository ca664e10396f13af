package fr.maillage.opendata;

import java.time.LocalDate;
import java.time.Period;

import org.jspecify.annotations.Nullable;

/**
 * A lieu is "à jour" when someone vouched for it recently (issue 6, roadmap indicator
 * "nombre de fiches à jour"): its producer's date of update, an edit in Maillage or a
 * "toujours exact" confirmation, whichever is latest, is within the validity period (6
 * months unless configured).
 */
public final class FreshnessPolicy {

	public static final Period DEFAULT_VALIDITY = Period.ofMonths(6);

	private FreshnessPolicy() {
	}

	public static boolean isUpToDate(@Nullable LocalDate lastVouched, LocalDate today, Period validity) {
		return lastVouched != null && !lastVouched.isBefore(today.minus(validity));
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
