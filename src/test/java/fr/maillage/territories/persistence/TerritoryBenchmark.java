package fr.maillage.territories.persistence;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import fr.maillage.territories.Territories;
import fr.maillage.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Territory reference load (from empty, and at a restart with the same files) and search
 * latency. Not a test: it asserts nothing and is never run by {@code ./mvnw verify}; run
 * it with {@code scripts/benchmark territoires}.
 */
@IntegrationTest
class TerritoryBenchmark {

	private static final List<String> QUERIES = List.of("Villeurbanne", "villeurb", "69100", "Métropole de Lyon",
			"Rhône", "69", "Saint-Pierre", "Lyon", "marseille", "bordeaux", "13", "75011", "Paris", "Nouméa", "saint",
			"Saint-Étienne", "CC du", "Loire", "Grand Est", "l'arbresle", "97411", "ann", "Charente", "16000");

	private static final int RUNS = Integer.getInteger("bench.runs", 3);

	@LocalServerPort
	int port;

	@Autowired
	TerritoryReferenceLoader loader;

	@Autowired
	Territories territories;

	@Autowired
	JdbcClient jdbc;

	@Test
	void measure() throws Exception {
		List<Double> fullLoads = new ArrayList<>();
		List<Double> restarts = new ArrayList<>();
		for (int run = 0; run <= RUNS; run++) {
			jdbc.sql("delete from territory_dataset").update();
			long start = System.nanoTime();
			loader.afterPropertiesSet();
			double full = (System.nanoTime() - start) / 1e6;
			start = System.nanoTime();
			loader.afterPropertiesSet();
			double restart = (System.nanoTime() - start) / 1e6;
			System.out.printf(Locale.ROOT, "BENCH territoires run %d%s: full load %.0f ms, restart check %.1f ms%n",
					run, run == 0 ? " (warm-up)" : "", full, restart);
			if (run > 0) {
				fullLoads.add(full);
				restarts.add(restart);
			}
		}
		System.out.printf(Locale.ROOT, "BENCH territoires median: full load %.0f ms, restart check %.1f ms%n",
				median(fullLoads), median(restarts));

		HttpClient http = HttpClient.newHttpClient();
		for (int run = 0; run <= RUNS; run++) {
			long[] direct = new long[QUERIES.size() * 100];
			long[] overHttp = new long[QUERIES.size() * 100];
			for (int i = 0; i < direct.length; i++) {
				String query = QUERIES.get(i % QUERIES.size());
				long t0 = System.nanoTime();
				territories.searchTerritories(query, 10);
				direct[i] = System.nanoTime() - t0;
				t0 = System.nanoTime();
				HttpResponse<String> response = http.send(
						HttpRequest
							.newBuilder(URI.create("http://localhost:" + port + "/api/v1/territoires/recherche?q="
									+ URLEncoder.encode(query, StandardCharsets.UTF_8)))
							.build(),
						HttpResponse.BodyHandlers.ofString());
				overHttp[i] = System.nanoTime() - t0;
				if (response.statusCode() != 200) {
					throw new IllegalStateException(response.body());
				}
			}
			if (run == RUNS) {
				for (int q = 0; q < QUERIES.size(); q++) {
					long[] times = new long[100];
					for (int i = 0; i < 100; i++) {
						times[i] = direct[i * QUERIES.size() + q];
					}
					Arrays.sort(times);
					System.out.printf(Locale.ROOT, "BENCH recherche « %s »: median %.3f ms%n", QUERIES.get(q),
							times[50] / 1e6);
				}
			}
			Arrays.sort(direct);
			Arrays.sort(overHttp);
			System.out.printf(Locale.ROOT,
					"BENCH recherche run %d%s: %d searches, service p50 %.2f ms p99 %.2f ms; "
							+ "HTTP p50 %.2f ms p99 %.2f ms%n",
					run, run == 0 ? " (warm-up)" : "", direct.length, direct[direct.length / 2] / 1e6,
					direct[(int) (direct.length * 0.99)] / 1e6, overHttp[overHttp.length / 2] / 1e6,
					overHttp[(int) (overHttp.length * 0.99)] / 1e6);
		}
	}

	private static double median(List<Double> values) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return sorted.get(sorted.size() / 2);
	}

}
