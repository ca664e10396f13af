package fr.maillage.opendata.sources;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Per-weekday hours as people write them ("09:00 - 12:00 / 13:30 - 17:00", one column per
 * day, empty when closed) to an OSM {@code opening_hours} value ("Mo-Th
 * 09:00-12:00,13:30-17:00; Fr 09:00-12:00"). Consecutive days with the same hours are
 * grouped. A day written otherwise makes the whole value unknown (empty): better no hours
 * than wrong hours.
 */
public final class HumanWeeklyHours {

	/** OSM day codes, Monday first. */
	public static final List<String> DAYS = List.of("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su");

	private static final Pattern DAY_HOURS = Pattern.compile(
			"^\\d{1,2}[:h]\\d{2}\\s*-\\s*\\d{1,2}[:h]\\d{2}(\\s*/\\s*\\d{1,2}[:h]\\d{2}\\s*-\\s*\\d{1,2}[:h]\\d{2})*$");

	private HumanWeeklyHours() {
	}

	/**
	 * @param byDay OSM day code → the day's text (absent or blank: closed)
	 * @return empty when no day has hours or when one day cannot be read
	 */
	public static Optional<String> toOpeningHours(Map<String, String> byDay) {
		Map<String, String> ranges = new LinkedHashMap<>();
		for (String day : DAYS) {
			String text = byDay.getOrDefault(day, "");
			text = text == null ? "" : text.strip();
			if (text.isEmpty()) {
				continue;
			}
			if (!DAY_HOURS.matcher(text).matches()) {
				return Optional.empty();
			}
			List<String> parts = new ArrayList<>();
			for (String range : text.split("/")) {
				String[] ends = range.strip().split("\\s*-\\s*");
				parts.add(time(ends[0]) + "-" + time(ends[1]));
			}
			ranges.put(day, String.join(",", parts));
		}
		if (ranges.isEmpty()) {
			return Optional.empty();
		}
		List<String> rules = new ArrayList<>();
		int i = 0;
		while (i < DAYS.size()) {
			String hours = ranges.get(DAYS.get(i));
			if (hours == null) {
				i++;
				continue;
			}
			int end = i;
			while (end + 1 < DAYS.size() && hours.equals(ranges.get(DAYS.get(end + 1)))) {
				end++;
			}
			String days = end == i ? DAYS.get(i) : DAYS.get(i) + (end == i + 1 ? "," : "-") + DAYS.get(end);
			rules.add(days + " " + hours);
			i = end + 1;
		}
		return Optional.of(String.join("; ", rules));
	}

	private static String time(String text) {
		String[] parts = text.strip().split("[:h]");
		return String.format("%02d:%s", Integer.parseInt(parts[0]), parts[1]);
	}

}
