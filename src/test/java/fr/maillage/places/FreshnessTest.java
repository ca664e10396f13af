package fr.maillage.places;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one freshness rule, as a table: last vouched for, today, validity → badge. */
class FreshnessTest {

	@ParameterizedTest(name = "vouched for on {0}, today {1}, valid {2} months: {3}")
	@CsvSource(nullValues = "-", textBlock = """
			2026-05-24, 2026-11-24, 6, UP_TO_DATE
			2026-05-23, 2026-11-24, 6, TO_CHECK
			2026-11-24, 2026-11-24, 6, UP_TO_DATE
			2026-08-23, 2026-11-24, 3, TO_CHECK
			2026-08-24, 2026-11-24, 3, UP_TO_DATE
			-,          2026-11-24, 6, UNKNOWN_DATE
			""")
	void aLieuIsUpToDateWhenVouchedForWithinTheValidityPeriodAndUnknownWithoutAnyDate(LocalDate lastVouched,
			LocalDate today, int months, Freshness expected) {
		assertThat(Freshness.of(lastVouched, today, Period.ofMonths(months))).isEqualTo(expected);
		assertThat(Freshness.isUpToDate(lastVouched, today, Period.ofMonths(months)))
			.isEqualTo(expected == Freshness.UP_TO_DATE);
	}

	@ParameterizedTest(name = "producer {0}, edit {1}, confirmation {2}: {3}")
	@CsvSource(nullValues = "-", textBlock = """
			2023-07-11, -,          2026-10-01, 2026-10-01
			2023-07-11, 2025-01-01, -,          2025-01-01
			-,          -,          2026-11-30, 2026-11-30
			-,          -,          -,          -
			""")
	void theLatestOfTheProducersDateAnEditAndAConfirmationCounts(LocalDate producer, LocalDate edit,
			LocalDate confirmation, LocalDate expected) {
		assertThat(Freshness.lastVouched(producer, edit, confirmation)).isEqualTo(expected);
	}

	@org.junit.jupiter.api.Test
	void theBadgesSpeakPlainFrench() {
		assertThat(Freshness.UP_TO_DATE.label()).isEqualTo("À jour");
		assertThat(Freshness.TO_CHECK.label()).isEqualTo("Informations à vérifier");
		assertThat(Freshness.UNKNOWN_DATE.label()).isEqualTo("Date inconnue");
	}

}
