package fr.maillage.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import fr.maillage.opendata.PublishedDirectory;
import fr.maillage.opendata.importing.ImportReport;
import fr.maillage.opendata.importing.SourceImport;
import fr.maillage.testing.CleanDatabase;
import fr.maillage.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Import throughput on the concatenated real files, replicated to a ≈ 50 MB file as
 * distinct places ({@code -Dbench.lookalikes=true}: as look-alikes of the real records,
 * the merge's worst case). Not a test: it asserts nothing and is never run by
 * {@code ./mvnw verify}; run it with {@code scripts/benchmark import}
 * ({@code -Dbench.floor=true} also measures the least PostgreSQL alone spends writing the
 * same rows; docs/performance.md).
 */
@IntegrationTest
class ImportBenchmark {

	private static final int COPIES = Integer.getInteger("bench.copies", 15);

	private static final int RUNS = Integer.getInteger("bench.runs", 5);

	@Autowired
	SourceImport sourceImport;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PublishedDirectory publishedDirectory;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void measureImportThroughput() throws Exception {
		Path file = Boolean.getBoolean("bench.lookalikes") ? RealRecords.writeReplicated(COPIES, 0.02)
				: RealRecords.writeDistinct(COPIES, 0.02);
		long sizeMb = Files.size(file) / (1024 * 1024);
		List<Double> rowsPerSecond = new ArrayList<>();
		for (int run = 0; run <= RUNS; run++) {
			CleanDatabase.empty(jdbc);
			for (String index : System.getProperty("bench.dropIndexes", "").split(",")) {
				if (!index.isBlank()) {
					jdbc.sql("drop index if exists " + index.strip()).update();
				}
			}
			resetPeakHeap();
			long start = System.nanoTime();
			ImportReport report = sourceImport.importFile("bench", file.getFileName().toString(),
					() -> Files.newInputStream(file));
			double seconds = (System.nanoTime() - start) / 1e9;
			double rate = report.lues() / seconds;
			System.out.printf("BENCH import run %d%s: %d rows (%d MB) in %.2f s = %.0f rows/s, peak heap %d MB%n", run,
					run == 0 ? " (warm-up)" : "", report.lues(), sizeMb, seconds, rate, peakHeapMb());
			if (run > 0) {
				rowsPerSecond.add(rate);
			}
			if (Boolean.getBoolean("bench.floor")) {
				measureDatabaseFloor(run);
			}
			// what every edit, decision or changed run pays on a directory of this size
			long republishStart = System.nanoTime();
			transactions.executeWithoutResult(status -> publishedDirectory.publish());
			System.out.printf("BENCH import run %d: publication with nothing changed %.2f s%n", run,
					(System.nanoTime() - republishStart) / 1e9);
		}
		Collections.sort(rowsPerSecond);
		System.out.printf("BENCH import median: %.0f rows/s over %d runs, max heap %d MB%n",
				rowsPerSecond.get(rowsPerSecond.size() / 2), RUNS, Runtime.getRuntime().maxMemory() / (1024 * 1024));
		Files.delete(file);
	}

	/**
	 * The least PostgreSQL alone spends writing the imported rows once into a copy of
	 * {@code lieu_source} and once into a copy of {@code lieu}, each with its indexes,
	 * then their memberships and the import's report rows: rows copied by
	 * {@code INSERT … SELECT} inside the database, so no parsing, validation, network or
	 * merge is counted. An import writes all of them in one transaction, hence on one
	 * server process: this bounds its throughput.
	 */
	private void measureDatabaseFloor(int run) {
		long rows = jdbc.sql("select count(*) from lieu_source").query(Long.class).single();
		long issues = jdbc.sql("select count(*) from import_issue").query(Long.class).single();
		double[] seconds = new double[5];
		transactions.executeWithoutResult(status -> {
			jdbc.sql("create table floor_source (like lieu_source including all)").update();
			jdbc.sql("create table floor_lieu (like lieu including all)").update();
			jdbc.sql("create table floor_lieu_plain (like lieu including defaults)").update();
			seconds[0] = time(() -> jdbc.sql("insert into floor_source select * from lieu_source").update());
			seconds[1] = time(() -> jdbc.sql("insert into floor_lieu select * from lieu_source").update());
			seconds[2] = time(() -> jdbc.sql("insert into floor_lieu_plain select * from lieu_source").update());
			jdbc.sql("create table floor_membre (like lieu_membre including all)").update();
			jdbc.sql("create table floor_issue (like import_issue including all)").update();
			seconds[3] = time(() -> jdbc.sql("insert into floor_membre select * from lieu_membre").update());
			seconds[4] = time(() -> jdbc.sql("insert into floor_issue select * from import_issue").update());
			status.setRollbackOnly();
		});
		double total = seconds[0] + seconds[1] + seconds[3] + seconds[4];
		System.out.printf(
				"BENCH import run %d: database floor for %d rows: lieu_source %.2f s + lieu %.2f s (of which rows"
						+ " without any index %.2f s) + lieu_membre %.2f s + %d report rows %.2f s = %.2f s, at most"
						+ " %.0f rows/s%n",
				run, rows, seconds[0], seconds[1], seconds[2], seconds[3], issues, seconds[4], total, rows / total);
	}

	private static double time(Runnable step) {
		long start = System.nanoTime();
		step.run();
		return (System.nanoTime() - start) / 1e9;
	}

	private static void resetPeakHeap() {
		System.gc();
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				pool.resetPeakUsage();
			}
		}
	}

	private static long peakHeapMb() {
		long peak = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				peak += pool.getPeakUsage().getUsed();
			}
		}
		return peak / (1024 * 1024);
	}

}
