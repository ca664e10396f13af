package fr.maillage.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import fr.maillage.accounts.AccountPrincipal;
import fr.maillage.accounts.Role;
import fr.maillage.opendata.PlaceEditing;
import fr.maillage.opendata.PublishedDirectory;
import fr.maillage.opendata.importing.ImportReport;
import fr.maillage.opendata.importing.SourceImport;
import fr.maillage.places.PlaceDirectory;
import fr.maillage.testing.ApiClient;
import fr.maillage.testing.CleanDatabase;
import fr.maillage.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 15 item 8's targets on a directory of ≈ 100 000 distinct lieux (the real records
 * 30 times, each copy under generated names): an edit, or a decision on two records, is
 * visible on the API (its {@code GET /api/v1/lieux/{id}} answers the new content) in ≤
 * 300 ms; an import of 500 new records, publication included, takes ≤ 1.5 s. The
 * publication of a change regroups only the lieux it may touch (ADR 0011). Not a test:
 * {@code scripts/benchmark incremental}.
 */
@IntegrationTest
class IncrementalPublicationBenchmark {

	private static final int COPIES = Integer.getInteger("bench.copies", 30);

	private static final int RUNS = Integer.getInteger("bench.runs", 7);

	@LocalServerPort
	int port;

	@Autowired
	SourceImport sourceImport;

	@Autowired
	PlaceEditing editing;

	@Autowired
	PlaceDirectory places;

	@Autowired
	PublishedDirectory publishedDirectory;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void measureIncrementalPublication() throws Exception {
		CleanDatabase.empty(jdbc);
		Path file = RealRecords.writeDistinct(COPIES, 0.02);
		long start = System.nanoTime();
		ImportReport report = sourceImport.importFile("bench", file.getFileName().toString(),
				() -> Files.newInputStream(file));
		Files.delete(file);
		long lieux = jdbc.sql("select count(*) from lieu").query(Long.class).single();
		System.out.printf(Locale.ROOT, "BENCH incremental: %d records imported in %.1f s, %d lieux%n", report.lues(),
				(System.nanoTime() - start) / 1e9, lieux);
		start = System.nanoTime();
		transactions.executeWithoutResult(status -> publishedDirectory.publish());
		System.out.printf(Locale.ROOT, "BENCH incremental: full publication with nothing changed %.2f s%n",
				(System.nanoTime() - start) / 1e9);

		ApiClient api = new ApiClient(port);
		AccountPrincipal admin = new AccountPrincipal(java.util.UUID.randomUUID().toString(), "bench@maillage.fr",
				"Bench", Role.ADMINISTRATEUR, List.of());
		List<String> ids = jdbc.sql("select id::text from lieu where latitude is not null order by id")
			.query(String.class)
			.list();
		Random random = new Random(15);
		List<Double> edits = new ArrayList<>();
		List<Double> decisions = new ArrayList<>();
		List<Double> imports = new ArrayList<>();
		for (int run = 0; run <= RUNS; run++) {
			String id = ids.get(random.nextInt(ids.size()));
			String name = "Espace numérique " + run;
			long editStart = System.nanoTime();
			PlaceEditing.Outcome outcome = editing.edit(id, places.getVersion(id), Map.of("nom", name), null, admin);
			String seen = api.get("/api/v1/lieux/" + id).json().get("nom").asString();
			double editMs = (System.nanoTime() - editStart) / 1e6;
			check(outcome.errors().isEmpty() && seen.equals(name), "edit not visible: " + seen);

			// two records of one commune: made one lieu, then distinct again
			String a = ids.get(random.nextInt(ids.size()));
			String b = jdbc
				.sql("select s.id::text from lieu_source s join lieu_source a on a.id = cast(:a as uuid) "
						+ "where s.code_insee = a.code_insee and s.id <> a.id limit 1")
				.param("a", a)
				.query(String.class)
				.optional()
				.orElse(ids.get(random.nextInt(ids.size())));
			String decision = run % 2 == 0 ? "fusionner" : "distincts";
			long decisionStart = System.nanoTime();
			ApiClient.Response decided = api.postJsonAsAdmin("/api/v1/doublons", "{\"lieux\": [\"" + a + "\", \"" + b
					+ "\"], \"decision\": \"" + decision + "\", \"auteur\": \"Bench\"}");
			String lieuOfA = api.get("/api/v1/lieux/" + a).json().get("id").asString();
			String lieuOfB = api.get("/api/v1/lieux/" + b).json().get("id").asString();
			double decisionMs = (System.nanoTime() - decisionStart) / 1e6;
			check(decided.status() < 300 && lieuOfA.equals(lieuOfB) == decision.equals("fusionner"),
					"decision not visible: " + decided.status() + " " + decided.body());

			Path small = RealRecords.writeDistinctSample(500, "run" + run, run);
			long importStart = System.nanoTime();
			ImportReport smallReport = sourceImport.importFile("petit-" + run, small.getFileName().toString(),
					() -> Files.newInputStream(small));
			double importMs = (System.nanoTime() - importStart) / 1e6;
			Files.delete(small);
			System.out.printf(Locale.ROOT,
					"BENCH incremental run %d%s: edit visible in %.0f ms, decision (%s) visible in %.0f ms,"
							+ " import of %d records with publication %.0f ms%n",
					run, run == 0 ? " (warm-up)" : "", editMs, decision, decisionMs, smallReport.lues(), importMs);
			if (run > 0) {
				edits.add(editMs);
				decisions.add(decisionMs);
				imports.add(importMs);
			}
		}
		System.out.printf(Locale.ROOT,
				"BENCH incremental median over %d runs: edit visible %.0f ms, decision visible %.0f ms,"
						+ " 500 records imported and published %.0f ms (%d lieux)%n",
				RUNS, median(edits), median(decisions), median(imports),
				jdbc.sql("select count(*) from lieu").query(Long.class).single());
	}

	private static double median(List<Double> values) {
		List<Double> sorted = new ArrayList<>(values);
		sorted.sort(null);
		return sorted.get(sorted.size() / 2);
	}

	private static void check(boolean condition, String message) {
		if (!condition) {
			throw new IllegalStateException(message);
		}
	}

}
