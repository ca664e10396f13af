package fr.maillage.contributions.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The « toujours exact » confirmations of lieux (table {@code confirmation_lieu}) and the
 * dates a lieu's freshness is computed from.
 */
@Repository
public class JdbcConfirmationRepository {

	private final JdbcClient jdbc;

	JdbcConfirmationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * When each of these lieux was last confirmed; a lieu never confirmed is not in the
	 * map.
	 */
	public Map<String, Instant> mapLastConfirmations(Collection<String> lieuIds) {
		return lastConfirmations(jdbc
			.sql("select lieu_id, max(moment) as derniere from confirmation_lieu "
					+ "where lieu_id = any(cast(:ids as uuid[])) group by lieu_id")
			.param("ids", lieuIds.toArray(String[]::new)));
	}

	/** Every confirmed lieu's last confirmation. */
	public Map<String, Instant> mapAllLastConfirmations() {
		return lastConfirmations(
				jdbc.sql("select lieu_id, max(moment) as derniere from confirmation_lieu group by lieu_id"));
	}

	private static Map<String, Instant> lastConfirmations(JdbcClient.StatementSpec statement) {
		Map<String, Instant> last = new HashMap<>();
		statement.query(rs -> {
			last.put(rs.getString("lieu_id"), rs.getTimestamp("derniere").toInstant());
		});
		return last;
	}

	/** Who confirmed the lieu « toujours exact », and when; in no particular order. */
	public List<Confirmation> listConfirmations(UUID lieuId) {
		return jdbc.sql("select moment, auteur from confirmation_lieu where lieu_id = :id")
			.param("id", lieuId)
			.query((rs, row) -> new Confirmation(rs.getTimestamp("moment").toInstant(), rs.getString("auteur")))
			.list();
	}

	/** A « toujours exact » confirmation: when, by whom (a signature). */
	public record Confirmation(Instant at, String author) {
	}

	/** When the lieu was last confirmed; empty when it never was. */
	public Optional<Instant> findLastConfirmation(UUID lieuId) {
		return jdbc.sql("select max(moment) from confirmation_lieu where lieu_id = :id")
			.param("id", lieuId)
			.query(Timestamp.class)
			.optional()
			.map(Timestamp::toInstant);
	}

	/**
	 * @param author the account's signature, as the history shows it
	 */
	public void addConfirmation(UUID lieuId, UUID authorId, String author, Instant now) {
		jdbc.sql("insert into confirmation_lieu (id, lieu_id, auteur_id, auteur, moment) "
				+ "values (:id, :lieu, :authorId, :author, :now)")
			.param("id", UUID.randomUUID())
			.param("lieu", lieuId)
			.param("authorId", authorId)
			.param("author", author)
			.param("now", Timestamp.from(now))
			.update();
	}

}
