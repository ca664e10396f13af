package fr.maillage.fragility.domain;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import fr.maillage.fragility.domain.MergedCommuneScores.FormerCommune;
import fr.maillage.fragility.domain.MergedCommuneScores.Merged;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class MergedCommuneScoresTest {

	/**
	 * Each case: former communes as "code:population:total" (population "?" when unknown,
	 * total "-" when the file has none), the merged total, whether it is
	 * population-weighted.
	 */
	static Stream<Arguments> cases() {
		return Stream.of(
				// Oullins and Pierre-Bénite (69149), 2023 populations: (26 994 × 4 + 10
				// 508 × 7)
				// / 37 502
				Arguments.of("69149:26994:4 69152:10508:7", 4.8406, true),
				// equal populations: the plain mean
				Arguments.of("A:100:2 B:100:8", 5.0, true),
				// three communes
				Arguments.of("A:100:1 B:200:4 C:700:10", 7.9, true),
				// one population unknown: plain mean for all, not a guess
				Arguments.of("A:1000:2 B:?:8", 5.0, false),
				// a population of 0 counts as unknown
				Arguments.of("A:0:2 B:50:8", 5.0, false),
				// one former commune without the figure: the other's, not a 0
				Arguments.of("A:900:- B:100:6", 6.0, true),
				// a single former commune (renamed code): its figure
				Arguments.of("A:?:3.5", 3.5, false));
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@MethodSource("cases")
	void mergesTheTotal(String formers, double total, boolean populationWeighted) {
		Merged merged = MergedCommuneScores.merge(parse(formers));

		assertThat(merged.figures().get("total")).isCloseTo(total, within(1e-4));
		assertThat(merged.populationWeighted()).isEqualTo(populationWeighted);
		assertThat(merged.weights().values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0,
				within(1e-9));
	}

	@Test
	void eachIndicatorIsMergedOnItsOwnAndTheWeightsAreTheFormerCommunesShares() {
		Merged merged = MergedCommuneScores
			.merge(List.of(new FormerCommune("69149", 26994L, Map.of("taux_pauvrete", 6.0, "non_couverture_4g", 2.0)),
					new FormerCommune("69152", 10508L, Map.of("taux_pauvrete", 9.0))));

		assertThat(merged.figures().get("taux_pauvrete")).isCloseTo((26994 * 6.0 + 10508 * 9.0) / 37502, within(1e-9));
		assertThat(merged.figures().get("non_couverture_4g")).isEqualTo(2.0);
		assertThat(merged.weights()).containsOnlyKeys("69149", "69152");
		assertThat(merged.weights().get("69149")).isCloseTo(26994 / 37502.0, within(1e-9));
	}

	@Test
	void refusesAnEmptyList() {
		assertThatThrownBy(() -> MergedCommuneScores.merge(List.of())).isInstanceOf(IllegalArgumentException.class);
	}

	private static List<FormerCommune> parse(String formers) {
		return Arrays.stream(formers.split(" ")).map(former -> {
			String[] parts = former.split(":");
			Map<String, Double> figures = new LinkedHashMap<>();
			if (!parts[2].equals("-")) {
				figures.put("total", Double.parseDouble(parts[2]));
			}
			return new FormerCommune(parts[0], parts[1].equals("?") ? null : Long.parseLong(parts[1]), figures);
		}).toList();
	}

}
