package fr.maillage.benchmarks;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import fr.maillage.opendata.importing.SourceImport;
import fr.maillage.places.vocabulary.MediationService;
import fr.maillage.testing.CleanDatabase;
import fr.maillage.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code GET /api/v1/lieux?lat&lon&rayon_km=10&services=…} on ≈ 100 000 distinct places
 * (every real record 30 times, copies moved by up to ±0.05° under a generated name and
 * street so that they stay distinct places), 50 concurrent clients each sending its next
 * request as soon as the previous one is answered. Not a test: it asserts nothing and is
 * never run by {@code ./mvnw verify}; run it with {@code scripts/benchmark search}
 * (docs/performance.md).
 */
@IntegrationTest
class SearchBenchmark {

	private static final int CLIENTS = Integer.getInteger("bench.clients", 50);

	private static final int REQUESTS_PER_CLIENT = Integer.getInteger("bench.requests", 200);

	private static final int RUNS = Integer.getInteger("bench.runs", 3);

	/**
	 * Total requests per second of all clients together; 0 = each client sends as soon as
	 * it has its answer.
	 */
	private static final int RATE = Integer.getInteger("bench.rate", 0);

	@LocalServerPort
	int port;

	@Autowired
	SourceImport sourceImport;

	@Autowired
	JdbcClient jdbc;

	@Test
	void measureSearchLatency() throws Exception {
		CleanDatabase.empty(jdbc);
		Path file = RealRecords.writeDistinct(30, 0.05);
		int places = sourceImport.importFile("bench", "bench.json", () -> Files.newInputStream(file)).acceptees();
		Files.delete(file);
		jdbc.sql("vacuum analyze lieu").update();
		List<double[]> centres = jdbc
			.sql("select latitude, longitude from lieu where latitude is not null " + "order by id limit 5000")
			.query((rs, row) -> new double[] { rs.getDouble(1), rs.getDouble(2) })
			.list();
		long published = jdbc.sql("select count(*) from lieu").query(Long.class).single();
		System.out.printf(
				"BENCH search: %d records imported, %d published lieux, %d clients x %d requests, %d runs, %s%n",
				places, published, CLIENTS, REQUESTS_PER_CLIENT, RUNS,
				RATE == 0 ? "closed loop (no think time)" : "open loop at " + RATE + " req/s");
		if (Boolean.getBoolean("bench.explain")) {
			explain(centres.get(0));
			boxQueries(centres);
			directSearch(centres);
		}
		run(centres, 0);
		List<Double> p99s = new ArrayList<>();
		for (int run = 1; run <= RUNS; run++) {
			p99s.add(run(centres, run));
		}
		if (p99s.isEmpty()) {
			return;
		}
		p99s.sort(null);
		System.out.printf(Locale.ROOT, "BENCH search median p99: %.1f ms%n", p99s.get(p99s.size() / 2));
	}

	@Autowired
	fr.maillage.places.PlaceDirectory directory;

	/** The same searches without HTTP and JSON, to see where the time goes. */
	private void directSearch(List<double[]> centres) {
		Random random = new Random(1);
		for (int round = 0; round < 6; round++) {
			int size = round % 2 == 0 ? 50 : 1;
			long start = System.nanoTime();
			for (int i = 0; i < 300; i++) {
				double[] centre = centres.get(random.nextInt(centres.size()));
				directory
					.searchPlaces(
							new fr.maillage.places.PlaceQuery(null, List.of(), List.of(), List.of(), null,
									List.of(MediationService.values()[random.nextInt(9)]), List.of(), List.of(),
									List.of(), List.of(), List.of(), false,
									new fr.maillage.places.PlaceQuery.Near(
											new fr.maillage.shared.geo.Coordinates(centre[0], centre[1]), 10),
									1, size));
			}
			System.out.printf(Locale.ROOT, "BENCH direct search, page of %d: %.2f ms per search%n", size,
					(System.nanoTime() - start) / 1e6 / 300);
		}
	}

	/** The database's share: the box query alone, as the search sends it. */
	private void boxQueries(List<double[]> centres) {
		Random random = new Random(2);
		for (int round = 0; round < 3; round++) {
			long start = System.nanoTime();
			long rows = 0;
			for (int i = 0; i < 300; i++) {
				double[] centre = centres.get(random.nextInt(centres.size()));
				double dLat = 10 / 111.2;
				double dLon = dLat / Math.cos(Math.toRadians(centre[0]));
				rows += jdbc
					.sql("select id, latitude, longitude from lieu where coalesce(services, '{}') && "
							+ "cast(:services as text[]) and latitude is not null and point(longitude, latitude) <@ "
							+ "box(point(:min_lon, :min_lat), point(:max_lon, :max_lat))")
					.param("services", new String[] { MediationService.values()[random.nextInt(9)].label() })
					.param("min_lon", centre[1] - dLon)
					.param("min_lat", centre[0] - dLat)
					.param("max_lon", centre[1] + dLon)
					.param("max_lat", centre[0] + dLat)
					.query((rs, row) -> rs.getString(1))
					.list()
					.size();
			}
			System.out.printf(Locale.ROOT, "BENCH box query: %.2f ms per query, %d rows on average%n",
					(System.nanoTime() - start) / 1e6 / 300, rows / 300);
		}
	}

	private void explain(double[] centre) {
		double dLat = 10 / 111.2;
		double dLon = dLat / Math.cos(Math.toRadians(centre[0]));
		String sql = String.format(Locale.ROOT, "explain (analyze, buffers) select id, latitude, longitude from lieu "
				+ "where coalesce(services, '{}') && '{\"Aide aux démarches administratives\"}'::text[] and latitude is not null and "
				+ "point(longitude, latitude) <@ box(point(%f, %f), point(%f, %f))", centre[1] - dLon, centre[0] - dLat,
				centre[1] + dLon, centre[0] + dLat);
		jdbc.sql(sql).query(String.class).list().forEach(line -> System.out.println("BENCH plan " + line));
		jdbc.sql("explain (analyze, buffers) select wanted.id, o.n from unnest(array(select id from lieu "
				+ "order by id limit 50)) as wanted(id) cross join lateral (select count(*) as n "
				+ "from lieu_membre m join lieu_source s on s.id = m.source_record_id where m.lieu_id = wanted.id) o")
			.query(String.class)
			.list()
			.forEach(line -> System.out.println("BENCH plan origins " + line));
	}

	private double run(List<double[]> centres, int run) throws Exception {
		HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4)).build();
		ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
		List<Future<long[]>> results = new ArrayList<>();
		long start = System.nanoTime() + 100_000_000L;
		long[] totalHits = new long[1];
		for (int client = 0; client < CLIENTS; client++) {
			Random random = new Random(run * 1000L + client);
			long offsetNanos = RATE == 0 ? 0 : (long) (client * 1e9 / RATE);
			results.add(clients.submit(() -> {
				long[] latencies = new long[REQUESTS_PER_CLIENT];
				long intervalNanos = RATE == 0 ? 0 : (long) (CLIENTS * 1e9 / RATE);
				for (int i = 0; i < REQUESTS_PER_CLIENT; i++) {
					long scheduled = start + offsetNanos + i * intervalNanos;
					long wait = scheduled - System.nanoTime();
					if (RATE > 0 && wait > 0) {
						TimeUnit.NANOSECONDS.sleep(wait);
					}
					double[] centre = centres.get(random.nextInt(centres.size()));
					MediationService service = MediationService.values()[random
						.nextInt(MediationService.values().length)];
					String url = String.format(Locale.ROOT,
							"http://localhost:%d/api/v1/lieux?lat=%.5f&lon=%.5f" + "&rayon_km=10&services=%s", port,
							centre[0], centre[1], URLEncoder.encode(service.label(), StandardCharsets.UTF_8));
					// open loop: latency counts from when the request was due, so a late
					// send counts as waiting
					long t0 = RATE > 0 ? scheduled : System.nanoTime();
					HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
							HttpResponse.BodyHandlers.ofString());
					latencies[i] = System.nanoTime() - t0;
					if (response.statusCode() != 200) {
						throw new IllegalStateException(response.statusCode() + " " + response.body());
					}
					synchronized (totalHits) {
						totalHits[0] += response.body().length();
					}
				}
				return latencies;
			}));
		}
		long[] all = new long[CLIENTS * REQUESTS_PER_CLIENT];
		int k = 0;
		for (Future<long[]> result : results) {
			for (long latency : result.get()) {
				all[k++] = latency;
			}
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		clients.shutdown();
		clients.awaitTermination(1, TimeUnit.MINUTES);
		Arrays.sort(all);
		double p50 = all[(int) (all.length * 0.50)] / 1e6;
		double p95 = all[(int) (all.length * 0.95)] / 1e6;
		double p99 = all[(int) (all.length * 0.99)] / 1e6;
		System.out.printf(Locale.ROOT,
				"BENCH search run %d%s: %d requests in %.1f s = %.0f req/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms, avg body %d B%n",
				run, run == 0 ? " (warm-up)" : "", all.length, seconds, all.length / seconds, p50, p95, p99,
				all[all.length - 1] / 1e6, totalHits[0] / all.length);
		return p99;
	}

}
