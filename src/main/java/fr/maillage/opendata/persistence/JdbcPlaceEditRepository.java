package fr.maillage.opendata.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * Edits of lieux made in Maillage (table {@code saisie_lieu}, append-only), and the
 * structure that holds a lieu, which decides who may edit it.
 */
@Repository
public class JdbcPlaceEditRepository {

	private static final TypeReference<Map<String, String>> RECORD = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	JdbcPlaceEditRepository(JdbcClient jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * Keeps an edit.
	 * @param before,after the lieu's schema records before and after the edit
	 * @param reason why, blank for no reason
	 */
	public void insertEdit(String lieuId, String authorId, String author, Instant now, Map<String, String> before,
			Map<String, String> after, @Nullable String reason) {
		jdbc.sql("insert into saisie_lieu (id, lieu_id, auteur_id, auteur, moment, avant, apres, motif) values (:id, "
				+ ":lieu, :authorId, :author, :now, cast(:before as jsonb), cast(:after as jsonb), :reason)")
			.param("reason", reason == null || reason.isBlank() ? null : reason.strip())
			.param("id", UUID.randomUUID())
			.param("lieu", UUID.fromString(lieuId))
			.param("authorId", UUID.fromString(authorId))
			.param("author", author)
			.param("now", Timestamp.from(now))
			.param("before", json.writeValueAsString(before))
			.param("after", json.writeValueAsString(after))
			.update();
	}

	/**
	 * An edit as kept.
	 *
	 * @param before,after the lieu's schema records before and after it
	 */
	public record StoredEdit(Instant at, String author, @Nullable String reason, Map<String, String> before,
			Map<String, String> after) {
	}

	public List<StoredEdit> listEdits(String lieuId) {
		return jdbc.sql(
				"select moment, auteur, motif, avant::text, apres::text from saisie_lieu where lieu_id = cast(:id as uuid)")
			.param("id", lieuId)
			.query((rs, row) -> new StoredEdit(rs.getTimestamp("moment").toInstant(), rs.getString("auteur"),
					rs.getString("motif"), json.readValue(rs.getString("avant"), RECORD),
					json.readValue(rs.getString("apres"), RECORD)))
			.list();
	}

	/** The signature of whoever last edited the lieu in Maillage, if anyone did. */
	public Optional<String> findLastEditor(String lieuId) {
		return jdbc.sql("select auteur from saisie_lieu where lieu_id = cast(:id as uuid) order by moment desc limit 1")
			.param("id", lieuId)
			.query(String.class)
			.optional();
	}

}
