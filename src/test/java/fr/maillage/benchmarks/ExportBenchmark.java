package fr.maillage.benchmarks;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import fr.maillage.opendata.HsdsPackages;
import fr.maillage.opendata.importing.ImportReport;
import fr.maillage.opendata.importing.SourceImport;
import fr.maillage.testing.CleanDatabase;
import fr.maillage.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 19's target for the whole-directory exports: the HSDS 3.0 data package of ≈ 100
 * 000 lieux in ≤ 20 s with a bounded heap (ADR 0028: the time to build and store the
 * package, then the time to download the stored package) (run with {@code -Xmx256m}: the
 * server, its import and its exports share that heap), and the data·inclusion files and
 * the HSDS organizations page on the same directory. The real records 30 times, each copy
 * under generated names. Downloads through HTTP, read as a partner reads them. Not a
 * test: {@code scripts/benchmark exports}.
 */
@IntegrationTest
class ExportBenchmark {

	private static final int COPIES = Integer.getInteger("bench.copies", 30);

	private static final int RUNS = Integer.getInteger("bench.runs", 3);

	@LocalServerPort
	int port;

	@Autowired
	SourceImport sourceImport;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	HsdsPackages packages;

	@Test
	void measureExports() throws Exception {
		CleanDatabase.empty(jdbc);
		Path file = RealRecords.writeDistinct(COPIES, 0.02);
		long start = System.nanoTime();
		ImportReport report = sourceImport.importFile("bench", file.getFileName().toString(),
				() -> Files.newInputStream(file));
		Files.delete(file);
		long lieux = jdbc.sql("select count(*) from lieu").query(Long.class).single();
		System.out.printf(Locale.ROOT, "BENCH exports: %d records imported in %.1f s, %d lieux, max heap %d MB%n",
				report.lues(), (System.nanoTime() - start) / 1e9, lieux, Runtime.getRuntime().maxMemory() >> 20);
		System.gc();
		long baseline = usedHeap();
		List<byte[]> ballast = new ArrayList<>();
		long keep = Long.getLong("bench.heap-mb", 256) << 20;
		for (long held = 0; held < Runtime.getRuntime().maxMemory() - keep; held += 16 << 20) {
			ballast.add(new byte[16 << 20]);
		}
		System.out.printf(Locale.ROOT,
				"BENCH exports: %d MB used after the import, a ballast of %d MB leaves %d MB to the server%n",
				baseline >> 20, ballast.size() * 16L, keep >> 20);
		// the stored HSDS package (ADR 0028): built from nothing each run, as the
		// scheduled
		// check does after a publication
		List<Double> builds = new ArrayList<>();
		for (int run = 0; run <= RUNS; run++) {
			jdbc.sql("truncate hsds_paquet cascade").update();
			resetPeaks();
			long runStart = System.nanoTime();
			HsdsPackages.Outcome outcome = packages.refresh();
			double elapsed = (System.nanoTime() - runStart) / 1e9;
			if (outcome != HsdsPackages.Outcome.BUILT) {
				throw new IllegalStateException("HSDS package not built: " + outcome);
			}
			long size = jdbc.sql("select taille from hsds_paquet").query(Long.class).single();
			System.out.printf(Locale.ROOT,
					"BENCH exports HSDS package build run %d%s: %.2f s, %d MB, heap peak %d MB%n", run,
					run == 0 ? " (warm-up)" : "", elapsed, size >> 20, heapPeakMb());
			if (run > 0) {
				builds.add(elapsed);
			}
		}
		Collections.sort(builds);
		System.out.printf(Locale.ROOT, "BENCH exports median HSDS package build (stored in the database): %.2f s%n",
				builds.get(builds.size() / 2));
		HttpClient client = HttpClient.newHttpClient();
		for (String path : List.of("/api/hsds/v3/datapackage.zip", "/api/data-inclusion/v1/services.json",
				"/api/data-inclusion/v1/structures.json", "/api/hsds/v3/organizations?per_page=500")) {
			List<Double> seconds = new ArrayList<>();
			long bytes = 0;
			for (int run = 0; run <= RUNS; run++) {
				resetPeaks();
				long runStart = System.nanoTime();
				HttpResponse<InputStream> response = client.send(
						HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
						HttpResponse.BodyHandlers.ofInputStream());
				try (InputStream body = response.body()) {
					bytes = body.transferTo(java.io.OutputStream.nullOutputStream());
				}
				double elapsed = (System.nanoTime() - runStart) / 1e9;
				if (response.statusCode() != 200) {
					throw new IllegalStateException(path + " answered " + response.statusCode());
				}
				if (path.endsWith(".zip")
						&& !response.headers().firstValue("X-Maillage-Paquet").orElse("").equals("a-jour")) {
					throw new IllegalStateException(path + " was not the stored package");
				}
				System.out.printf(Locale.ROOT, "BENCH exports %s run %d%s: %.2f s, %d MB, heap peak %d MB%n", path, run,
						run == 0 ? " (warm-up)" : "", elapsed, bytes >> 20, heapPeakMb());
				if (run > 0) {
					seconds.add(elapsed);
				}
			}
			Collections.sort(seconds);
			System.out.printf(Locale.ROOT, "BENCH exports median %s: %.2f s (%d MB, %d lieux)%n", path,
					seconds.get(seconds.size() / 2), bytes >> 20, lieux);
		}
		System.out.printf(Locale.ROOT, "BENCH exports done with the ballast held (%d chunks)%n", ballast.size());
	}

	private static long usedHeap() {
		return Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
	}

	private static void resetPeaks() {
		System.gc();
		ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
	}

	/**
	 * The sum of the heap pools' peaks since the last reset: an upper bound of what was
	 * live.
	 */
	private static long heapPeakMb() {
		return ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter(pool -> pool.getType() == MemoryType.HEAP)
			.mapToLong(pool -> pool.getPeakUsage().getUsed())
			.sum() >> 20;
	}

}
