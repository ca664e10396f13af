package fr.maillage.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import fr.maillage.opendata.importing.ImportReport;
import fr.maillage.opendata.importing.SourceImport;
import fr.maillage.testing.ApiClient;
import fr.maillage.testing.CleanDatabase;
import fr.maillage.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Issue 19's target for the changes feed: a page of 500 changes, each with its lieu in
 * full, answered in ≤ 50 ms on a directory of ≈ 100 000 lieux (the real records 30 times,
 * each copy under generated names). Pages start at random cursors, through HTTP as a
 * partner reads them; also the same with a département filter, and the import itself (its
 * publication now records a change per lieu). Not a test:
 * {@code scripts/benchmark changements}.
 */
@IntegrationTest
class ChangeFeedBenchmark {

	private static final int COPIES = Integer.getInteger("bench.copies", 30);

	private static final int RUNS = Integer.getInteger("bench.runs", 21);

	@LocalServerPort
	int port;

	@Autowired
	SourceImport sourceImport;

	@Autowired
	JdbcClient jdbc;

	@Test
	void measureChangePages() throws Exception {
		CleanDatabase.empty(jdbc);
		jdbc.sql("truncate lieu_changement").update();
		Path file = RealRecords.writeDistinct(COPIES, 0.02);
		long start = System.nanoTime();
		ImportReport report = sourceImport.importFile("bench", file.getFileName().toString(),
				() -> Files.newInputStream(file));
		Files.delete(file);
		long changes = jdbc.sql("select count(*) from lieu_changement").query(Long.class).single();
		System.out.printf(Locale.ROOT, "BENCH changements: %d records imported and published in %.1f s, %d changes%n",
				report.lues(), (System.nanoTime() - start) / 1e9, changes);
		jdbc.sql("analyze lieu_changement").update();
		long lastRank = jdbc.sql("select max(rang) from lieu_changement").query(Long.class).single();
		String departement = jdbc
			.sql("select departement from lieu_changement group by departement order by count(*) desc limit 1")
			.query(String.class)
			.single();
		ApiClient api = new ApiClient(port);
		Random random = new Random(19);
		List<Double> pages = new ArrayList<>();
		List<Double> filtered = new ArrayList<>();
		List<Double> lights = new ArrayList<>();
		for (int run = 0; run <= RUNS; run++) {
			long from = (long) (random.nextDouble() * Math.max(1, lastRank - 600));
			String cursor = Base64.getUrlEncoder().withoutPadding().encodeToString(("r" + from).getBytes());
			long pageStart = System.nanoTime();
			ApiClient.Response page = api.get("/api/v1/lieux/changements?limite=500&curseur=" + cursor);
			double pageMs = (System.nanoTime() - pageStart) / 1e6;
			JsonNode body = page.json();
			check(page.status() == 200 && body.get("changements").size() == 500, "page: " + page.status());
			long filteredStart = System.nanoTime();
			ApiClient.Response inDepartement = api
				.get("/api/v1/lieux/changements?limite=500&departement=" + departement + "&curseur=" + cursor);
			double filteredMs = (System.nanoTime() - filteredStart) / 1e6;
			check(inDepartement.status() == 200, "filtered page: " + inDepartement.status());
			long lightStart = System.nanoTime();
			ApiClient.Response light = api
				.get("/api/v1/lieux/changements?limite=500&contenu=identifiants&curseur=" + cursor);
			double lightMs = (System.nanoTime() - lightStart) / 1e6;
			check(light.status() == 200 && light.json().get("changements").size() == 500, "light: " + light.status());
			System.out.printf(Locale.ROOT,
					"BENCH changements run %d%s: page of 500 in %.1f ms (%d kB), département %s: %d changes in %.1f ms, "
							+ "identifiers only: %.1f ms (%d kB)%n",
					run, run == 0 ? " (warm-up)" : "", pageMs, page.body().length() / 1024, departement,
					inDepartement.json().get("changements").size(), filteredMs, lightMs, light.body().length() / 1024);
			if (run > 0) {
				pages.add(pageMs);
				filtered.add(filteredMs);
				lights.add(lightMs);
			}
		}
		System.out.printf(Locale.ROOT,
				"BENCH changements median over %d runs: page of 500 %.1f ms, département page %.1f ms, identifiers only %.1f ms (%d lieux)%n",
				RUNS, median(pages), median(filtered), median(lights),
				jdbc.sql("select count(*) from lieu").query(Long.class).single());
	}

	private static double median(List<Double> values) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return sorted.get(sorted.size() / 2);
	}

	private static void check(boolean condition, String message) {
		if (!condition) {
			throw new IllegalStateException(message);
		}
	}

}
