package fr.maillage.opendata.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import fr.maillage.opendata.merging.DuplicateDetector.ScoredPair;
import fr.maillage.opendata.merging.DuplicateGroups;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Pairs of source records that may be one place (table {@code doublon}): the review queue
 * and people's decisions.
 */
@Repository
public class JdbcDuplicateRepository {

	/** As the API spells a pair's state. */
	public static final String TO_REVIEW = "a_examiner";

	public static final String MERGE = "fusionner";

	public static final String DISTINCT = "distincts";

	private final JdbcClient jdbc;

	JdbcDuplicateRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A pair and its state.
	 *
	 * @param recordA,recordB ids of the two source records, in
	 * {@link DuplicateGroups#pairKey} order
	 */
	public record Pair(String id, String recordA, String recordB, int score, String status, @Nullable String author,
			@Nullable Instant decidedAt, Instant detectedAt) {
	}

	/**
	 * Every decision, by {@link DuplicateGroups#pairKey}: {@code true} for the same
	 * place.
	 */
	public Map<String, Boolean> mapDecisions() {
		Map<String, Boolean> decisions = new HashMap<>();
		jdbc.sql("select lieu_a, lieu_b, statut from doublon where statut <> 'a_examiner'").query((rs, row) -> {
			decisions.put(DuplicateGroups.pairKey(rs.getString("lieu_a"), rs.getString("lieu_b")),
					MERGE.equals(rs.getString("statut")));
			return null;
		}).list();
		return decisions;
	}

	/**
	 * Makes the queue hold exactly these pairs to review: new ones are added, known ones
	 * get their new score, and pairs no longer to review leave the queue (decided pairs
	 * are never touched).
	 */
	public void replaceQueue(List<ScoredPair> pairs, Instant now) {
		Set<String> kept = upsertPending(pairs, now);
		// the difference is taken here: "not (key = any(:keys))" compares
		// every pending pair with every key, quadratic in the queue's size
		List<UUID> obsolete = new ArrayList<>();
		jdbc.sql("select id, lieu_a, lieu_b from doublon where statut = 'a_examiner'").query(rs -> {
			if (!kept.contains(rs.getString("lieu_a") + "|" + rs.getString("lieu_b"))) {
				obsolete.add(UUID.fromString(rs.getString("id")));
			}
		});
		delete(obsolete);
	}

	/**
	 * Updates the queue for records regrouped alone (an incremental publication): these
	 * pairs are added or rescored, and a pending pair leaves the queue when it is not
	 * among them and either involves a changed record or now has both records in one
	 * lieu. Other pairs keep their place: neither their score nor their records' lieux
	 * being apart changed.
	 * @param lieuOf each regrouped record whose lieu may have changed → its new lieu
	 * @param changed the records whose content or decisions changed
	 */
	public void replaceQueuePart(Map<String, String> lieuOf, Collection<String> changed, List<ScoredPair> pairs,
			Instant now) {
		Set<String> kept = upsertPending(pairs, now);
		Set<String> seeds = new HashSet<>(changed);
		List<UUID> obsolete = new ArrayList<>();
		jdbc.sql("""
				select d.id, d.lieu_a, d.lieu_b from unnest(:records) as wanted(id)
				join doublon d on d.lieu_a = wanted.id where d.statut = 'a_examiner'
				union
				select d.id, d.lieu_a, d.lieu_b from unnest(:changed) as wanted(id)
				join doublon d on d.lieu_b = wanted.id where d.statut = 'a_examiner'""")
			.param("records", lieuOf.keySet().stream().map(UUID::fromString).toArray(UUID[]::new))
			.param("changed", seeds.stream().map(UUID::fromString).toArray(UUID[]::new))
			.query(rs -> {
				String a = rs.getString("lieu_a");
				String b = rs.getString("lieu_b");
				boolean concerned = seeds.contains(a) || seeds.contains(b)
						|| (lieuOf.containsKey(a) && lieuOf.get(a).equals(lieuOf.get(b)));
				if (concerned && !kept.contains(a + "|" + b)) {
					obsolete.add(UUID.fromString(rs.getString("id")));
				}
			});
		delete(obsolete);
	}

	/** Adds these pairs to the queue or rescores them; returns their keys. */
	private Set<String> upsertPending(List<ScoredPair> pairs, Instant now) {
		String[] keys = new String[pairs.size()];
		UUID[] first = new UUID[pairs.size()];
		UUID[] second = new UUID[pairs.size()];
		Integer[] scores = new Integer[pairs.size()];
		for (int i = 0; i < pairs.size(); i++) {
			ScoredPair pair = pairs.get(i);
			keys[i] = DuplicateGroups.pairKey(pair.a().id(), pair.b().id());
			String[] ids = keys[i].split("\\|");
			first[i] = UUID.fromString(ids[0]);
			second[i] = UUID.fromString(ids[1]);
			// floored: a pair shown as 80 would look like an automatic merge
			scores[i] = (int) Math.floor(pair.score());
		}
		if (pairs.isEmpty()) {
			return Set.of();
		}
		jdbc.sql("""
				insert into doublon (id, lieu_a, lieu_b, score, statut, detecte_le)
				select gen_random_uuid(), a, b, score, 'a_examiner', :now
				from unnest(cast(:a as uuid[]), cast(:b as uuid[]), cast(:scores as integer[])) as t(a, b, score)
				on conflict (lieu_a, lieu_b) do update set score = excluded.score
				where doublon.statut = 'a_examiner'""")
			.param("a", first)
			.param("b", second)
			.param("scores", scores)
			.param("now", Timestamp.from(now))
			.update();
		return Set.of(keys);
	}

	private void delete(List<UUID> obsolete) {
		UUID[] gone = obsolete.toArray(UUID[]::new);
		if (gone.length > 0) {
			jdbc.sql("delete from doublon d using unnest(:gone) as obsolete(id) where d.id = obsolete.id")
				.param("gone", gone)
				.update();
		}
	}

	/**
	 * The decisions about pairs of these records (both of them), by
	 * {@link DuplicateGroups#pairKey}: {@code true} for the same place.
	 */
	public Map<String, Boolean> mapDecisions(Collection<String> records) {
		Set<String> wanted = new HashSet<>(records);
		Map<String, Boolean> decisions = new HashMap<>();
		jdbc.sql("select d.lieu_a, d.lieu_b, d.statut from unnest(:ids) as wanted(id) "
				+ "join doublon d on d.lieu_a = wanted.id where d.statut <> 'a_examiner'")
			.param("ids", wanted.stream().map(UUID::fromString).toArray(UUID[]::new))
			.query(rs -> {
				if (wanted.contains(rs.getString("lieu_b"))) {
					decisions.put(DuplicateGroups.pairKey(rs.getString("lieu_a"), rs.getString("lieu_b")),
							MERGE.equals(rs.getString("statut")));
				}
			});
		return decisions;
	}

	/**
	 * @param departements only pairs with a record in one of these départements; empty:
	 * all
	 */
	public List<Pair> listPairs(String status, List<String> departements, int limit, int offset) {
		return listPairs(status, departements, List.of(), limit, offset);
	}

	/**
	 * @param departements,communes only pairs with a record in one of these départements
	 * or communes (INSEE codes); both empty: all
	 */
	public List<Pair> listPairs(String status, List<String> departements, List<String> communes, int limit,
			int offset) {
		return jdbc
			.sql("select d.* from doublon d where d.statut = :status" + inTerritories(departements, communes)
					+ " order by d.score desc, d.detecte_le, d.id limit :limit offset :offset")
			.param("status", status)
			.param("departements", departements.toArray(String[]::new))
			.param("communes", communes.toArray(String[]::new))
			.param("limit", limit)
			.param("offset", offset)
			.query(JdbcDuplicateRepository::mapPair)
			.list();
	}

	public long countPairs(String status, List<String> departements) {
		return countPairs(status, departements, List.of());
	}

	public long countPairs(String status, List<String> departements, List<String> communes) {
		return jdbc
			.sql("select count(*) from doublon d where d.statut = :status" + inTerritories(departements, communes))
			.param("status", status)
			.param("departements", departements.toArray(String[]::new))
			.param("communes", communes.toArray(String[]::new))
			.query(Long.class)
			.single();
	}

	private static String inTerritories(List<String> departements, List<String> communes) {
		return departements.isEmpty() && communes.isEmpty() ? ""
				: " and exists (select 1 from lieu_source s where s.id in (d.lieu_a, d.lieu_b)"
						+ " and (s.departement = any(cast(:departements as text[]))"
						+ " or s.code_insee = any(cast(:communes as text[]))))";
	}

	/** The pair, as it stands (no lock: for reading). */
	public Optional<Pair> findPair(String id) {
		UUID uuid;
		try {
			uuid = UUID.fromString(id);
		}
		catch (IllegalArgumentException notAnId) {
			return Optional.empty();
		}
		return jdbc.sql("select * from doublon where id = :id")
			.param("id", uuid)
			.query(JdbcDuplicateRepository::mapPair)
			.optional();
	}

	/** The pair, locked until the end of the transaction (one decision at a time). */
	public Optional<Pair> findPairForUpdate(String id) {
		UUID uuid;
		try {
			uuid = UUID.fromString(id);
		}
		catch (IllegalArgumentException notAnId) {
			return Optional.empty();
		}
		return jdbc.sql("select * from doublon where id = :id for update")
			.param("id", uuid)
			.query(JdbcDuplicateRepository::mapPair)
			.optional();
	}

	/**
	 * A decision on a pair the queue did not hold (for instance, to split an automatic
	 * merge).
	 */
	public Pair insertDecision(String recordA, String recordB, int score, String status, String author, Instant now) {
		String[] ids = DuplicateGroups.pairKey(recordA, recordB).split("\\|");
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into doublon (id, lieu_a, lieu_b, score, statut, auteur, decide_le, detecte_le)
				values (:id, :a, :b, :score, :status, :author, :now, :now)
				on conflict (lieu_a, lieu_b) do update set statut = excluded.statut, auteur = excluded.auteur,
				decide_le = excluded.decide_le""")
			.param("id", id)
			.param("a", UUID.fromString(ids[0]))
			.param("b", UUID.fromString(ids[1]))
			.param("score", score)
			.param("status", status)
			.param("author", author)
			.param("now", Timestamp.from(now))
			.update();
		return jdbc.sql("select * from doublon where lieu_a = :a and lieu_b = :b")
			.param("a", UUID.fromString(ids[0]))
			.param("b", UUID.fromString(ids[1]))
			.query(JdbcDuplicateRepository::mapPair)
			.single();
	}

	public Pair decide(String id, String status, String author, Instant now) {
		return jdbc
			.sql("update doublon set statut = :status, auteur = :author, decide_le = :now where id = :id "
					+ "returning *")
			.param("id", UUID.fromString(id))
			.param("status", status)
			.param("author", author)
			.param("now", Timestamp.from(now))
			.query(JdbcDuplicateRepository::mapPair)
			.single();
	}

	private static Pair mapPair(ResultSet rs, int row) throws SQLException {
		Timestamp decidedAt = rs.getTimestamp("decide_le");
		return new Pair(rs.getString("id"), rs.getString("lieu_a"), rs.getString("lieu_b"), rs.getInt("score"),
				rs.getString("statut"), rs.getString("auteur"), decidedAt == null ? null : decidedAt.toInstant(),
				rs.getTimestamp("detecte_le").toInstant());
	}

}
