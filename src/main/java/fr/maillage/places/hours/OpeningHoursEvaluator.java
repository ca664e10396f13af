package fr.maillage.places.hours;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Answers "open now?" and the weekly table for a place's hours, in Europe/Paris time. */
public final class OpeningHoursEvaluator {

	public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	/** How far ahead to look for the next opening or closing. */
	private static final int HORIZON_DAYS = 14;

	private OpeningHoursEvaluator() {
	}

	public static OpeningStatus statusAt(OpeningHours hours, ZonedDateTime instant, String departement) {
		if (!hours.isSupported()) {
			return new OpeningStatus.Unknown(hours.raw(), "Horaires : " + hours.raw());
		}
		LocalDateTime now = instant.withZoneSameInstant(PARIS).toLocalDateTime().withSecond(0).withNano(0);
		LocalDate today = now.toLocalDate();
		List<LocalDateTime[]> intervals = hours.intervals(today.minusDays(1), today.plusDays(HORIZON_DAYS),
				departement);
		LocalDateTime horizon = today.plusDays(HORIZON_DAYS).atStartOfDay();
		for (LocalDateTime[] interval : intervals) {
			if (!now.isBefore(interval[0]) && now.isBefore(interval[1])) {
				if (!interval[1].isBefore(horizon)) {
					return new OpeningStatus.Open(null, "Ouvert 24 h/24");
				}
				return new OpeningStatus.Open(interval[1], "Ouvert · ferme " + OpeningStatus.when(now, interval[1]));
			}
			if (interval[0].isAfter(now)) {
				return new OpeningStatus.Closed(interval[0], "Fermé · ouvre " + OpeningStatus.when(now, interval[0]));
			}
		}
		return new OpeningStatus.Closed(null, "Fermé");
	}

	/**
	 * Monday to Sunday of an ordinary week (no public holiday): "9:00 – 12:00", … or none
	 * (closed).
	 */
	public static List<DayHours> weeklyTable(OpeningHours hours) {
		List<DayHours> week = new ArrayList<>();
		// a week without public holidays in any département's calendar
		LocalDate monday = LocalDate.of(2024, 3, 4);
		for (int i = 0; i < 7; i++) {
			LocalDate date = monday.plusDays(i);
			List<String> spans = new ArrayList<>();
			if (hours.isSupported()) {
				List<OpeningHours.Span> daySpans = new ArrayList<>(hours.spansOn(date, "75"));
				daySpans.sort((a, b) -> Integer.compare(a.start(), b.start()));
				for (OpeningHours.Span span : daySpans) {
					spans.add(span.start() == 0 && span.end() >= 24 * 60 ? "24 h/24"
							: time(span.start()) + " – " + time(span.end() % (24 * 60)));
				}
			}
			DayOfWeek day = date.getDayOfWeek();
			String name = day.getDisplayName(TextStyle.FULL, Locale.FRENCH);
			week.add(new DayHours(Character.toUpperCase(name.charAt(0)) + name.substring(1), spans));
		}
		return week;
	}

	private static String time(int minutes) {
		return minutes / 60 + ":" + String.format("%02d", minutes % 60);
	}

	/** One line of the weekly table: the day and its spans; no span means closed. */
	public record DayHours(String jour, List<String> plages) {

		public DayHours {
			plages = List.copyOf(plages);
		}

	}

}
