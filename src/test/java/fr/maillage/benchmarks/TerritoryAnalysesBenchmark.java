package fr.maillage.benchmarks;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import fr.maillage.coverage.CoverageAnalyses;
import fr.maillage.coverage.domain.CoverageTier;
import fr.maillage.fragility.FragilityIndexes;
import fr.maillage.fragility.domain.FragilityIndicator;
import fr.maillage.fragility.domain.FragilitySettings;
import fr.maillage.fragility.domain.Variant;
import fr.maillage.opendata.importing.SourceImport;
import fr.maillage.testing.CleanDatabase;
import fr.maillage.testing.IntegrationTest;
import fr.maillage.territories.CommuneProfile;
import fr.maillage.territories.Territories;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 7's targets: IFN of every commune plus aggregation to every EPCI and département
 * (≤ 2 s); coverage of every commune for the 9 services and "tout service" (≤ 2 s);
 * siting suggestions with K = 10 for one département (≤ 1 s). Inputs: ≈ 100 000 places
 * (every real record 30 times, copies moved by up to ±0.05°) and, as no real indicator
 * file may be shipped, random values of the 5 core indicators for every commune (the
 * method's cost does not depend on the values). Not a test: run it with
 * {@code scripts/benchmark analyses} (docs/performance.md).
 */
@IntegrationTest
class TerritoryAnalysesBenchmark {

	private static final int RUNS = Integer.getInteger("bench.runs", 5);

	@Autowired
	SourceImport sourceImport;

	@Autowired
	FragilityIndexes fragility;

	@Autowired
	CoverageAnalyses coverage;

	@Autowired
	Territories territories;

	@Autowired
	JdbcClient jdbc;

	@Test
	void measureTerritoryAnalyses() throws Exception {
		CleanDatabase.empty(jdbc);
		Path file = RealRecords.writeReplicated(30, 0.05);
		int places = sourceImport.importFile("bench", "bench.json", () -> Files.newInputStream(file)).acceptees();
		Files.delete(file);
		jdbc.sql("vacuum analyze lieu").update();
		int communes = importRandomIndicators();
		System.out.printf("BENCH analyses: %d places, indicator values for %d communes%n", places, communes);
		// the biggest département by number of communes, where the replicated places
		// leave
		// many communes beyond 2 km
		String departement = jdbc.sql("""
				select departement from commune where type = 'commune-actuelle'
				group by departement order by count(*) desc limit 1""").query(String.class).single();
		double radiusKm = 2;
		List<Double> ifn = new ArrayList<>();
		List<Double> cover = new ArrayList<>();
		List<Double> siting = new ArrayList<>();
		for (int run = 0; run <= RUNS; run++) {
			// new weights each run: nothing comes from the cache
			FragilitySettings settings = new FragilitySettings(FragilitySettings.Method.V3, Variant.TOUT_AGE,
					Map.of(FragilityIndicator.TAUX_PAUVRETE, 1.0 + run), FragilitySettings.Base.FRANCE);
			long start = System.nanoTime();
			int scored = fragility.scoreCommunes(settings).size();
			int epci = fragility.listTerritories("epci", settings).size();
			int departements = fragility.listTerritories("departement", settings).size();
			double ifnMs = (System.nanoTime() - start) / 1e6;

			start = System.nanoTime();
			Map<String, Map<CoverageTier, Integer>> tiers = coverage.countTiersInFrance();
			double coverMs = (System.nanoTime() - start) / 1e6;

			start = System.nanoTime();
			int suggested = coverage.suggestSites(departement, null, 10, radiusKm).suggestions().size();
			double sitingMs = (System.nanoTime() - start) / 1e6;
			System.out.printf(Locale.ROOT,
					"BENCH analyses run %d%s: IFN %d communes + %d EPCI + %d départements %.0f ms; coverage %d services x %d communes %.0f ms; %d suggestions in %s %.0f ms%n",
					run, run == 0 ? " (warm-up)" : "", scored, epci, departements, ifnMs, tiers.size(),
					tiers.values().iterator().next().values().stream().mapToInt(Integer::intValue).sum(), coverMs,
					suggested, departement, sitingMs);
			if (run > 0) {
				ifn.add(ifnMs);
				cover.add(coverMs);
				siting.add(sitingMs);
			}
		}
		ifn.sort(null);
		cover.sort(null);
		siting.sort(null);
		System.out.printf(Locale.ROOT, "BENCH analyses medians: IFN %.0f ms, coverage %.0f ms, suggestions %.0f ms%n",
				ifn.get(RUNS / 2), cover.get(RUNS / 2), siting.get(RUNS / 2));
	}

	private int importRandomIndicators() {
		Random random = new Random(7);
		StringBuilder csv = new StringBuilder("code_insee");
		Variant.TOUT_AGE.indicators().forEach(indicator -> csv.append(',').append(indicator.code()));
		csv.append('\n');
		int count = 0;
		for (CommuneProfile commune : territories.listCurrentCommunes()) {
			csv.append(commune.code());
			for (int i = 0; i < Variant.TOUT_AGE.indicators().size(); i++) {
				csv.append(',').append(String.format(Locale.ROOT, "%.1f", random.nextDouble() * 60));
			}
			csv.append('\n');
			count++;
		}
		fragility.importFile("aleatoire.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
		return count;
	}

}
