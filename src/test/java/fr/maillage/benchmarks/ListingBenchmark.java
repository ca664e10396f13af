package fr.maillage.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import fr.maillage.accounts.AccountPrincipal;
import fr.maillage.accounts.Role;
import fr.maillage.contributions.LieuListing;
import fr.maillage.contributions.domain.ListingSort;
import fr.maillage.opendata.importing.SourceImport;
import fr.maillage.testing.CleanDatabase;
import fr.maillage.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * « Mes lieux » read through the places API (issue 15): one page of an administrator's
 * list of the whole directory, and of a coordinator's département, on a directory of
 * distinct real records ({@code -Dbench.copies}, 16 ≈ 50 000 lieux). Run with
 * {@code scripts/benchmark listing}; figures in docs/performance.md.
 */
@IntegrationTest
class ListingBenchmark {

	private static final int COPIES = Integer.getInteger("bench.copies", 16);

	private static final int RUNS = Integer.getInteger("bench.runs", 7);

	@Autowired
	SourceImport sourceImport;

	@Autowired
	LieuListing listing;

	@Autowired
	JdbcClient jdbc;

	@Test
	void measureListing() throws Exception {
		CleanDatabase.empty(jdbc);
		Path file = RealRecords.writeDistinct(COPIES, 0.02);
		sourceImport.importFile("bench", file.getFileName().toString(), () -> Files.newInputStream(file));
		Files.delete(file);
		long lieux = jdbc.sql("select count(*) from lieu").query(Long.class).single();
		String departement = jdbc
			.sql("select departement from lieu group by departement order by count(*) desc limit 1")
			.query(String.class)
			.single();
		long inDepartement = jdbc.sql("select count(*) from lieu where departement = :d")
			.param("d", departement)
			.query(Long.class)
			.single();
		AccountPrincipal administrator = new AccountPrincipal(UUID.randomUUID().toString(), "a@b.fr", "Admin",
				Role.ADMINISTRATEUR, List.of());
		AccountPrincipal coordinator = new AccountPrincipal(UUID.randomUUID().toString(), "c@b.fr", "Coord",
				Role.COORDINATEUR, List.of("departement:" + departement));
		LieuListing.Criteria oldestFirst = new LieuListing.Criteria(null, null, null, null, null, null,
				ListingSort.OLDEST_VALIDATION, 3);
		LieuListing.Criteria searched = new LieuListing.Criteria("mediatheque", null, null, null, null, null,
				ListingSort.NAME, 1);
		report("administrator, whole directory (" + lieux + " lieux), oldest first, page 3", administrator,
				oldestFirst);
		report("administrator, whole directory, text « mediatheque »", administrator, searched);
		report("coordinator of " + departement + " (" + inDepartement + " lieux), oldest first, page 3", coordinator,
				oldestFirst);
	}

	private void report(String what, AccountPrincipal account, LieuListing.Criteria criteria) {
		List<Double> millis = new ArrayList<>();
		for (int run = 0; run < RUNS + 2; run++) {
			long start = System.nanoTime();
			LieuListing.Page page = listing.listPage(account, criteria);
			double elapsed = (System.nanoTime() - start) / 1e6;
			if (page.total() == 0) {
				throw new IllegalStateException("nothing listed: " + what);
			}
			if (run >= 2) {
				// the first two warm the JIT and the caches
				millis.add(elapsed);
			}
		}
		Collections.sort(millis);
		System.out.printf(Locale.ROOT, "BENCH listing: %s: median %.0f ms (min %.0f, max %.0f, %d runs)%n", what,
				millis.get(millis.size() / 2), millis.get(0), millis.get(millis.size() - 1), millis.size());
	}

}
