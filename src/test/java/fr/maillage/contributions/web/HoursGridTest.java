package fr.maillage.contributions.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The form's hours editor: per day, morning and afternoon, into OpenStreetMap's form. */
class HoursGridTest {

	private static HoursGrid grid(String other, String... dayPartTime) {
		Map<String, String> posted = new HashMap<>();
		for (int i = 0; i < dayPartTime.length; i += 2) {
			posted.put("horaires-" + dayPartTime[i], dayPartTime[i + 1]);
		}
		posted.put("horaires", other);
		return HoursGrid.posted(posted::get);
	}

	private static String[] weekdays(String part, String time) {
		return new String[] { "lundi-" + part, time, "mardi-" + part, time, "mercredi-" + part, time, "jeudi-" + part,
				time, "vendredi-" + part, time };
	}

	private static String[] concat(String[]... parts) {
		return java.util.Arrays.stream(parts).flatMap(java.util.Arrays::stream).toArray(String[]::new);
	}

	@Test
	void daysWithTheSameHoursAreGroupedAndOtherHoursComeLast() {
		HoursGrid grid = grid("fermé les jours fériés",
				concat(weekdays("matin-debut", "09:00"), weekdays("matin-fin", "12:00"),
						weekdays("apresmidi-debut", "14:00"), weekdays("apresmidi-fin", "17:00"),
						new String[] { "samedi-matin-debut", "9h", "samedi-matin-fin", "12h30" }));

		HoursGrid.Reading reading = grid.read();

		assertThat(reading.errors()).isEmpty();
		assertThat(reading.osm()).isEqualTo("Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:30; PH off");
	}

	@Test
	void hoursInWordsForSomeDaysReplaceTheGridsHoursOfThoseDays() {
		HoursGrid grid = grid("du lundi au vendredi de 9 h à 12 h, fermé les jours fériés",
				concat(new String[] { "lundi-apresmidi-debut", "13:30", "lundi-apresmidi-fin", "18:00" },
						weekdays("matin-debut", "08:30"), weekdays("matin-fin", "11:45"),
						new String[] { "samedi-matin-debut", "9h", "samedi-matin-fin", "12h" }));

		HoursGrid.Reading reading = grid.read();

		assertThat(reading.errors()).isEmpty();
		// Saturday is only in the grid: it stays; Monday to Friday are the words'
		assertThat(reading.osm()).isEqualTo("Sa 09:00-12:00; Mo-Fr 09:00-12:00; PH off");
	}

	@Test
	void theDaysAnOsmValueNamesIncludeRangesOverTheWeeksEnd() {
		assertThat(HoursGrid.daysNamed("Sa-Mo 10:00-12:00; PH off; We 14:00-16:00")).extracting(HoursGrid.Day::osm)
			.containsExactlyInAnyOrder("Sa", "Su", "Mo", "We");
	}

	@Test
	void aClosedDayInTheMiddleSplitsTheWeek() {
		HoursGrid grid = grid("", "lundi-matin-debut", "10:00", "lundi-matin-fin", "18:00", "mardi-matin-debut",
				"10:00", "mardi-matin-fin", "18:00", "jeudi-apresmidi-debut", "14:00", "jeudi-apresmidi-fin", "17:00");

		assertThat(grid.read().osm()).isEqualTo("Mo-Tu 10:00-18:00; Th 14:00-17:00");
	}

	@Test
	void mistakesAreSaidDayByDayInFrench() {
		HoursGrid grid = grid("", "lundi-matin-debut", "09:00", "mardi-matin-debut", "12:00", "mardi-matin-fin",
				"09:00", "mercredi-matin-debut", "midi", "mercredi-matin-fin", "13:00", "jeudi-matin-debut", "09:00",
				"jeudi-matin-fin", "13:00", "jeudi-apresmidi-debut", "12:00", "jeudi-apresmidi-fin", "17:00");

		HoursGrid.Reading reading = grid.read();

		assertThat(reading.osm()).isNull();
		assertThat(reading.errors()).containsExactly(
				"Lundi matin : indiquez l'heure d'ouverture et l'heure de fermeture (ou aucune si c'est fermé).",
				"Mardi matin : l'heure de fermeture (09:00) doit venir après l'heure d'ouverture (12:00).",
				"Mercredi matin : heure non comprise (« midi ») ; écrivez-la comme 9:00 ou 14:30.",
				"Jeudi après-midi : commence avant la fin du matin.");
	}

	@ParameterizedTest
	@org.junit.jupiter.params.provider.CsvSource({ "9,09:00", "9h,09:00", "9 h 30,09:30", "09:30,09:30", "0930,09:30",
			"930,09:30", "17.45,17:45", "24:00,24:00" })
	void timesAreReadAsPeopleTypeThem(String typed, String time) {
		assertThat(HoursGrid.time(typed)).isEqualTo(time);
	}

	@ParameterizedTest
	@ValueSource(strings = { "midi", "25:00", "9:75", "9h30h" })
	void whatIsNoTimeIsNotReadAsOne(String typed) {
		assertThat(HoursGrid.time(typed)).isNull();
	}

	@Test
	void otherHoursNotUnderstoodAreRefusedWithAnExample() {
		HoursGrid grid = grid("quand on peut", "lundi-matin-debut", "09:00", "lundi-matin-fin", "12:00");

		assertThat(grid.read().errors()).singleElement()
			.satisfies(message -> assertThat(message).startsWith("Autres horaires : "));
	}

	@Test
	void storedWeeklyHoursFillTheGridAndTheRestIsSaidInWords() {
		HoursGrid grid = HoursGrid.of("Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00; PH off");

		assertThat(grid.times()).containsEntry("horaires-lundi-matin-debut", "09:00")
			.containsEntry("horaires-vendredi-apresmidi-fin", "17:00")
			.containsEntry("horaires-samedi-matin-fin", "12:00")
			.containsEntry("horaires-samedi-apresmidi-debut", "")
			.containsEntry("horaires-dimanche-matin-debut", "");
		assertThat(grid.other()).containsIgnoringCase("férié").doesNotContain("PH");
	}

	@ParameterizedTest
	@ValueSource(strings = { "Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00; PH off", "Mo 10:30-12:00; We 14:00-17:00",
			"Tu,Th 09:00-17:00", "Mo-Su 08:00-20:00" })
	void storedHoursReadBackUnchangedThroughTheForm(String osm) {
		HoursGrid shown = HoursGrid.of(osm);
		// what the browser posts back: the same inputs
		Map<String, String> posted = new HashMap<>(shown.times());
		posted.put("horaires", shown.other());

		HoursGrid.Reading reading = HoursGrid.posted(posted::get).read();

		assertThat(HoursGrid.posted(posted::get).sameAs(shown)).isTrue();
		assertThat(reading.errors()).isEmpty();
		assertThat(HoursGrid.of(reading.osm())).isEqualTo(shown);
	}

	@Test
	void hoursTheGridCannotHoldStayInTheTextUntouched() {
		// a weekly rule after an exception: moving it to the grid would change its
		// meaning
		HoursGrid grid = HoursGrid.of("Mo-Fr 09:00-17:00; PH off; Sa 10:00-12:00");

		assertThat(grid.gridEmpty()).isTrue();
		assertThat(grid.other()).isNotBlank();
	}

}
