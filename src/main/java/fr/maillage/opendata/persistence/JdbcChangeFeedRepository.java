package fr.maillage.opendata.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The changes of the published directory as the triggers of migration V22_1 record them
 * (issue 19, ADR 0015): the last change of every lieu, ranked in commit order.
 */
@Repository
public class JdbcChangeFeedRepository {

	/**
	 * One lieu's last change.
	 *
	 * @param state {@code publie}, {@code fusionne} or {@code supprime}
	 */
	public record ChangeRow(String lieuId, long rank, String state, @Nullable String survivorId,
			@Nullable String departement, long createdRank, Instant createdAt, Instant changedAt) {
	}

	// a lieu emptied without a row trigger (a truncation) is no longer published
	private static final String COLUMNS = """
			select c.lieu_id, c.rang, case when c.etat = 'publie' and l.id is null then 'supprime' else c.etat end,
			       c.survivant_id, c.departement, c.cree_rang, c.cree_le, c.change_le
			from lieu_changement c left join lieu l on l.id = c.lieu_id
			""";

	private final JdbcClient jdbc;

	JdbcChangeFeedRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The rank just before the first change made after {@code since}: where a partner's
	 * first read starts (ranks follow the changes' order, so the feed is then read by
	 * rank alone, on its index).
	 */
	public long findRankBefore(Instant since) {
		Long first = jdbc.sql("select min(rang) from lieu_changement where change_le > :since")
			.param("since", java.sql.Timestamp.from(since))
			.query(Long.class)
			.optional()
			.orElse(null);
		if (first != null) {
			return first - 1;
		}
		return jdbc.sql("select coalesce(max(rang), 0) from lieu_changement").query(Long.class).single();
	}

	/**
	 * Changes ranked after {@code afterRank} and made after {@code since}, in rank order.
	 */
	public List<ChangeRow> listAfter(long afterRank, @Nullable String departement, int limit) {
		return jdbc
			.sql(COLUMNS + " where c.rang > :after" + (departement == null ? "" : " and c.departement = :departement")
					+ " order by c.rang limit :limit")
			.param("after", afterRank)
			.param("departement", departement)
			.param("limit", limit)
			.query(JdbcChangeFeedRepository::mapRow)
			.list();
	}

	/** The most recent changes, most recent first (the Atom and JSON feeds). */
	public List<ChangeRow> listLatest(@Nullable String departement, int limit) {
		return jdbc
			.sql(COLUMNS + (departement == null ? "" : " where c.departement = :departement")
					+ " order by c.rang desc limit :limit")
			.param("departement", departement)
			.param("limit", limit)
			.query(JdbcChangeFeedRepository::mapRow)
			.list();
	}

	private static ChangeRow mapRow(ResultSet rs, int row) throws SQLException {
		UUID survivor = rs.getObject(4, UUID.class);
		return new ChangeRow(rs.getObject(1, UUID.class).toString(), rs.getLong(2), rs.getString(3),
				survivor == null ? null : survivor.toString(), rs.getString(5), rs.getLong(6),
				rs.getTimestamp(7).toInstant(), rs.getTimestamp(8).toInstant());
	}

}
