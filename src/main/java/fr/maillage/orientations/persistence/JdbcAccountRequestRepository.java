package fr.maillage.orientations.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Requests for a professional account ({@code demande_compte}) and the throttle of the
 * public form ({@code demande_compte_essai}).
 */
@Repository
public class JdbcAccountRequestRepository {

	private static final String COLUMNS = "select id, nom, courriel, structure_nom, siret, territoire, territoire_nom, "
			+ "departements, collectivite, epci, statut, demandee_le, decidee_le, decidee_par, motif_refus "
			+ "from demande_compte ";

	private final JdbcClient jdbc;

	JdbcAccountRequestRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(AccountRequestRow request) {
		jdbc.sql("""
				insert into demande_compte (id, nom, courriel, structure_nom, siret, territoire, territoire_nom,
				departements, collectivite, epci, statut, demandee_le)
				values (:id, :nom, :courriel, :structure, :siret, :territoire, :territoireNom, :departements,
				:collectivite, :epci, 'en_attente', :now)""")
			.param("id", request.id())
			.param("nom", request.name())
			.param("courriel", request.email())
			.param("structure", request.structureName())
			.param("siret", request.siret())
			.param("territoire", request.territory())
			.param("territoireNom", request.territoryName())
			.param("departements", String.join(",", request.departements()))
			.param("collectivite", request.collectivite())
			.param("epci", request.epci())
			.param("now", Timestamp.from(request.requestedAt()))
			.update();
	}

	public boolean existsPending(String email) {
		return jdbc
			.sql("select exists (select 1 from demande_compte where courriel = :email and statut = 'en_attente')")
			.param("email", email)
			.query(Boolean.class)
			.single();
	}

	public Optional<AccountRequestRow> findById(UUID id) {
		return jdbc.sql(COLUMNS + "where id = :id").param("id", id).query((rs, row) -> map(rs)).optional();
	}

	/** Pending requests first (oldest first), then the decided ones (newest first). */
	public List<AccountRequestRow> listAll(int limit) {
		return jdbc
			.sql(COLUMNS + "order by statut <> 'en_attente', case when statut = 'en_attente' then demandee_le end, "
					+ "decidee_le desc, id limit :limit")
			.param("limit", limit)
			.query((rs, row) -> map(rs))
			.list();
	}

	/**
	 * Records the decision, if the request is still pending: of two coordinators deciding
	 * at once, one wins.
	 * @return whether it was still pending
	 */
	public boolean decide(UUID id, String status, Instant now, String by, @Nullable String reason,
			@Nullable UUID structureId) {
		return jdbc.sql("""
				update demande_compte set statut = :status, decidee_le = :now, decidee_par = :by, motif_refus = :reason,
				structure_id = :structure where id = :id and statut = 'en_attente'""")
			.param("id", id)
			.param("status", status)
			.param("now", Timestamp.from(now))
			.param("by", by)
			.param("reason", reason)
			.param("structure", structureId)
			.update() == 1;
	}

	/**
	 * @return how many refused requests decided before that moment were deleted
	 */
	public int deleteRefusedBefore(Instant before) {
		return jdbc.sql("delete from demande_compte where statut = 'refusee' and decidee_le < :before")
			.param("before", Timestamp.from(before))
			.update();
	}

	public void recordAttempt(String client, Instant now) {
		jdbc.sql("insert into demande_compte_essai (client, moment) values (:client, :now)")
			.param("client", client)
			.param("now", Timestamp.from(now))
			.update();
	}

	public long countAttemptsSince(String client, Instant since) {
		return jdbc.sql("select count(*) from demande_compte_essai where client = :client and moment >= :since")
			.param("client", client)
			.param("since", Timestamp.from(since))
			.query(Long.class)
			.single();
	}

	public int deleteAttemptsBefore(Instant before) {
		return jdbc.sql("delete from demande_compte_essai where moment < :before")
			.param("before", Timestamp.from(before))
			.update();
	}

	private static AccountRequestRow map(ResultSet rs) throws SQLException {
		Timestamp decided = rs.getTimestamp("decidee_le");
		return new AccountRequestRow(rs.getObject("id", UUID.class), rs.getString("nom"), rs.getString("courriel"),
				rs.getString("structure_nom"), rs.getString("siret"), rs.getString("territoire"),
				rs.getString("territoire_nom"),
				Arrays.stream(rs.getString("departements").split(",")).filter(code -> !code.isEmpty()).toList(),
				rs.getString("collectivite"), rs.getString("epci"), rs.getString("statut"),
				rs.getTimestamp("demandee_le").toInstant(), decided == null ? null : decided.toInstant(),
				rs.getString("decidee_par"), rs.getString("motif_refus"));
	}

}
