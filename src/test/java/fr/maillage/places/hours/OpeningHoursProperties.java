package fr.maillage.places.hours;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The evaluator against a naive oracle, on random weekly schedules: one span per weekday,
 * no overlap.
 */
class OpeningHoursProperties {

	private static final String[] DAYS = { "Mo", "Tu", "We", "Th", "Fr", "Sa", "Su" };

	record Weekly(int[][] spans) {

		String osm() {
			List<String> rules = new ArrayList<>();
			for (int day = 0; day < 7; day++) {
				if (spans[day] != null) {
					rules.add(DAYS[day] + " " + time(spans[day][0]) + "-" + time(spans[day][1]));
				}
			}
			return rules.isEmpty() ? "off" : String.join("; ", rules);
		}

		boolean openAt(LocalDateTime t) {
			int[] span = spans[t.getDayOfWeek().getValue() - 1];
			int minute = t.getHour() * 60 + t.getMinute();
			return span != null && span[0] <= minute && minute < span[1];
		}

		private static String time(int minutes) {
			return String.format("%02d:%02d", minutes / 60, minutes % 60);
		}

	}

	@Provide
	Arbitrary<Weekly> weekly() {
		Arbitrary<int[]> span = Combinators
			.combine(Arbitraries.integers().between(0, 23 * 4 - 1), Arbitraries.integers().between(1, 8 * 4))
			.as((start, length) -> new int[] { start * 15, Math.min(24 * 60 - 1, start * 15 + length * 15) })
			.injectNull(0.3);
		return span.array(int[][].class).ofSize(7).map(Weekly::new);
	}

	@Property
	void isOpenExactlyWhenTheScheduleSaysSo(@ForAll("weekly") Weekly weekly,
			@ForAll @IntRange(min = 0, max = 7 * 24 * 60 - 1) int minuteOfWeek) {
		// a week of November 2026 without public holiday
		LocalDateTime t = LocalDate.of(2026, 11, 23).atStartOfDay().plusMinutes(minuteOfWeek);
		OpeningHours hours = OpeningHours.parse(weekly.osm());
		assertThat(hours.isSupported()).isTrue();
		assertThat(hours.isOpenAt(t, "69")).isEqualTo(weekly.openAt(t));
	}

	@Property
	void theAnnouncedChangeHappensAtTheAnnouncedMinute(@ForAll("weekly") Weekly weekly,
			@ForAll @IntRange(min = 0, max = 7 * 24 * 60 - 1) int minuteOfWeek) {
		LocalDateTime t = LocalDate.of(2026, 11, 23).atStartOfDay().plusMinutes(minuteOfWeek);
		OpeningHours hours = OpeningHours.parse(weekly.osm());
		OpeningStatus status = OpeningHoursEvaluator.statusAt(hours, t.atZone(OpeningHoursEvaluator.PARIS), "69");
		if (status instanceof OpeningStatus.Open open && open.closesAt() != null) {
			assertThat(hours.isOpenAt(open.closesAt().minusMinutes(1), "69")).isTrue();
			assertThat(hours.isOpenAt(open.closesAt(), "69")).isFalse();
		}
		else if (status instanceof OpeningStatus.Closed closed && closed.opensAt() != null) {
			assertThat(hours.isOpenAt(t, "69")).isFalse();
			assertThat(hours.isOpenAt(closed.opensAt(), "69")).isTrue();
			assertThat(hours.isOpenAt(closed.opensAt().minusMinutes(1), "69")).isFalse();
		}
		else if (status instanceof OpeningStatus.Closed) {
			assertThat(weekly.osm()).isEqualTo("off");
		}
	}

	@Property
	void neverCallsAnUnsupportedValueClosed(@ForAll("weekly") Weekly weekly) {
		OpeningHours hours = OpeningHours.parse(weekly.osm() + "; Jan 01 off");
		OpeningStatus status = OpeningHoursEvaluator.statusAt(hours,
				LocalDateTime.of(2026, 11, 23, 10, 0).atZone(OpeningHoursEvaluator.PARIS), "69");
		assertThat(status).isInstanceOf(OpeningStatus.Unknown.class);
		assertThat(status.text()).contains(weekly.osm());
	}

	@Property
	void sundayIsTheLastLineOfTheWeek(@ForAll("weekly") Weekly weekly) {
		var week = OpeningHoursEvaluator.weeklyTable(OpeningHours.parse(weekly.osm()));
		assertThat(week).hasSize(7);
		assertThat(week.get(6).jour()).isEqualTo("Dimanche");
		assertThat(week.get(0).plages().isEmpty()).isEqualTo(weekly.spans()[DayOfWeek.MONDAY.getValue() - 1] == null);
	}

}
