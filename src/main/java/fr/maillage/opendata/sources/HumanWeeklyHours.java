package fr.maillage.opendata.sources;

import java.time.DayOfWeek;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.maillage.places.hours.FrenchHoursReader;
import fr.maillage.places.hours.HoursReading;

/**
 * Per-weekday hours as people write them ("09:00 - 12:00 / 13:30 - 17:00", "10h à 17h",
 * "Fermé", one column per day, empty when closed) to an OSM {@code opening_hours} value
 * ("Mo-Th 09:00-12:00,13:30-17:00; Fr 09:00-12:00"), read by the places' French hours
 * reader ({@link FrenchHoursReader#readDays}). Consecutive days with the same hours are
 * grouped. A day the reader does not understand makes the whole value unknown (empty):
 * better no hours than wrong hours.
 */
public final class HumanWeeklyHours {

	/** OSM day codes, Monday first. */
	public static final List<String> DAYS = List.of("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su");

	private HumanWeeklyHours() {
	}

	/**
	 * @param byDay OSM day code → the day's text (absent or blank: closed)
	 * @return empty when no day has hours or when one day cannot be read
	 */
	public static Optional<String> toOpeningHours(Map<String, String> byDay) {
		Map<DayOfWeek, String> days = new EnumMap<>(DayOfWeek.class);
		for (int i = 0; i < DAYS.size(); i++) {
			String text = byDay.get(DAYS.get(i));
			if (text != null && !text.isBlank()) {
				days.put(DayOfWeek.of(i + 1), text);
			}
		}
		if (FrenchHoursReader.readDays(days) instanceof HoursReading.Understood understood) {
			return Optional.of(understood.osm());
		}
		return Optional.empty();
	}

}
