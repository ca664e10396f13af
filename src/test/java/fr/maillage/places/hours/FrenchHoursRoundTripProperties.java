package fr.maillage.places.hours;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Reader and words against each other on random weekly schedules (up to two spans a day,
 * quarter hours, public holidays closed or not): the reader takes the schedule written in
 * OSM, the words of its value read back to the same value, and the evaluator finds the
 * same week in both.
 */
class FrenchHoursRoundTripProperties {

	private static final String[] DAYS = { "Mo", "Tu", "We", "Th", "Fr", "Sa", "Su" };

	/** Per day: none (closed) or sorted, non-touching spans in minutes. */
	record Weekly(List<List<int[]>> days, boolean holidaysClosed) {

		String osm() {
			List<String> rules = new ArrayList<>();
			for (int day = 0; day < 7; day++) {
				List<int[]> spans = days.get(day);
				if (!spans.isEmpty()) {
					rules.add(DAYS[day] + " " + String.join(",",
							spans.stream().map(span -> time(span[0]) + "-" + time(span[1])).toList()));
				}
			}
			if (holidaysClosed) {
				rules.add("PH off");
			}
			return String.join("; ", rules);
		}

		boolean isOpenSomeDay() {
			return days.stream().anyMatch(spans -> !spans.isEmpty());
		}

		private static String time(int minutes) {
			return String.format("%02d:%02d", minutes / 60, minutes % 60);
		}

	}

	@Provide
	Arbitrary<Weekly> weekly() {
		// four quarter-hour marks in a day, strictly increasing and never touching: one
		// or
		// two spans
		Arbitrary<List<int[]>> day = Arbitraries.integers()
			.between(0, 96)
			.set()
			.ofMinSize(2)
			.ofMaxSize(4)
			.map(marks -> {
				List<Integer> sorted = new ArrayList<>(marks);
				sorted.sort(null);
				List<int[]> spans = new ArrayList<>();
				for (int i = 0; i + 1 < sorted.size(); i += 2) {
					spans.add(new int[] { sorted.get(i) * 15, sorted.get(i + 1) * 15 });
				}
				return spans;
			})
			.filter(spans -> spans.size() < 2 || spans.get(0)[1] < spans.get(1)[0])
			.injectDuplicates(0.3)
			.injectNull(0.3)
			.map(spans -> spans == null ? List.<int[]>of() : spans);
		return Combinators.combine(day.list().ofSize(7), Arbitraries.of(true, false)).as(Weekly::new);
	}

	@Property(tries = 300)
	void theWordsOfWhatTheReaderUnderstoodReadBackToTheSameOsm(@ForAll("weekly") Weekly weekly) {
		if (!weekly.isOpenSomeDay()) {
			assertThat(FrenchHoursReader.read(weekly.osm())).isInstanceOf(HoursReading.Refused.class);
			return;
		}
		HoursReading reading = FrenchHoursReader.read(weekly.osm());
		assertThat(reading).as(weekly.osm()).isInstanceOf(HoursReading.Understood.class);
		HoursReading.Understood understood = (HoursReading.Understood) reading;
		assertThat(HoursInWords.words(understood.osm())).hasValue(understood.words());
		assertThat(FrenchHoursReader.read(understood.words())).isEqualTo(understood);
		assertThat(FrenchHoursReaderTest.isValidOsm(understood.osm())).isTrue();
		assertThat(OpeningHoursEvaluator.weeklyTable(OpeningHours.parse(understood.osm())))
			.isEqualTo(OpeningHoursEvaluator.weeklyTable(OpeningHours.parse(weekly.osm())));
	}

}
