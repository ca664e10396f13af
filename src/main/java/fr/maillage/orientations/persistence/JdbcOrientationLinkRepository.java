package fr.maillage.orientations.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The signed links of lieux with nobody attached ({@code orientation_lien}, only the
 * tokens' SHA-256) and the reminders sent ({@code orientation_rappel}).
 */
@Repository
public class JdbcOrientationLinkRepository {

	private static final String LINK = "select id, orientation_id, envoye_a, cree_le, expire_le, revoque_le "
			+ "from orientation_lien ";

	private final JdbcClient jdbc;

	JdbcOrientationLinkRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insertLink(UUID orientationId, String tokenHash, String sentTo, Instant now, String by,
			Instant expiresAt) {
		jdbc.sql("""
				insert into orientation_lien (id, orientation_id, jeton_sha256, envoye_a, cree_le, cree_par, expire_le)
				values (:id, :orientation, :hash, :sentTo, :now, :by, :expires)""")
			.param("id", UUID.randomUUID())
			.param("orientation", orientationId)
			.param("hash", tokenHash)
			.param("sentTo", sentTo)
			.param("now", Timestamp.from(now))
			.param("by", by)
			.param("expires", Timestamp.from(expiresAt))
			.update();
	}

	public Optional<LinkRow> findByTokenHash(String tokenHash) {
		return jdbc.sql(LINK + "where jeton_sha256 = :hash")
			.param("hash", tokenHash)
			.query((rs, row) -> map(rs))
			.optional();
	}

	/** The orientation's newest link still in force (not replaced), if any. */
	public Optional<LinkRow> findLatest(UUID orientationId) {
		return jdbc.sql(LINK + "where orientation_id = :id and revoque_le is null order by cree_le desc limit 1")
			.param("id", orientationId)
			.query((rs, row) -> map(rs))
			.optional();
	}

	/** Replaces every link of the orientation (a renewed one follows). */
	public void revokeLinks(UUID orientationId, Instant now) {
		jdbc.sql("update orientation_lien set revoque_le = :now where orientation_id = :id and revoque_le is null")
			.param("id", orientationId)
			.param("now", Timestamp.from(now))
			.update();
	}

	/** An orientation still waiting for its first answer. */
	public record Waiting(UUID id, UUID lieuId, Instant sentAt) {

	}

	/** Orientations still « envoyee », sent before that moment, without that reminder. */
	public List<Waiting> listWaitingWithoutReminder(Instant sentBefore, int days) {
		return jdbc.sql("""
				select o.id, o.lieu_id, o.envoyee_le from orientation o where o.statut = 'envoyee'
				and o.envoyee_le <= :before and not exists (select 1 from orientation_rappel r
				where r.orientation_id = o.id and r.apres_jours = :days) order by o.envoyee_le, o.id""")
			.param("before", Timestamp.from(sentBefore))
			.param("days", days)
			.query((rs, row) -> new Waiting(rs.getObject("id", UUID.class), rs.getObject("lieu_id", UUID.class),
					rs.getTimestamp("envoyee_le").toInstant()))
			.list();
	}

	/**
	 * Records that reminder, unless it was already: of two instances, one sends it.
	 * @return whether it is recorded now
	 */
	public boolean recordReminder(UUID orientationId, int days, Instant now) {
		return jdbc
			.sql("insert into orientation_rappel (orientation_id, apres_jours, envoye_le) values (:id, :days, :now) "
					+ "on conflict do nothing")
			.param("id", orientationId)
			.param("days", days)
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	private static LinkRow map(ResultSet rs) throws SQLException {
		Timestamp revoked = rs.getTimestamp("revoque_le");
		return new LinkRow(rs.getObject("id", UUID.class), rs.getObject("orientation_id", UUID.class),
				rs.getString("envoye_a"), rs.getTimestamp("cree_le").toInstant(),
				rs.getTimestamp("expire_le").toInstant(), revoked == null ? null : revoked.toInstant());
	}

}
