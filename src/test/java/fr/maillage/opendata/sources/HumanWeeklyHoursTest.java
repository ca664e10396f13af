package fr.maillage.opendata.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import fr.maillage.places.hours.OpeningHours;
import org.junit.jupiter.api.Test;

class HumanWeeklyHoursTest {

	@Test
	void groupsConsecutiveDaysWithTheSameHours() {
		// France services de Valserhône, as the national list writes it
		String hours = HumanWeeklyHours.toOpeningHours(Map.of("Mo", "09:00 - 12:00 / 13:30 - 17:00", "Tu",
				"09:00 - 12:00 / 13:30 - 17:00", "We", "09:00 - 12:00 / 13:30 - 17:00", "Th",
				"09:00 - 12:00 / 13:30 - 17:00", "Fr", "09:00 - 12:00 / 13:30 - 16:00", "Sa", ""))
			.get();
		assertThat(hours).isEqualTo("Mo-Th 09:00-12:00,13:30-17:00; Fr 09:00-12:00,13:30-16:00");
		assertThat(OpeningHours.parse(hours).isSupported()).isTrue();
	}

	@Test
	void twoDaysInARowAreAListAndGapsStayGaps() {
		assertThat(HumanWeeklyHours.toOpeningHours(
				Map.of("Mo", "08:30 - 12:15", "Tu", "8h30 - 12h15", "Th", "08:30 - 12:15", "Sa", "09:00 - 12:00")))
			.hasValue("Mo,Tu 08:30-12:15; Th 08:30-12:15; Sa 09:00-12:00");
	}

	@Test
	void hoursItCannotReadAreUnknownRatherThanWrong() {
		assertThat(HumanWeeklyHours.toOpeningHours(Map.of("Mo", "le matin", "Tu", "09:00 - 12:00"))).isEmpty();
		assertThat(HumanWeeklyHours.toOpeningHours(Map.of("Mo", "", "Tu", " "))).isEmpty();
	}

	@Test
	void theOtherWaysProducersWriteADayAreReadByTheFrenchHoursReader() {
		// as the Nouvelle-Calédonie form export writes them
		assertThat(HumanWeeklyHours.toOpeningHours(Map.of("Mo", "10h à 17h", "Tu", "8:-11:/13:-17:", "We", "Fermé",
				"Th", "7 : 30 - 11 : 30 / 12 : 30 - 15 :30", "Fr", "10: à 16: (en continu)")))
			.hasValue("Mo 10:00-17:00; Tu 08:00-11:00,13:00-17:00; Th 07:30-11:30,12:30-15:30; Fr 10:00-16:00");
		// France Services: "00:00 - 00:00" is an empty slot of the form, not a whole day
		assertThat(
				HumanWeeklyHours.toOpeningHours(Map.of("Mo", "00:00 - 00:00 / 09:00 - 12:00", "Tu", "00:00 - 00:00")))
			.hasValue("Mo 09:00-12:00");
		assertThat(HumanWeeklyHours.toOpeningHours(Map.of("Mo", "réservé aux scolaires", "Tu", "10h à 17h"))).isEmpty();
		assertThat(HumanWeeklyHours.toOpeningHours(Map.of("Mo", "00:00 - 00:00", "Tu", "Fermé"))).isEmpty();
	}

}
