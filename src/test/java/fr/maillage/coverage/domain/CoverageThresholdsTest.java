package fr.maillage.coverage.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CoverageThresholdsTest {

	@ParameterizedTest(name = "{0} km (place in the commune: {1}) -> {2}")
	@CsvSource({ "0, true, COUVERT", "12, true, COUVERT", "5, false, COUVERT", "5.01, false, PROCHE",
			"10, false, PROCHE", "10.5, false, ELOIGNE", "15, false, ELOIGNE", "15.01, false, ZONE_BLANCHE" })
	void aCommuneIsCoveredByAPlaceInItOrWithinFiveKilometres(double distanceKm, boolean inCommune, CoverageTier tier) {
		assertThat(CoverageThresholds.DEFAULT.tierOf(distanceKm, inCommune)).isEqualTo(tier);
	}

	@ParameterizedTest(name = "30 minutes of France Services: {0} km -> {1}")
	@CsvSource({ "20, PROCHE", "23, PROCHE", "24, ZONE_BLANCHE" })
	void thresholdsAreASetting(double distanceKm, CoverageTier tier) {
		CoverageThresholds thirtyMinutes = new CoverageThresholds(10, 23, 23);
		assertThat(thirtyMinutes.tierOf(distanceKm, false)).isEqualTo(tier);
	}

	@ParameterizedTest(name = "no place at all")
	@CsvSource({ "false" })
	void withoutAnyPlaceItIsAZoneBlanche(boolean inCommune) {
		assertThat(CoverageThresholds.DEFAULT.tierOf(null, inCommune)).isEqualTo(CoverageTier.ZONE_BLANCHE);
		assertThatThrownBy(() -> new CoverageThresholds(10, 5, 15)).isInstanceOf(IllegalArgumentException.class);
	}

}
