package fr.maillage.places.hours;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import ch.poole.openinghoursparser.Holiday;
import ch.poole.openinghoursparser.Nth;
import ch.poole.openinghoursparser.OpeningHoursParseException;
import ch.poole.openinghoursparser.OpeningHoursParser;
import ch.poole.openinghoursparser.Rule;
import ch.poole.openinghoursparser.RuleModifier;
import ch.poole.openinghoursparser.TimeSpan;
import ch.poole.openinghoursparser.Util;
import ch.poole.openinghoursparser.WeekDay;
import ch.poole.openinghoursparser.WeekDayRange;
import org.jspecify.annotations.Nullable;

/**
 * An OSM {@code opening_hours} value said in plain French, for place pages and the edit
 * form: "Mo-Fr 09:00-12:00,14:00-17:00; PH off" → "du lundi au vendredi de 9 h à 12 h et
 * de 14 h à 17 h ; fermé les jours fériés". Says weekdays (also "1er mardi du mois"),
 * public holidays, times, {@code 24/7} and {@code off}; anything else (dates, weeks,
 * sunrise, comments) has no words: the value is then shown as written. What it writes,
 * {@link FrenchHoursReader} reads back to the same hours.
 */
public final class HoursInWords {

	private static final String[] DAY_NAMES = { "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi",
			"dimanche" };

	private static final int DAY = 24 * 60;

	private HoursInWords() {
	}

	/** Empty when the value cannot be read or says more than these words can. */
	public static Optional<String> words(String osm) {
		if (osm.isBlank()) {
			return Optional.empty();
		}
		Optional<List<Rule>> parsed = parse(osm);
		if (parsed.isEmpty()) {
			return Optional.empty();
		}
		List<Rule> rules = parsed.get();
		List<String> sentences = new ArrayList<>();
		for (Rule rule : rules) {
			Optional<String> sentence = sentence(rule);
			if (sentence.isEmpty()) {
				return Optional.empty();
			}
			sentences.add(sentence.get());
		}
		return sentences.isEmpty() ? Optional.empty() : Optional.of(String.join(" ; ", sentences));
	}

	/**
	 * The strict parser, or the lenient one when it reads the value back unchanged: the
	 * strict one refuses spans past midnight ("Fr 19:00-02:00"), the lenient one guesses
	 * on anything else (as {@code OpeningHoursSyntax} of the imports does).
	 */
	private static Optional<List<Rule>> parse(String osm) {
		try {
			return Optional.of(new OpeningHoursParser(new StringReader(osm)).rules(true));
		}
		catch (OpeningHoursParseException | RuntimeException strictFailure) {
			try {
				List<Rule> rules = new OpeningHoursParser(new StringReader(osm)).rules(false);
				return Util.rulesToOpeningHoursString(rules).replace(" ", "").equals(osm.replace(" ", ""))
						? Optional.of(rules) : Optional.empty();
			}
			catch (OpeningHoursParseException | RuntimeException unreadable) {
				return Optional.empty();
			}
		}
	}

	private static Optional<String> sentence(Rule rule) {
		if (rule.isEmpty() || rule.isFallBack() || rule.isAdditive() || notEmpty(rule.getYears())
				|| notEmpty(rule.getWeeks()) || notEmpty(rule.getDates()) || rule.getComment() != null) {
			return Optional.empty();
		}
		boolean closed = false;
		RuleModifier modifier = rule.getModifier();
		if (modifier != null) {
			if (modifier.getComment() != null) {
				return Optional.empty();
			}
			if (modifier.getModifier() == RuleModifier.Modifier.CLOSED
					|| modifier.getModifier() == RuleModifier.Modifier.OFF) {
				closed = true;
			}
			else if (modifier.getModifier() != RuleModifier.Modifier.OPEN) {
				return Optional.empty();
			}
		}
		if (rule.isTwentyfourseven()) {
			return Optional.of(closed ? "fermé" : "24 h/24, 7 j/7");
		}
		List<String> days = new ArrayList<>();
		for (WeekDayRange range : orEmpty(rule.getDays())) {
			if (range.getOffset() != 0) {
				return Optional.empty();
			}
			days.add(days(range));
		}
		for (Holiday holiday : orEmpty(rule.getHolidays())) {
			if (holiday.getType() != Holiday.Type.PH || holiday.getOffset() != 0) {
				return Optional.empty();
			}
			days.add("les jours fériés");
		}
		List<String> times = new ArrayList<>();
		for (TimeSpan span : orEmpty(rule.getTimes())) {
			if (span.getStartEvent() != null || span.getEndEvent() != null || span.isOpenEnded()
					|| span.getInterval() != 0 || span.getEnd() == TimeSpan.UNDEFINED_TIME) {
				return Optional.empty();
			}
			times.add(span.getStart() == 0 && span.getEnd() == DAY ? "24 h/24"
					: "de " + time(span.getStart()) + " à " + time(span.getEnd()));
		}
		if (closed) {
			if (!times.isEmpty()) {
				return Optional.empty();
			}
			return Optional.of(days.isEmpty() ? "fermé" : "fermé " + list(days));
		}
		String when = days.isEmpty() ? "tous les jours" : list(days);
		return Optional.of(when + " " + (times.isEmpty() ? "24 h/24" : String.join(" et ", times)));
	}

	/**
	 * "le lundi", "du lundi au vendredi", "tous les jours", "le 1er et 3e mardi du mois".
	 */
	private static String days(WeekDayRange range) {
		WeekDay start = range.getStartDay();
		WeekDay end = range.getEndDay();
		if (notEmpty(range.getNths())) {
			List<String> ordinals = new ArrayList<>();
			for (Nth nth : range.getNths()) {
				ordinals.add(ordinal(nth.getStartNth()));
				if (nth.getEndNth() != Nth.INVALID_NTH) {
					for (int n = nth.getStartNth() + 1; n <= nth.getEndNth(); n++) {
						ordinals.add(ordinal(n));
					}
				}
			}
			return "le " + list(ordinals) + " " + DAY_NAMES[start.ordinal()] + " du mois";
		}
		if (end == null || end == start) {
			return "le " + DAY_NAMES[start.ordinal()];
		}
		if (start == WeekDay.MO && end == WeekDay.SU) {
			return "tous les jours";
		}
		return "du " + DAY_NAMES[start.ordinal()] + " au " + DAY_NAMES[end.ordinal()];
	}

	private static String ordinal(int n) {
		return n == 1 ? "1er" : n == -1 ? "dernier" : n + "e";
	}

	/** "9 h", "9 h 30", "12 h 05"; past midnight, the next day's time. */
	static String time(int minutes) {
		int shown = minutes > DAY ? minutes - DAY : minutes;
		int hour = shown / 60;
		int minute = shown % 60;
		return minute == 0 ? hour + " h" : hour + " h " + String.format("%02d", minute);
	}

	/** "a", "a et b", "a, b et c". */
	private static String list(List<String> items) {
		if (items.size() == 1) {
			return items.get(0);
		}
		return String.join(", ", items.subList(0, items.size() - 1)) + " et " + items.get(items.size() - 1);
	}

	private static boolean notEmpty(@Nullable List<?> list) {
		return list != null && !list.isEmpty();
	}

	private static <T> List<T> orEmpty(@Nullable List<T> list) {
		return list == null ? List.of() : list;
	}

}
