package fr.maillage.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;

import org.junit.jupiter.api.Test;

class FreshnessPolicyTest {

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

	@Test
	void aLieuVouchedForWithinSixMonthsIsUpToDate() {
		Period sixMonths = FreshnessPolicy.DEFAULT_VALIDITY;
		assertThat(FreshnessPolicy.isUpToDate(LocalDate.of(2026, 5, 24), TODAY, sixMonths)).isTrue();
		assertThat(FreshnessPolicy.isUpToDate(LocalDate.of(2026, 5, 23), TODAY, sixMonths)).isFalse();
		assertThat(FreshnessPolicy.isUpToDate(null, TODAY, sixMonths)).isFalse();
	}

	@Test
	void theLatestOfTheProducersDateAnEditAndAConfirmationCounts() {
		assertThat(FreshnessPolicy.lastVouched(LocalDate.of(2023, 7, 11), null, LocalDate.of(2026, 10, 1)))
			.isEqualTo(LocalDate.of(2026, 10, 1));
		assertThat(FreshnessPolicy.lastVouched(null, null)).isNull();
	}

}
