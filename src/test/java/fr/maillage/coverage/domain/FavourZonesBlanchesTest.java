package fr.maillage.coverage.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import fr.maillage.coverage.domain.SitingSuggestions.Demand;
import fr.maillage.coverage.domain.SitingSuggestions.Pick;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The rule of « Favoriser les zones blanches », as a table: a site that newly reaches
 * people of a zone blanche comes before any site that reaches none, however populated;
 * between two sites reaching zones blanches, the one reaching more zone-blanche people;
 * on equal zone-blanche gain, the one reaching more people in all; without the option,
 * people count alike. Sites sit on a line of latitude 45° (1° of longitude ≈ 78.6 km),
 * radius 10 km: each candidate reaches only its own demand point.
 */
class FavourZonesBlanchesTest {

	private static final double KM_PER_DEGREE_AT_45 = 78.63;

	/**
	 * @param demand {@code code:population:zb|near} per commune, 50 km apart, each
	 * commune also a candidate
	 */
	@ParameterizedTest(name = "{0}, favour={1} → {2}")
	@CsvSource(delimiter = ';', textBlock = """
			# demand                                  ; favour ; order chosen
			A:10000:near  B:200:zb                     ; false  ; A B
			A:10000:near  B:200:zb                     ; true   ; B A
			A:10000:near  B:200:zb  C:900:zb           ; true   ; C B A
			A:10000:near  B:200:zb  C:900:zb           ; false  ; A C B
			A:10000:near  B:300:near                   ; true   ; A B
			A:10000:near  B:300:near                   ; false  ; A B
			A:50:zb       B:50:zb                      ; true   ; A B
			A:5:zb        B:10000:near C:5:zb          ; true   ; A C B
			""")
	void zonesBlanchesFirstOnlyWhenAsked(String demand, boolean favour, String order) {
		List<Demand> demands = new ArrayList<>();
		int position = 0;
		for (String commune : demand.trim().split("\\s+")) {
			String[] parts = commune.split(":");
			Area area = new Area(parts[0], parts[0], Long.parseLong(parts[1]), 45,
					5 + 50.0 * position++ / KM_PER_DEGREE_AT_45);
			demands.add(new Demand(area, area.population(), false, parts[2].equals("zb")));
		}
		List<Area> candidates = demands.stream().map(Demand::area).toList();
		List<Pick> picks = SitingSuggestions.choose(demands, candidates, 10, candidates.size(), favour);
		assertThat(picks).extracting(pick -> pick.site().code())
			.containsExactlyElementsOf(Arrays.asList(order.trim().split("\\s+")));
		for (Pick pick : picks) {
			Demand reached = demands.stream().filter(d -> d.area().code().equals(pick.site().code())).findFirst().get();
			assertThat(pick.zoneBlanchePopulation()).isEqualTo(reached.zoneBlanche() ? reached.area().population() : 0);
		}
	}

}
