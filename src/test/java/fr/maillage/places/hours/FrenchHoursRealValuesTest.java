package fr.maillage.places.hours;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The reader on every distinct hours value written in words found in the real producer
 * files ({@code fixtures/hours/free-text-hours.tsv}, see data/SOURCES.md): 967 values —
 * 945 per-day columns of the France Services national list, 111 per-day columns of the
 * Nouvelle-Calédonie form export (17 in both), 5 invalid OSM "horaires" of the lieux
 * files. Each is either understood (valid OSM that {@link OpeningHours} evaluates and
 * whose words read back to the same value) or refused with a French reason and an
 * example. Coverage: COVERAGE.
 */
class FrenchHoursRealValuesTest {

	private static final String OTHER_DAY = "10:00 - 11:00";

	record Value(String source, String day, String text) {

		HoursReading read() {
			if (day.equals("-")) {
				return FrenchHoursReader.read(text);
			}
			DayOfWeek column = DayOfWeek.of(List.of("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su").indexOf(day) + 1);
			// one column of a week whose Sunday (or Saturday) is open, so that a closed
			// day
			// ("Fermé") reads as closed rather than as a week without any opening
			DayOfWeek other = column == DayOfWeek.SUNDAY ? DayOfWeek.SATURDAY : DayOfWeek.SUNDAY;
			return FrenchHoursReader.readDays(Map.of(column, text, other, OTHER_DAY));
		}

	}

	static List<Value> values() throws IOException {
		try (InputStream in = FrenchHoursRealValuesTest.class
			.getResourceAsStream("/fixtures/hours/free-text-hours.tsv")) {
			String content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			List<Value> values = new ArrayList<>();
			for (String line : content.split("\n")) {
				if (line.startsWith("#") || line.isBlank()) {
					continue;
				}
				String[] columns = line.split("\t", 3);
				values.add(new Value(columns[0], columns[1], unescape(columns[2])));
			}
			return values;
		}
	}

	private static String unescape(String text) {
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\\' && i + 1 < text.length()) {
				char next = text.charAt(++i);
				out.append(next == 'n' ? '\n' : next == 't' ? '\t' : next == 'r' ? '\r' : next);
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

	@Test
	void everyRealValueIsUnderstoodWithWordsThatSayTheSameOrRefusedWithAnExample() throws Exception {
		List<Value> values = values();
		int understood = 0;
		List<String> refused = new ArrayList<>();
		for (Value value : values) {
			HoursReading reading = value.read();
			if (reading instanceof HoursReading.Understood u) {
				understood++;
				assertThat(FrenchHoursReaderTest.isValidOsm(u.osm())).as(value.toString()).isTrue();
				assertThat(OpeningHours.parse(u.osm()).isSupported() || FrenchHoursReaderTest.isDayOfMonth(u.osm()))
					.as(value.toString())
					.isTrue();
				assertThat(FrenchHoursReader.read(u.words())).as(value.toString()).isEqualTo(reading);
			}
			else if (reading instanceof HoursReading.Refused r) {
				refused.add(value.source() + " " + value.day() + " «" + value.text() + "» → " + r.reason());
			}
		}
		refused.forEach(System.out::println);
		System.out.println("understood " + understood + " / " + values.size());
	}

}
