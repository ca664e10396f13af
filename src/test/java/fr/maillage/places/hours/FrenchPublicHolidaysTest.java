package fr.maillage.places.hours;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class FrenchPublicHolidaysTest {

	@Test
	void knowsEasterOfKnownYears() {
		assertThat(FrenchPublicHolidays.easterSunday(2024)).isEqualTo(LocalDate.of(2024, 3, 31));
		assertThat(FrenchPublicHolidays.easterSunday(2025)).isEqualTo(LocalDate.of(2025, 4, 20));
		assertThat(FrenchPublicHolidays.easterSunday(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
		assertThat(FrenchPublicHolidays.easterSunday(2027)).isEqualTo(LocalDate.of(2027, 3, 28));
	}

	@Test
	void listsThe2026HolidaysOfLyon() {
		assertThat(FrenchPublicHolidays.holidays(2026, "69")).containsExactly(LocalDate.of(2026, 1, 1),
				LocalDate.of(2026, 4, 6), LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 8), LocalDate.of(2026, 5, 14),
				LocalDate.of(2026, 5, 25), LocalDate.of(2026, 7, 14), LocalDate.of(2026, 8, 15),
				LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 11), LocalDate.of(2026, 12, 25));
	}

	@Test
	void addsGoodFridayAndSaintStephenInAlsaceMoselle() {
		assertThat(FrenchPublicHolidays.isHoliday(LocalDate.of(2026, 4, 3), "67")).isTrue();
		assertThat(FrenchPublicHolidays.isHoliday(LocalDate.of(2026, 12, 26), "57")).isTrue();
		assertThat(FrenchPublicHolidays.isHoliday(LocalDate.of(2026, 4, 3), "69")).isFalse();
		assertThat(FrenchPublicHolidays.isHoliday(LocalDate.of(2026, 12, 20), "974")).isTrue();
	}

	@Property
	void easterIsASundayBetweenMarch22AndApril25(@ForAll @IntRange(min = 1900, max = 2200) int year) {
		LocalDate easter = FrenchPublicHolidays.easterSunday(year);
		assertThat(easter.getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
		assertThat(easter).isBetween(LocalDate.of(year, 3, 22), LocalDate.of(year, 4, 25));
	}

	/**
	 * Eleven holidays, ten when Ascension falls on 1 or 8 May (2008, 2160…); two more in
	 * Alsace-Moselle.
	 */
	@Property
	void everyYearHasElevenHolidaysAndTwoMoreInAlsaceMoselle(@ForAll @IntRange(min = 1950, max = 2150) int year) {
		int national = FrenchPublicHolidays.holidays(year, "75").size();
		assertThat(national).isBetween(10, 11);
		assertThat(FrenchPublicHolidays.holidays(year, "68")).hasSize(national + 2)
			.containsAll(FrenchPublicHolidays.holidays(year, "75"));
	}

	@Test
	void ascensionCanFallOnMayDay() {
		assertThat(FrenchPublicHolidays.holidays(2008, "75")).hasSize(10).contains(LocalDate.of(2008, 5, 1));
	}

}
