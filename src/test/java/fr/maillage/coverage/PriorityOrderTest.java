package fr.maillage.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import fr.maillage.coverage.TerritoryCoverage.CommuneRow;
import org.junit.jupiter.api.Test;

class PriorityOrderTest {

	private static CommuneRow row(String code, long population, Double ifn) {
		return new CommuneRow(code, code, population, 20.0, null, "zone_blanche", ifn);
	}

	@Test
	void fragileCommunesComeFirstMostFragileFirstThenTheMostPopulated() {
		List<CommuneRow> rows = new ArrayList<>(List.of(row("big", 50_000, 3.0), row("fragile", 300, 7.5),
				row("unknown", 8_000, null), row("very-fragile", 100, 9.0), row("just-below", 20_000, 6.99)));
		rows.sort(CoverageAnalyses.PRIORITY_ORDER);
		assertThat(rows).extracting(CommuneRow::code)
			.containsExactly("very-fragile", "fragile", "big", "just-below", "unknown");
	}

}
