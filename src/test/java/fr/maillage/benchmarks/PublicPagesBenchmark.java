package fr.maillage.benchmarks;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import fr.maillage.opendata.importing.SourceImport;
import fr.maillage.testing.CleanDatabase;
import fr.maillage.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Server-side rendering time of the public pages for a département holding 1 000 places:
 * the territory map {@code /carte?departement=69} (every place listed) and the search
 * results {@code /?q=Villeurbanne}. The places are 1 000 real records moved into the
 * Rhône's communes (each at its commune's centre ± 0.01°), so the pages carry real names,
 * services and hours. One client, requests one after the other, compressed like a browser
 * asks. Not a test: run it with {@code scripts/benchmark pages} (docs/performance.md).
 */
@IntegrationTest
class PublicPagesBenchmark {

	private static final int PLACES = 1000;

	private static final int REQUESTS = Integer.getInteger("bench.requests", 300);

	private static final int RUNS = Integer.getInteger("bench.runs", 5);

	@LocalServerPort
	int port;

	@Autowired
	SourceImport sourceImport;

	@Autowired
	JdbcClient jdbc;

	@Test
	void measurePublicPages() throws Exception {
		CleanDatabase.empty(jdbc);
		Path file = writePlacesInTheRhone();
		int imported = sourceImport.importFile("bench", "bench.json", () -> Files.newInputStream(file)).acceptees();
		Files.delete(file);
		jdbc.sql("vacuum analyze lieu").update();
		long inRhone = jdbc.sql("select count(*) from lieu where departement = '69'").query(Long.class).single();
		System.out.printf("BENCH pages: %d places imported, %d in the Rhône%n", imported, inRhone);
		HttpClient http = HttpClient.newHttpClient();
		for (String path : List.of("/carte?departement=69", "/?q=Villeurbanne", "/?q=Villeurbanne&ouvert=true")) {
			measure(http, path, 0);
			List<Double> p95s = new ArrayList<>();
			for (int run = 1; run <= RUNS; run++) {
				p95s.add(measure(http, path, run));
			}
			p95s.sort(null);
			System.out.printf(Locale.ROOT, "BENCH pages %s median p95: %.1f ms%n", path, p95s.get(p95s.size() / 2));
		}
	}

	private double measure(HttpClient http, String path, int run) throws Exception {
		long[] latencies = new long[REQUESTS];
		long bytes = 0;
		for (int i = 0; i < REQUESTS; i++) {
			HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Accept-Encoding", "gzip")
				.header("User-Agent", "maillage-benchmark bot")
				.build();
			long start = System.nanoTime();
			HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
			latencies[i] = System.nanoTime() - start;
			if (response.statusCode() != 200) {
				throw new IllegalStateException(path + " answered " + response.statusCode());
			}
			bytes = response.body().length;
		}
		Arrays.sort(latencies);
		double p95 = latencies[(int) (REQUESTS * 0.95)] / 1e6;
		System.out.printf(Locale.ROOT, "BENCH pages %s run %d%s: p50 %.1f ms, p95 %.1f ms, max %.1f ms, %d B gzip%n",
				path, run, run == 0 ? " (warm-up)" : "", latencies[REQUESTS / 2] / 1e6, p95,
				latencies[REQUESTS - 1] / 1e6, bytes);
		return p95;
	}

	private Path writePlacesInTheRhone() throws Exception {
		record Commune(String code, String name, String postcode, double lat, double lon, long population) {
		}
		List<Commune> communes = jdbc.sql("""
				select code, nom, codes_postaux[1], latitude, longitude, coalesce(population, 0) from commune
				where departement = '69' and type = 'commune-actuelle' and latitude is not null
				and cardinality(codes_postaux) > 0 order by code""")
			.query((rs, row) -> new Commune(rs.getString(1), rs.getString(2), rs.getString(3), rs.getDouble(4),
					rs.getDouble(5), rs.getLong(6)))
			.list();
		// places drawn in proportion to population, as they are in reality
		long[] cumulated = new long[communes.size()];
		long sum = 0;
		for (int i = 0; i < communes.size(); i++) {
			sum += communes.get(i).population() + 1;
			cumulated[i] = sum;
		}
		Random random = new Random(69);
		List<ObjectNode> records = RealRecords.all();
		Path file = Files.createTempFile("maillage-bench-pages-", ".json");
		var json = JsonMapper.builder().build();
		try (OutputStream out = Files.newOutputStream(file); JsonGenerator generator = json.createGenerator(out)) {
			generator.writeStartArray();
			for (int i = 0; i < PLACES; i++) {
				ObjectNode record = records.get(i * 7 % records.size()).deepCopy();
				int drawn = Arrays.binarySearch(cumulated, (long) (random.nextDouble() * sum) + 1);
				Commune commune = communes.get(drawn >= 0 ? drawn : -drawn - 1);
				record.put("id", "bench-" + i);
				record.put("code_insee", commune.code());
				record.put("code_postal", commune.postcode());
				record.put("commune", commune.name());
				record.put("latitude", BigDecimal.valueOf(commune.lat() + (random.nextDouble() * 2 - 1) * 0.01));
				record.put("longitude", BigDecimal.valueOf(commune.lon() + (random.nextDouble() * 2 - 1) * 0.01));
				json.writeValue(generator, record);
			}
			generator.writeEndArray();
		}
		return file;
	}

}
