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

}
