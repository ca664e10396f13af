package fr.maillage.places.hours;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

class OpeningHoursEvaluatorTest {

	/** Monday 23 November 2026 in Lyon. */
	private static ZonedDateTime at(String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(OpeningHoursEvaluator.PARIS);
	}

	private static String status(String hours, String localDateTime) {
		return OpeningHoursEvaluator.statusAt(OpeningHours.parse(hours), at(localDateTime), "69").text();
	}

	@Test
	void saysWhenAnOpenPlaceCloses() {
		assertThat(status("Mo-Fr 09:00-12:00,14:00-17:30", "2026-11-23T15:10")).isEqualTo("Ouvert · ferme à 17:30");
	}

	@Test
	void saysWhenAClosedPlaceOpensNext() {
		String hours = "Mo-Fr 09:00-12:00,14:00-17:30";
		assertThat(status(hours, "2026-11-23T12:30")).isEqualTo("Fermé · ouvre à 14:00");
		assertThat(status(hours, "2026-11-23T18:00")).isEqualTo("Fermé · ouvre demain à 9:00");
		assertThat(status(hours, "2026-11-27T18:00")).isEqualTo("Fermé · ouvre lundi à 9:00");
	}

	@Test
	void isClosedOnPublicHolidaysWhenTheHoursSaySo() {
		String hours = "Mo-Fr 09:00-17:00; PH off";
		assertThat(status(hours, "2026-05-14T10:00")).isEqualTo("Fermé · ouvre demain à 9:00");
		assertThat(status("Mo-Fr 09:00-17:00", "2026-05-14T10:00")).isEqualTo("Ouvert · ferme à 17:00");
	}

	@Test
	void countsGoodFridayOnlyInAlsaceMoselle() {
		OpeningHours hours = OpeningHours.parse("Mo-Fr 09:00-17:00; PH off");
		ZonedDateTime goodFriday = at("2026-04-03T10:00");
		assertThat(OpeningHoursEvaluator.statusAt(hours, goodFriday, "67")).isInstanceOf(OpeningStatus.Closed.class);
		assertThat(OpeningHoursEvaluator.statusAt(hours, goodFriday, "69")).isInstanceOf(OpeningStatus.Open.class);
	}

	@Test
	void handlesHoursPastMidnightAndAllDay() {
		assertThat(status("Fr 19:00-02:00", "2026-11-28T01:00")).isEqualTo("Ouvert · ferme à 2:00");
		assertThat(status("24/7", "2026-11-28T01:00")).isEqualTo("Ouvert 24 h/24");
	}

	@Test
	void laterRulesOverrideEarlierOnesAndCommaRulesAdd() {
		assertThat(status("Mo-Fr 09:00-17:00; We 14:00-17:00", "2026-11-25T10:00")).isEqualTo("Fermé · ouvre à 14:00");
		assertThat(status("Mo 09:00-12:00, Mo 14:00-16:00", "2026-11-23T15:00")).isEqualTo("Ouvert · ferme à 16:00");
	}

	@Test
	void showsUnsupportedOrUnreadableHoursAsWrittenNeverAsClosed() {
		assertThat(status("Mo-Fr sunrise-sunset", "2026-11-23T10:00")).isEqualTo("Horaires : Mo-Fr sunrise-sunset");
		assertThat(status("sur rendez-vous", "2026-11-23T10:00")).isEqualTo("Horaires : sur rendez-vous");
	}

	@Test
	void writesTheWeekInPlainFrench() {
		var week = OpeningHoursEvaluator
			.weeklyTable(OpeningHours.parse("Tu-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00"));
		assertThat(week).hasSize(7);
		assertThat(week.get(0).jour()).isEqualTo("Lundi");
		assertThat(week.get(0).plages()).isEmpty();
		assertThat(week.get(1).plages()).containsExactly("9:00 – 12:00", "14:00 – 17:00");
		assertThat(week.get(5).plages()).containsExactly("9:00 – 12:00");
	}

}
