package fr.maillage.coverage.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import fr.maillage.coverage.domain.SitingSuggestions.Demand;
import fr.maillage.coverage.domain.SitingSuggestions.Pick;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Greedy maximum coverage against brute force. Points sit on a line of latitude 45° (1°
 * of longitude ≈ 78.7 km), so who reaches whom is easy to see.
 */
class SitingSuggestionsTest {

	private static final double KM_PER_DEGREE_AT_45 = 78.63;

	private static Area at(String code, double km, long population) {
		return new Area(code, code, population, 45, 5 + km / KM_PER_DEGREE_AT_45);
	}

	private static List<Demand> uncovered(List<Area> areas) {
		return areas.stream().map(area -> new Demand(area, area.population(), false)).toList();
	}

	@Test
	void picksTheSiteThatReachesMostPeopleThenTheNextBestRemainder() {
		// A(0) B(8) C(16) D(40): 10 km reaches A-B and B-C, not D
		List<Area> areas = List.of(at("A", 0, 100), at("B", 8, 100), at("C", 16, 1000), at("D", 40, 500));
		List<Pick> picks = SitingSuggestions.choose(uncovered(areas), areas, 10, 2);
		assertThat(picks).extracting(pick -> pick.site().code()).containsExactly("B", "D");
		assertThat(picks.get(0).populationGained()).isEqualTo(1200);
		assertThat(picks.get(0).communesReached()).containsExactly("A", "B", "C");
		assertThat(picks.get(1).populationGained()).isEqualTo(500);
	}

	@Test
	void peopleAlreadyNearAPlaceCountForNothing() {
		List<Area> areas = List.of(at("A", 0, 1000), at("B", 30, 100));
		List<Demand> demand = List.of(new Demand(areas.get(0), 1000, true), new Demand(areas.get(1), 100, false));
		assertThat(SitingSuggestions.choose(demand, areas, 10, 1)).extracting(pick -> pick.site().code())
			.containsExactly("B");
		// nothing left to cover: no second suggestion
		assertThat(SitingSuggestions.choose(demand, areas, 10, 3)).hasSize(1);
	}

	@Test
	void greedyCanMissTheOptimumButStaysWithinItsGuarantee() {
		// c(0) L(5) a(10) X(15) b(20) R(25) d(30), radius 6 km: L reaches c and a, X
		// reaches a and b, R reaches b and d
		List<Demand> demand = List.of(new Demand(at("c", 0, 5), 5, false), new Demand(at("a", 10, 6), 6, false),
				new Demand(at("b", 20, 6), 6, false), new Demand(at("d", 30, 5), 5, false));
		List<Area> candidates = List.of(at("L", 5, 0), at("X", 15, 0), at("R", 25, 0));
		List<Pick> greedy = SitingSuggestions.choose(demand, candidates, 6, 2);
		// X first (12), then L (5 more): 17, where L and R together cover 22
		assertThat(greedy).extracting(pick -> pick.site().code()).containsExactly("X", "L");
		assertThat(total(greedy)).isEqualTo(17);
		assertThat(bruteForce(demand, candidates, 6, 2)).isEqualTo(22);
		assertThat(17.0).isGreaterThanOrEqualTo((1 - 1 / Math.E) * 22);
	}

	@Property(tries = 200)
	void greedyCoversAtLeastOneMinusOneOverEOfTheBest(@ForAll("instances") Instance instance,
			@ForAll @IntRange(min = 1, max = 3) int count) {
		double greedy = total(SitingSuggestions.choose(instance.demand(), instance.candidates(), 12, count));
		double best = bruteForce(instance.demand(), instance.candidates(), 12, count);
		assertThat(greedy).isLessThanOrEqualTo(best + 1e-9);
		assertThat(greedy).isGreaterThanOrEqualTo((1 - 1 / Math.E) * best - 1e-9);
		if (count == 1) {
			// one site: greedy is exhaustive
			assertThat(greedy).isEqualTo(best);
		}
	}

	record Instance(List<Demand> demand, List<Area> candidates) {
	}

	@Provide
	Arbitrary<Instance> instances() {
		Arbitrary<Area> area = Combinators
			.combine(Arbitraries.doubles().between(0, 60), Arbitraries.longs().between(0, 5000))
			.as((km, population) -> at("?", km, population));
		return Combinators.combine(area.list().ofMinSize(1).ofMaxSize(12), area.list().ofMinSize(1).ofMaxSize(8))
			.as((demandAreas, candidateAreas) -> {
				List<Demand> demand = new ArrayList<>();
				for (int i = 0; i < demandAreas.size(); i++) {
					Area a = demandAreas.get(i);
					demand.add(new Demand(new Area("d" + i, "d" + i, a.population(), a.latitude(), a.longitude()),
							a.population(), false));
				}
				List<Area> candidates = new ArrayList<>();
				for (int i = 0; i < candidateAreas.size(); i++) {
					Area a = candidateAreas.get(i);
					candidates.add(new Area("c" + i, "c" + i, 0, a.latitude(), a.longitude()));
				}
				return new Instance(demand, candidates);
			});
	}

	private static double total(List<Pick> picks) {
		return picks.stream().mapToDouble(Pick::weightGained).sum();
	}

	/** The best weight any choice of at most {@code count} candidates covers. */
	private static double bruteForce(List<Demand> demand, List<Area> candidates, double radiusKm, int count) {
		double best = 0;
		int n = candidates.size();
		for (int mask = 1; mask < (1 << n); mask++) {
			if (Integer.bitCount(mask) > count) {
				continue;
			}
			List<Area> chosen = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				if ((mask & (1 << i)) != 0) {
					chosen.add(candidates.get(i));
				}
			}
			best = Math.max(best, SitingSuggestions.coveredWeight(demand, chosen, radiusKm));
		}
		return best;
	}

}
