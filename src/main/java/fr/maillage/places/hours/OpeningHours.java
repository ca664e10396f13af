package fr.maillage.places.hours;

import java.io.StringReader;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import ch.poole.openinghoursparser.Holiday;
import ch.poole.openinghoursparser.OpeningHoursParseException;
import ch.poole.openinghoursparser.OpeningHoursParser;
import ch.poole.openinghoursparser.Rule;
import ch.poole.openinghoursparser.RuleModifier;
import ch.poole.openinghoursparser.TimeSpan;
import ch.poole.openinghoursparser.WeekDay;
import ch.poole.openinghoursparser.WeekDayRange;
import org.jspecify.annotations.Nullable;

/**
 * A place's weekly opening hours, from OpenStreetMap syntax. Supported: weekday ranges,
 * time spans (also past midnight), public holidays ({@code PH}, French calendar),
 * {@code 24/7}, {@code off}/{@code closed}, and rules that override or add to earlier
 * ones ({@code ;} and {@code ,}) as the OSM specification says. Anything else (dates,
 * weeks, school holidays, sunrise, fallback rules) makes the value unsupported: it is
 * then shown as written, never evaluated as "fermé".
 */
public final class OpeningHours {

	private static final int DAY = 24 * 60;

	/**
	 * A time span in minutes from the start of its day; {@code end} may pass midnight (up
	 * to 48:00).
	 */
	record Span(int start, int end) {
	}

	/**
	 * One rule: on these days (or public holidays, or every day), these spans — or
	 * closed.
	 */
	private record DayRule(Set<DayOfWeek> days, boolean publicHoliday, boolean everyDay, List<Span> spans,
			boolean closed, boolean additive) {

		boolean appliesTo(LocalDate date, String departement) {
			return everyDay || days.contains(date.getDayOfWeek())
					|| (publicHoliday && FrenchPublicHolidays.isHoliday(date, departement));
		}

	}

	private final String raw;

	private final @Nullable List<DayRule> rules;

	private OpeningHours(String raw, @Nullable List<DayRule> rules) {
		this.raw = raw;
		this.rules = rules;
	}

	/**
	 * Never fails: an unreadable or unsupported value gives an unsupported
	 * {@code OpeningHours}.
	 */
	public static OpeningHours parse(String value) {
		try {
			List<Rule> parsed = new OpeningHoursParser(new StringReader(value)).rules(false);
			List<DayRule> rules = new ArrayList<>();
			for (Rule rule : parsed) {
				Optional<DayRule> converted = convert(rule);
				if (converted.isEmpty()) {
					return new OpeningHours(value, null);
				}
				rules.add(converted.get());
			}
			return new OpeningHours(value, List.copyOf(rules));
		}
		catch (OpeningHoursParseException | RuntimeException unreadable) {
			return new OpeningHours(value, null);
		}
	}

	private static Optional<DayRule> convert(Rule rule) {
		if (rule.isFallBack() || notEmpty(rule.getYears()) || notEmpty(rule.getWeeks()) || notEmpty(rule.getDates())) {
			return Optional.empty();
		}
		boolean closed = false;
		RuleModifier modifier = rule.getModifier();
		if (modifier != null && modifier.getModifier() != null) {
			switch (modifier.getModifier()) {
				case OPEN -> closed = false;
				case CLOSED, OFF -> closed = true;
				default -> {
					return Optional.empty();
				}
			}
		}
		Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
		for (WeekDayRange range : orEmpty(rule.getDays())) {
			if (notEmpty(range.getNths()) || range.getOffset() != 0) {
				return Optional.empty();
			}
			DayOfWeek start = dayOf(range.getStartDay());
			DayOfWeek end = range.getEndDay() == null ? start : dayOf(range.getEndDay());
			for (DayOfWeek day = start;; day = day.plus(1)) {
				days.add(day);
				if (day == end) {
					break;
				}
			}
		}
		boolean publicHoliday = false;
		for (Holiday holiday : orEmpty(rule.getHolidays())) {
			if (holiday.getType() != Holiday.Type.PH || holiday.getOffset() != 0) {
				return Optional.empty();
			}
			publicHoliday = true;
		}
		List<Span> spans = new ArrayList<>();
		if (rule.isTwentyfourseven() || orEmpty(rule.getTimes()).isEmpty()) {
			spans.add(new Span(0, DAY));
		}
		for (TimeSpan time : orEmpty(rule.getTimes())) {
			if (time.getStartEvent() != null || time.getEndEvent() != null || time.isOpenEnded()
					|| time.getInterval() != 0 || time.getEnd() == TimeSpan.UNDEFINED_TIME) {
				return Optional.empty();
			}
			int end = time.getEnd() <= time.getStart() ? time.getEnd() + DAY : time.getEnd();
			spans.add(new Span(time.getStart(), Math.min(end, 2 * DAY)));
		}
		if (closed && !orEmpty(rule.getTimes()).isEmpty()) {
			return Optional.empty();
		}
		boolean everyDay = days.isEmpty() && !publicHoliday;
		return Optional.of(new DayRule(days, publicHoliday, everyDay, List.copyOf(spans), closed, rule.isAdditive()));
	}

	private static DayOfWeek dayOf(WeekDay day) {
		return DayOfWeek.of(day.ordinal() + 1);
	}

	private static boolean notEmpty(@Nullable List<?> list) {
		return list != null && !list.isEmpty();
	}

	private static <T> List<T> orEmpty(@Nullable List<T> list) {
		return list == null ? List.of() : list;
	}

	public String raw() {
		return raw;
	}

	public boolean isSupported() {
		return rules != null;
	}

	/**
	 * The spans of one date, after every rule that applies to it (later rules override,
	 * "," rules add).
	 */
	List<Span> spansOn(LocalDate date, String departement) {
		if (rules == null) {
			throw new IllegalStateException("unsupported opening hours: " + raw);
		}
		List<Span> spans = new ArrayList<>();
		for (DayRule rule : rules) {
			if (!rule.appliesTo(date, departement)) {
				continue;
			}
			if (!rule.additive()) {
				spans.clear();
			}
			if (!rule.closed()) {
				spans.addAll(rule.spans());
			}
		}
		return spans;
	}

	/** Whether the place is open at this local (Europe/Paris) time. */
	public boolean isOpenAt(LocalDateTime time, String departement) {
		int minute = time.getHour() * 60 + time.getMinute();
		for (Span span : spansOn(time.toLocalDate(), departement)) {
			if (span.start() <= minute && minute < span.end()) {
				return true;
			}
		}
		for (Span span : spansOn(time.toLocalDate().minusDays(1), departement)) {
			if (minute + DAY < span.end()) {
				return true;
			}
		}
		return false;
	}

	/** Open intervals between two dates, merged, as local date-times. */
	List<LocalDateTime[]> intervals(LocalDate from, LocalDate to, String departement) {
		List<LocalDateTime[]> intervals = new ArrayList<>();
		for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
			List<Span> spans = new ArrayList<>(spansOn(date, departement));
			spans.sort((a, b) -> Integer.compare(a.start(), b.start()));
			for (Span span : spans) {
				LocalDateTime start = date.atStartOfDay().plusMinutes(span.start());
				LocalDateTime end = date.atStartOfDay().plusMinutes(span.end());
				LocalDateTime[] last = intervals.isEmpty() ? null : intervals.get(intervals.size() - 1);
				if (last != null && !start.isAfter(last[1])) {
					if (end.isAfter(last[1])) {
						last[1] = end;
					}
				}
				else {
					intervals.add(new LocalDateTime[] { start, end });
				}
			}
		}
		intervals.sort((a, b) -> a[0].compareTo(b[0]));
		List<LocalDateTime[]> merged = new ArrayList<>();
		for (LocalDateTime[] interval : intervals) {
			LocalDateTime[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
			if (last != null && !interval[0].isAfter(last[1])) {
				if (interval[1].isAfter(last[1])) {
					last[1] = interval[1];
				}
			}
			else {
				merged.add(interval);
			}
		}
		return merged;
	}

}
