package fr.maillage.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import fr.maillage.testing.ApiClient;
import fr.maillage.testing.CleanDatabase;
import fr.maillage.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Issue 18's target for the indicators of the exchanges: a département with 2 000 actors
 * and 500 meetings (≈ 10 000 participants, three quarters present, half of them from the
 * directory, the others typed) answered in ≤ 200 ms through HTTP, as the public reads
 * them; other départements hold as many rows again. Not a test:
 * {@code scripts/benchmark indicateurs}.
 */
@IntegrationTest
class ExchangeIndicatorsBenchmark {

	private static final int RUNS = Integer.getInteger("bench.runs", 21);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void measureIndicators() {
		CleanDatabase.empty(jdbc);
		long start = System.nanoTime();
		for (String departement : List.of("69", "16")) {
			jdbc.sql(
					"""
							insert into acteur (id, nom, type, departement, cree_le, cree_par, modifie_le, modifie_par)
							select gen_random_uuid(), 'Acteur ' || :d || '-' || i,
							  (array['mairie','epci','ccas','france_services','association','departement','caf','france_travail',
							         'bailleur','reconditionneur','financeur','hub','mediatheque','autre'])[1 + (i * 7) % 14],
							  case when i % 5 = 0 and :d = '69' then '69M' else :d end, now(), 'bench', now(), 'bench'
							from generate_series(1, 2000) i""")
				.param("d", departement)
				.update();
			jdbc.sql("""
					insert into reunion (id, titre, departement, commence_le, finit_le, rencontre_annuelle, annulee_le,
					    cree_le, cree_par, modifie_le, modifie_par)
					select gen_random_uuid(), 'Réunion ' || i, :d,
					  timestamptz '2026-01-05 09:00+01' + (i * interval '17 hours'),
					  timestamptz '2026-01-05 11:00+01' + (i * interval '17 hours'), i = 250,
					  case when i % 40 = 0 then now() end, now(), 'bench', now(), 'bench'
					from generate_series(1, 500) i""").param("d", departement).update();
			jdbc.sql(
					"""
							insert into reunion_participant (id, reunion_id, acteur_id, type_acteur, structure_nom, nom, origine,
							    present)
							with a as (select id, type, nom, row_number() over (order by id) - 1 as k from acteur
							           where departement in (:d, '69M')),
							r as (select id, row_number() over (order by commence_le) as n from reunion where departement = :d)
							select gen_random_uuid(), r.id, case when g % 2 = 0 then a.id end,
							  case when g % 2 = 0 then a.type else 'association' end,
							  case when g % 2 = 0 then a.nom else 'Structure tapée ' || (g % 300) end,
							  'chiffré', 'invitation', g % 4 <> 0
							from r cross join generate_series(1, 20) g
							join a on a.k = (r.n * 37 + g * 101) % 1900""")
				.param("d", departement)
				.update();
		}
		jdbc.sql("analyze acteur").update();
		jdbc.sql("analyze reunion").update();
		jdbc.sql("analyze reunion_participant").update();
		System.out.printf(Locale.ROOT,
				"BENCH indicateurs: %d actors, %d meetings, %d participants generated in %.1f s%n",
				jdbc.sql("select count(*) from acteur").query(Long.class).single(),
				jdbc.sql("select count(*) from reunion").query(Long.class).single(),
				jdbc.sql("select count(*) from reunion_participant").query(Long.class).single(),
				(System.nanoTime() - start) / 1e9);
		ApiClient api = new ApiClient(port);
		List<Double> times = new ArrayList<>();
		for (int run = 0; run <= RUNS; run++) {
			long runStart = System.nanoTime();
			ApiClient.Response response = api
				.get("/api/v1/indicateurs/echanges?departement=69&du=2026-01-01&au=2026-12-31");
			double ms = (System.nanoTime() - runStart) / 1e6;
			if (response.status() != 200) {
				throw new IllegalStateException(response.status() + " " + response.body());
			}
			JsonNode json = response.json();
			System.out.printf(Locale.ROOT,
					"BENCH indicateurs run %d%s: %.1f ms (%d meetings, %d participants, %d structures)%n", run,
					run == 0 ? " (warm-up)" : "", ms, json.get("reunions").asLong(), json.get("participants").asLong(),
					json.get("structures_distinctes").asLong());
			if (run > 0) {
				times.add(ms);
			}
		}
		Collections.sort(times);
		System.out.printf(Locale.ROOT, "BENCH indicateurs median over %d runs: %.1f ms (min %.1f, max %.1f)%n", RUNS,
				times.get(times.size() / 2), times.get(0), times.get(times.size() - 1));
	}

}
