package fr.maillage.opendata.importing;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OpeningHoursSyntaxTest {

	@ParameterizedTest
	@ValueSource(strings = { "Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00", "Mo 09:30-12:30,13:30-15:30; PH off",
			"Tu-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00", "Fr 19:00-11:00", "24/7", "Mo-Fr 09:00-17:00; Dec 25 off",
			"We[1] 14:00-16:00" })
	void acceptsValidOpenStreetMapHours(String hours) {
		assertThat(OpeningHoursSyntax.check(hours)).isInstanceOf(OpeningHoursSyntax.Valid.class);
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "Tu-Th 08:45-13:45; Mo 08:45-12:00-13:45", "Tu-Fr 09:00-12:00,14:00-17:00; Mo 14-17;9-12,14-17",
					"du lundi au vendredi de 9h à 12h", "Mo-Fr 9:00-12:00 14:00-17:00" })
	void refusesWhatTheStrictParserRefusesUnlessLenientReadingIsIdentical(String hours) {
		assertThat(OpeningHoursSyntax.check(hours)).isInstanceOf(OpeningHoursSyntax.Invalid.class);
	}

	/**
	 * The fast path for plain weekly rules never accepts what the full parser would
	 * refuse.
	 */
	@Property
	void theFastPathAgreesWithTheParser(@ForAll("weeklyRules") String hours) throws Exception {
		new ch.poole.openinghoursparser.OpeningHoursParser(new java.io.StringReader(hours)).rules(false);
		assertThat(OpeningHoursSyntax.check(hours)).isInstanceOf(OpeningHoursSyntax.Valid.class);
	}

	@Provide
	Arbitrary<String> weeklyRules() {
		Arbitrary<String> day = Arbitraries.of("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su");
		Arbitrary<String> time = Combinators
			.combine(Arbitraries.integers().between(0, 23), Arbitraries.integers().between(0, 59))
			.as((h, m) -> String.format("%02d:%02d", h, m));
		Arbitrary<String> span = Combinators.combine(time, time).as((a, b) -> a + "-" + b);
		Arbitrary<String> rule = Combinators.combine(day, day, span.list().ofMinSize(1).ofMaxSize(3))
			.as((a, b, spans) -> a + "-" + b + " " + String.join(",", spans));
		return rule.list().ofMinSize(1).ofMaxSize(4).map(rules -> String.join("; ", rules));
	}

}
