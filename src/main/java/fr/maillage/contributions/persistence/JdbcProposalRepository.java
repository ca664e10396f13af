package fr.maillage.contributions.persistence;

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
 * Edits proposed by members not in charge of a lieu (table {@code proposition_lieu}), for
 * the coordinators to accept or reject.
 */
@Repository
public class JdbcProposalRepository {

	private static final TypeReference<Map<String, String>> VALUES = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	JdbcProposalRepository(JdbcClient jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * A proposal as stored.
	 *
	 * @param status {@code a_examiner}, {@code acceptee} or {@code rejetee}
	 * @param values schema field → proposed value
	 */
	public record StoredProposal(String id, String lieuId, String status, String author, String email,
			@Nullable String reason, Map<String, String> values) {
	}

	/** A proposal to examine. */
	public record PendingProposal(String id, String lieuId, String author, @Nullable String reason,
			Map<String, String> values) {
	}

	/**
	 * Keeps a proposal, to examine.
	 * @param before the lieu's schema record when proposed
	 * @param reason why, blank for no reason
	 */
	public void insertProposal(String lieuId, String authorId, String author, String email, Instant now,
			Map<String, String> before, Map<String, String> values, @Nullable String reason) {
		jdbc.sql("insert into proposition_lieu (id, lieu_id, auteur_id, auteur, courriel, moment, avant, valeurs, "
				+ "motif) values (:id, :lieu, :authorId, :author, :email, :now, cast(:before as jsonb), "
				+ "cast(:values as jsonb), :reason)")
			.param("id", UUID.randomUUID())
			.param("lieu", UUID.fromString(lieuId))
			.param("authorId", UUID.fromString(authorId))
			.param("author", author)
			.param("email", email)
			.param("now", Timestamp.from(now))
			.param("before", json.writeValueAsString(before))
			.param("values", json.writeValueAsString(values))
			.param("reason", reason == null || reason.isBlank() ? null : reason.strip())
			.update();
	}

	/** Proposals to examine, oldest first. */
	public List<PendingProposal> listPendingProposals() {
		return jdbc
			.sql("select id, lieu_id, auteur, motif, valeurs::text from proposition_lieu "
					+ "where statut = 'a_examiner' order by moment")
			.query((rs, row) -> new PendingProposal(rs.getString("id"), rs.getString("lieu_id"), rs.getString("auteur"),
					rs.getString("motif"), readValues(rs.getString("valeurs"))))
			.list();
	}

	/**
	 * The proposal, locked until the caller's transaction ends so that it is not decided
	 * twice; empty when no proposal has that id.
	 */
	public Optional<StoredProposal> findProposalForUpdate(String id) {
		UUID uuid;
		try {
			uuid = UUID.fromString(id);
		}
		catch (IllegalArgumentException notAnId) {
			return Optional.empty();
		}
		return jdbc.sql("select * from proposition_lieu where id = :id for update")
			.param("id", uuid)
			.query((rs, n) -> new StoredProposal(rs.getString("id"), rs.getString("lieu_id"), rs.getString("statut"),
					rs.getString("auteur"), rs.getString("courriel"), rs.getString("motif"),
					readValues(rs.getString("valeurs"))))
			.optional();
	}

	/**
	 * Records a decision.
	 * @param decision {@code acceptee} or {@code rejetee}
	 */
	public void decideProposal(String id, String decision, String by, @Nullable String reply) {
		jdbc.sql("update proposition_lieu set statut = :status, decide_par = :by, decide_le = now(), reponse = :reply "
				+ "where id = :id")
			.param("id", UUID.fromString(id))
			.param("status", decision)
			.param("by", by)
			.param("reply", reply)
			.update();
	}

	private Map<String, String> readValues(String values) {
		return json.readValue(values, VALUES);
	}

}
