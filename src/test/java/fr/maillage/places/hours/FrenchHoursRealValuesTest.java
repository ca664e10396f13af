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
 * the per-day columns of the France Services national list 2023 (868 distinct) and of the
 * Nouvelle-Calédonie form export (111 distinct, 17 shared with France Services), and the
 * 5 "horaires" of the national-schema lieux files that are not valid OSM. Each is either
 * understood (valid OSM that {@link OpeningHours} evaluates, whose words read back to the
 * same value) or refused with a French reason and an example.
 *
 * <p>
 * Coverage: 958 understood, 9 refused. Of the refused, one only could a person read
 * without doubt ("7:00-11:30 et pas d'accueil en apres midi"); the others are broken OSM
 * ("We 09:30-13:00-18:00", "Th 14-18:10-19"), a typo ("10:00-11-00"), a spreadsheet time
 * ("13:16:59.999998") and no hours at all ("réservé aux scolaires"): 958 of the 959
 * readable values (99.9 %).
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
	void everyRealValueIsUnderstoodWithWordsThatSayTheSameOrRefusedWithAnExample() throws IOException {
		List<Value> values = values();
		assertThat(values).hasSize(967);
		List<Value> understood = new ArrayList<>();
		List<String> refused = new ArrayList<>();
		for (Value value : values) {
			HoursReading reading = value.read();
			if (reading instanceof HoursReading.Understood u) {
				understood.add(value);
				assertThat(FrenchHoursReaderTest.isValidOsm(u.osm())).as(value.toString()).isTrue();
				assertThat(OpeningHours.parse(u.osm()).isSupported() || FrenchHoursReaderTest.isDayOfMonth(u.osm()))
					.as(value.toString())
					.isTrue();
				assertThat(FrenchHoursReader.read(u.words())).as(value.toString()).isEqualTo(reading);
			}
			else if (reading instanceof HoursReading.Refused r) {
				assertThat(r.reason()).as(value.toString()).isNotBlank();
				assertThat(r.example()).isEqualTo(FrenchHoursReader.EXAMPLE);
				refused.add(value.text());
			}
		}
		assertThat(refused).containsExactlyInAnyOrder(
				"Mo,Tu 09:30-13:00,14:00-18:00; We 09:30-13:00-18:00; Th 09:30-12:00,16:00-18:00; Fr 09:30-13:00,14:00-17:00",
				"Tu-Fr 09:00-12:00,14:00-17:00; Mo 14-17;9-12,14-17",
				"Tu-Fr 10:00-19:00; Th 14-18:10-19; Sa 10:00-18:14,18:10-19:00",
				"Tu-Th 08:45-13:45; Mo 08:45-12:00-13:45; Fr 08:45-13:45-17:00",
				"We,Th 12:00-14:00-17:00; Mo 09:00-12:00,14:00-17:00; Tu 09:00-12:00; Fr 12:00",
				"10:00-11-00, 12:00-17:00", "13:16:59.999998", "7:00-11:30 et pas d'accueil en apres midi",
				"réservé aux scolaires");
		assertThat(understood).hasSize(958);
	}

	@Test
	void theFormsOfTheProducersColumnsMeanWhatTheySay() {
		assertThat(new Value("", "Mo", "7 : 30 - 11 : 30 / 12 : 30 - 15 :30").read())
			.extracting(reading -> ((HoursReading.Understood) reading).osm())
			.isEqualTo("Mo 07:30-11:30,12:30-15:30; Su 10:00-11:00");
		assertThat(new Value("", "We", "10: à 18: (en continu)").read())
			.extracting(reading -> ((HoursReading.Understood) reading).osm())
			.isEqualTo("We 10:00-18:00; Su 10:00-11:00");
		// an empty slot of the form, then the real hours
		assertThat(new Value("", "Mo", "00:00 - 00:00 / 09:00 - 12:00").read())
			.extracting(reading -> ((HoursReading.Understood) reading).osm())
			.isEqualTo("Mo 09:00-12:00; Su 10:00-11:00");
		assertThat(new Value("", "Mo", "Fermé").read()).extracting(reading -> ((HoursReading.Understood) reading).osm())
			.isEqualTo("Su 10:00-11:00");
		assertThat(new Value("", "Sa", "08:00-11:30 (les premiers samedis de chaque mois)").read())
			.extracting(reading -> ((HoursReading.Understood) reading).osm())
			.isEqualTo("Su 10:00-11:00; Sa[1] 08:00-11:30");
	}

}
