package fr.maillage.benchmarks;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;

import fr.maillage.accounts.AccountPrincipal;
import fr.maillage.accounts.Role;
import fr.maillage.contributions.Structures;
import fr.maillage.orientations.OrientationIndicators;
import fr.maillage.orientations.Orientations;
import fr.maillage.shared.crypto.FieldCipher;
import fr.maillage.testing.ApiClient;
import fr.maillage.testing.CleanDatabase;
import fr.maillage.testing.Fixtures;
import fr.maillage.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Orientations at scale (issue 16): the inbox of a structure that received
 * {@code bench.inbox} (10 000) orientations, and the funnel indicators of a département
 * that received {@code bench.total} (100 000) — target ≤ 100 ms p95 and ≤ 500 ms. The
 * Charente's 188 lieux, one structure of two of them; the orientations are written by SQL
 * (statuses and transitions spread as a real funnel), the inbox's newest with encrypted
 * first names as the service writes them. Run with
 * {@code scripts/benchmark orientations}; figures in docs/performance.md.
 */
@IntegrationTest
class OrientationsBenchmark {

	private static final int INBOX = Integer.getInteger("bench.inbox", 10_000);

	private static final int TOTAL = Integer.getInteger("bench.total", 100_000);

	private static final int RUNS = Integer.getInteger("bench.runs", 30);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Structures structures;

	@Autowired
	Orientations orientations;

	@Autowired
	OrientationIndicators indicators;

	@Autowired
	FieldCipher cipher;

	@Test
	void measure() {
		CleanDatabase.empty(jdbc);
		ApiClient api = new ApiClient(port);
		api.importFile("charente", Fixtures.CHARENTE, Fixtures.lieux(Fixtures.CHARENTE));
		AccountPrincipal admin = new AccountPrincipal(UUID.randomUUID().toString(), "admin@exemple.fr", "Admin",
				Role.ADMINISTRATEUR, List.of());
		String first = api.findLieuId("Service Info 16");
		String second = api.findLieuId("Pôle commerce de la ville de Cognac");
		String structure = structures.attach(first, "Structure du banc d'essai", admin).id();
		structures.attach(second, "Structure du banc d'essai", admin);
		UUID orienteur = UUID.randomUUID();
		jdbc.sql("insert into compte (id, courriel, nom, role, cree_le) values (:id, 'orienteur@exemple.fr', "
				+ "'Orienteur', 'membre', now())")
			.param("id", orienteur)
			.update();
		AccountPrincipal member = new AccountPrincipal(UUID.randomUUID().toString(), "membre@exemple.fr", "Membre",
				Role.MEMBRE, List.of("structure:" + structure));
		List<UUID> others = jdbc
			.sql("select id from lieu where id not in (:a::uuid, :b::uuid) and departement = '16' order by id")
			.param("a", first)
			.param("b", second)
			.query(UUID.class)
			.list();
		long start = System.nanoTime();
		// the structure's inbox: INBOX orientations to its two lieux, the rest of the
		// département's to the others
		generate(new UUID[] { UUID.fromString(first), UUID.fromString(second) }, INBOX, orienteur);
		generate(others.toArray(UUID[]::new), TOTAL - INBOX, orienteur);
		// the newest the inbox shows carry first names encrypted as the service does
		for (UUID id : jdbc
			.sql("select id from orientation where lieu_id in (:a::uuid, :b::uuid) "
					+ "order by envoyee_le desc limit 300")
			.param("a", first)
			.param("b", second)
			.query(UUID.class)
			.list()) {
			jdbc.sql("update orientation set prenom_chiffre = :name where id = :id")
				.param("name", cipher.encrypt("Zoé", id + "/prenom"))
				.param("id", id)
				.update();
		}
		jdbc.sql("analyze orientation").update();
		jdbc.sql("analyze orientation_transition").update();
		jdbc.sql("analyze orientation_territoire").update();
		System.out.printf(Locale.ROOT, "BENCH orientations: %d orientations generated in %.1f s%n",
				jdbc.sql("select count(*) from orientation").query(Long.class).single(),
				(System.nanoTime() - start) / 1e9);
		if (Boolean.getBoolean("bench.explain")) {
			explain();
		}
		report("inbox of a structure with " + INBOX + " orientations (200 shown)", () -> {
			int shown = orientations.listReceived(member).size();
			if (shown == 0) {
				throw new IllegalStateException("empty inbox");
			}
			return shown;
		});
		report("funnel indicators of the département 16, " + TOTAL + " orientations", () -> {
			var figures = indicators.compute("16", null, "2026-01-01", "2026-12-31", admin);
			if (figures.total().sent().orElse(0) != TOTAL) {
				throw new IllegalStateException("not every orientation counted: " + figures.total());
			}
			return figures.perEpci().size();
		});
	}

	/**
	 * {@code count} orientations spread over these lieux and over 2026, with a funnel's
	 * statuses: of 20, 3 still sent, 5 refused, 2 expired, 2 cancelled, 6 came, 2 did not
	 * come; their transitions and territory as the service writes them.
	 */
	private void generate(UUID[] lieux, int count, UUID orienteur) {
		jdbc.sql(
				"""
						insert into orientation (id, lieu_id, orienteur_id, statut, envoyee_le, statut_le)
						select gen_random_uuid(), (:lieux)[1 + i % cardinality(:lieux)], :orienteur,
						       (array['envoyee','envoyee','envoyee','refusee','refusee','refusee','refusee','refusee','expiree',
						              'expiree','annulee','annulee','venue','venue','venue','venue','venue','accompagnement_termine',
						              'non_venue','non_venue'])[1 + i % 20],
						       timestamp '2026-01-01' + (i % 330) * interval '1 day' + (i % 600) * interval '1 minute',
						       timestamp '2026-01-01' + (i % 330) * interval '1 day'
						from generate_series(1, :count) i""")
			.param("lieux", lieux)
			.param("orienteur", orienteur)
			.param("count", count)
			.update();
		jdbc.sql(
				"""
						insert into orientation_territoire (orientation_id, departement, code_insee, epci, envoyee_le)
						select o.id, l.departement, l.code_insee,
						       (select c.epci from commune c where c.code = l.code_insee and c.type = 'commune-actuelle'), o.envoyee_le
						from orientation o join lieu l on l.id = o.lieu_id
						where not exists (select 1 from orientation_territoire t where t.orientation_id = o.id)""")
			.update();
		jdbc.sql("""
				insert into orientation_transition (orientation_id, de, vers, par, moment)
				select id, null, 'envoyee', 'banc', envoyee_le from orientation o
				where not exists (select 1 from orientation_transition t where t.orientation_id = o.id)""").update();
		// answered after 0 to 6 days, came 2 to 14 days after being sent
		jdbc.sql(
				"""
						insert into orientation_transition (orientation_id, de, vers, par, moment, motif)
						select id, 'envoyee', case when statut = 'refusee' then 'refusee' else 'acceptee' end, 'banc',
						       envoyee_le + (abs(hashtext(id::text)) % 7) * interval '1 day',
						       case when statut = 'refusee' then (array['complet','hors_territoire','autre'])[1 + abs(hashtext(id::text)) % 3] end
						from orientation o where statut in ('refusee', 'venue', 'accompagnement_termine', 'non_venue')
						and not exists (select 1 from orientation_transition t where t.orientation_id = o.id and t.de = 'envoyee')""")
			.update();
		jdbc.sql(
				"""
						insert into orientation_transition (orientation_id, de, vers, par, moment)
						select id, 'acceptee', case when statut = 'non_venue' then 'non_venue' else 'venue' end, 'banc',
						       envoyee_le + (7 + abs(hashtext(id::text)) % 8) * interval '1 day'
						from orientation o where statut in ('venue', 'accompagnement_termine', 'non_venue')
						and not exists (select 1 from orientation_transition t where t.orientation_id = o.id and t.de = 'acceptee')""")
			.update();
	}

	/**
	 * The plan of the indicators' aggregate (the repository's statement, copied), to see
	 * where time goes.
	 */
	private void explain() {
		String sql = """
				explain (analyze, buffers)
				select coalesce(t.epci, '?'), count(*),
				       count(*) filter (where t.statut in ('venue', 'accompagnement_termine')),
				       percentile_cont(0.5) within group (order by extract(epoch from t.repondue_le - t.envoyee_le) / 86400.0),
				       percentile_cont(0.5) within group (order by extract(epoch from t.venue_le - t.envoyee_le) / 86400.0)
				from orientation_territoire t
				where t.departement = '16' and t.envoyee_le >= '2026-01-01' and t.envoyee_le < '2027-01-01'
				group by grouping sets ((), (coalesce(t.epci, '?')))""";
		jdbc.sql(sql).query(String.class).list().forEach(line -> System.out.println("BENCH plan: " + line));
	}

	private void report(String what, Supplier<Integer> run) {
		List<Double> millis = new ArrayList<>();
		for (int i = 0; i < RUNS + 3; i++) {
			long start = System.nanoTime();
			run.get();
			double elapsed = (System.nanoTime() - start) / 1e6;
			if (i >= 3) {
				// the first three warm the JIT and the caches
				millis.add(elapsed);
			}
		}
		Collections.sort(millis);
		System.out.printf(Locale.ROOT,
				"BENCH orientations: %s: median %.0f ms, p95 %.0f ms (min %.0f, max %.0f, %d runs)%n", what,
				millis.get(millis.size() / 2), millis.get((int) Math.ceil(millis.size() * 0.95) - 1), millis.get(0),
				millis.get(millis.size() - 1), millis.size());
	}

}
