package fr.maillage.places.hours;

import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * French public holidays ("jours fériés", Code du travail L3133-1), computed for any
 * year: eleven national days, Good Friday and 26 December in Alsace-Moselle (57, 67, 68),
 * and the abolition of slavery in the overseas départements (decree 83-1003, dates per
 * département).
 */
public final class FrenchPublicHolidays {

	private static final Set<MonthDay> FIXED = Set.of(MonthDay.of(Month.JANUARY, 1), MonthDay.of(Month.MAY, 1),
			MonthDay.of(Month.MAY, 8), MonthDay.of(Month.JULY, 14), MonthDay.of(Month.AUGUST, 15),
			MonthDay.of(Month.NOVEMBER, 1), MonthDay.of(Month.NOVEMBER, 11), MonthDay.of(Month.DECEMBER, 25));

	private static final Set<String> ALSACE_MOSELLE = Set.of("57", "67", "68");

	private static final Map<String, MonthDay> ABOLITION_OF_SLAVERY = Map.of("971", MonthDay.of(Month.MAY, 27), "972",
			MonthDay.of(Month.MAY, 22), "973", MonthDay.of(Month.JUNE, 10), "974", MonthDay.of(Month.DECEMBER, 20),
			"976", MonthDay.of(Month.APRIL, 27));

	private FrenchPublicHolidays() {
	}

	/**
	 * @param departement the place's département code ("69", "2A", "974"); decides the
	 * local holidays
	 */
	public static boolean isHoliday(LocalDate date, String departement) {
		return holidays(date.getYear(), departement).contains(date);
	}

	public static TreeSet<LocalDate> holidays(int year, String departement) {
		TreeSet<LocalDate> days = new TreeSet<>();
		FIXED.forEach(day -> days.add(day.atYear(year)));
		LocalDate easter = easterSunday(year);
		days.add(easter.plusDays(1));
		days.add(easter.plusDays(39));
		days.add(easter.plusDays(50));
		if (ALSACE_MOSELLE.contains(departement)) {
			days.add(easter.minusDays(2));
			days.add(LocalDate.of(year, Month.DECEMBER, 26));
		}
		MonthDay abolition = ABOLITION_OF_SLAVERY.get(departement);
		if (abolition != null) {
			days.add(abolition.atYear(year));
		}
		return days;
	}

	/** Gregorian computus (Meeus/Jones/Butcher). */
	static LocalDate easterSunday(int year) {
		int a = year % 19;
		int b = year / 100;
		int c = year % 100;
		int d = b / 4;
		int e = b % 4;
		int f = (b + 8) / 25;
		int g = (b - f + 1) / 3;
		int h = (19 * a + b - d - g + 15) % 30;
		int i = c / 4;
		int k = c % 4;
		int l = (32 + 2 * e + 2 * i - h - k) % 7;
		int m = (a + 11 * h + 22 * l) / 451;
		int month = (h + l - 7 * m + 114) / 31;
		int day = ((h + l - 7 * m + 114) % 31) + 1;
		return LocalDate.of(year, month, day);
	}

}
