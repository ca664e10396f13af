package fr.maillage.orientations.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import fr.maillage.orientations.domain.OrientationStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Orientations (table {@code orientation}), their transitions
 * ({@code orientation_transition}) and the log of who read or changed a person's data
 * ({@code orientation_acces}); the lock that lets one instance run the jobs.
 */
@Repository
public class JdbcOrientationRepository {

	private static final String COLUMNS = "select id, lieu_id, orienteur_id, statut, prenom_chiffre, telephone_chiffre, "
			+ "courriel_chiffre, besoin_chiffre, envoyee_le, statut_le, donnees_effacees_le, effacement_motif "
			+ "from orientation ";

	private final JdbcClient jdbc;

	JdbcOrientationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(UUID id, UUID lieuId, UUID orienteurId, EncryptedPerson person, Instant now) {
		jdbc.sql("""
				insert into orientation (id, lieu_id, orienteur_id, statut, prenom_chiffre, telephone_chiffre,
				courriel_chiffre, besoin_chiffre, envoyee_le, statut_le)
				values (:id, :lieu, :orienteur, 'envoyee', :prenom, :telephone, :courriel, :besoin, :now, :now)""")
			.param("id", id)
			.param("lieu", lieuId)
			.param("orienteur", orienteurId)
			.param("prenom", person.firstName())
			.param("telephone", person.phone())
			.param("courriel", person.email())
			.param("besoin", person.need())
			.param("now", Timestamp.from(now))
			.update();
	}

	public Optional<OrientationRow> findById(UUID id) {
		return jdbc.sql(COLUMNS + "where id = :id").param("id", id).query((rs, row) -> map(rs)).optional();
	}

	/** What an orienteur sent, the newest first. */
	public List<OrientationRow> listSentBy(UUID orienteurId, int limit) {
		return jdbc.sql(COLUMNS + "where orienteur_id = :orienteur order by envoyee_le desc, id limit :limit")
			.param("orienteur", orienteurId)
			.param("limit", limit)
			.query((rs, row) -> map(rs))
			.list();
	}

	/** What these lieux received, the newest first. */
	public List<OrientationRow> listSentTo(Collection<UUID> lieuIds, int limit) {
		if (lieuIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(COLUMNS + "where lieu_id = any(:lieux) order by envoyee_le desc, id limit :limit")
			.param("lieux", lieuIds.toArray(UUID[]::new))
			.param("limit", limit)
			.query((rs, row) -> map(rs))
			.list();
	}

	/** Every lieu that received an orientation. */
	public List<UUID> listReceivingLieux() {
		return jdbc.sql("select distinct lieu_id from orientation").query(UUID.class).list();
	}

	/**
	 * Moves the orientation from one status to another, if it still has the first: of two
	 * answers at once, one wins.
	 * @return whether it moved
	 */
	public boolean updateStatus(UUID id, OrientationStatus from, OrientationStatus to, Instant now) {
		return jdbc.sql("update orientation set statut = :to, statut_le = :now where id = :id and statut = :from")
			.param("id", id)
			.param("from", from.code())
			.param("to", to.code())
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	/**
	 * @param byId the account, null for Maillage itself
	 */
	public void insertTransition(UUID orientationId, @Nullable OrientationStatus from, OrientationStatus to,
			@Nullable UUID byId, String by, Instant at, @Nullable String reason, @Nullable String encryptedMessage) {
		jdbc.sql(
				"""
						insert into orientation_transition (orientation_id, de, vers, par_id, par, moment, motif, message_chiffre)
						values (:orientation, :from, :to, :byId, :by, :at, :reason, :message)""")
			.param("orientation", orientationId)
			.param("from", from == null ? null : from.code())
			.param("to", to.code())
			.param("byId", byId)
			.param("by", by)
			.param("at", Timestamp.from(at))
			.param("reason", reason)
			.param("message", encryptedMessage)
			.update();
	}

	public List<TransitionRow> listTransitions(UUID orientationId) {
		return jdbc
			.sql("select id, de, vers, par, moment, motif, message_chiffre from orientation_transition "
					+ "where orientation_id = :id order by moment, id")
			.param("id", orientationId)
			.query((rs, row) -> new TransitionRow(rs.getLong("id"),
					rs.getString("de") == null ? null : status(rs.getString("de")), status(rs.getString("vers")),
					rs.getString("par"), rs.getTimestamp("moment").toInstant(), rs.getString("motif"),
					rs.getString("message_chiffre")))
			.list();
	}

	/**
	 * @param accountId null for Maillage itself
	 * @param action lecture, creation, retrait_consentement or effacement
	 */
	public void insertAccess(UUID orientationId, @Nullable UUID accountId, String by, Instant at, String action) {
		jdbc.sql("insert into orientation_acces (orientation_id, compte_id, par, moment, action) "
				+ "values (:orientation, :account, :by, :at, :action)")
			.param("orientation", orientationId)
			.param("account", accountId)
			.param("by", by)
			.param("at", Timestamp.from(at))
			.param("action", action)
			.update();
	}

	/**
	 * The same access to several orientations, in one statement (a list of them read).
	 */
	public void insertAccesses(Collection<UUID> orientationIds, @Nullable UUID accountId, String by, Instant at,
			String action) {
		if (orientationIds.isEmpty()) {
			return;
		}
		jdbc.sql("insert into orientation_acces (orientation_id, compte_id, par, moment, action) "
				+ "select unnest(:orientations), :account, :by, :at, :action")
			.param("orientations", orientationIds.toArray(UUID[]::new))
			.param("account", accountId)
			.param("by", by)
			.param("at", Timestamp.from(at))
			.param("action", action)
			.update();
	}

	public List<AccessRow> listAccess(UUID orientationId) {
		return jdbc
			.sql("select par, moment, action from orientation_acces where orientation_id = :id order by moment, id")
			.param("id", orientationId)
			.query((rs, row) -> new AccessRow(rs.getString("par"), rs.getTimestamp("moment").toInstant(),
					rs.getString("action")))
			.list();
	}

	/**
	 * Erases the person's fields and the free messages of the transitions; the statuses,
	 * dates and reasons stay for the counts.
	 * @param reason conservation or retrait
	 * @return whether there was something to erase
	 */
	public boolean erasePersonalData(UUID id, String reason, Instant now) {
		jdbc.sql("update orientation_transition set message_chiffre = null where orientation_id = :id")
			.param("id", id)
			.update();
		// the repérage's answers kept with her consent (issue 16, item 2)
		jdbc.sql("delete from orientation_reperage where orientation_id = :id").param("id", id).update();
		return jdbc.sql("""
				update orientation set prenom_chiffre = null, telephone_chiffre = null, courriel_chiffre = null,
				besoin_chiffre = null, donnees_effacees_le = :now, effacement_motif = :reason
				where id = :id and donnees_effacees_le is null""")
			.param("id", id)
			.param("reason", reason)
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	/** Orientations sent before that moment and still unanswered. */
	public List<UUID> listUnansweredSentBefore(Instant before) {
		return jdbc.sql("select id from orientation where statut = 'envoyee' and envoyee_le < :before order by id")
			.param("before", Timestamp.from(before))
			.query(UUID.class)
			.list();
	}

	/**
	 * Orientations whose person's data is still kept and past its retention: ended
	 * without support and unchanged since {@code endedBefore}, or unchanged since
	 * {@code anyBefore} whatever their status.
	 */
	public List<UUID> listToErase(Collection<OrientationStatus> endedWithoutSupport, Instant endedBefore,
			Instant anyBefore) {
		return jdbc.sql("""
				select id from orientation where donnees_effacees_le is null
				and ((statut = any(:ended) and statut_le < :endedBefore) or statut_le < :anyBefore) order by id""")
			.param("ended", endedWithoutSupport.stream().map(OrientationStatus::code).toArray(String[]::new))
			.param("endedBefore", Timestamp.from(endedBefore))
			.param("anyBefore", Timestamp.from(anyBefore))
			.query(UUID.class)
			.list();
	}

	/**
	 * Takes the PostgreSQL advisory lock of that key until the end of the current
	 * transaction, if no other transaction holds it.
	 * @return whether this transaction holds it
	 */
	public boolean tryLockForTransaction(long key) {
		return jdbc.sql("select pg_try_advisory_xact_lock(:key)").param("key", key).query(Boolean.class).single();
	}

	private static OrientationRow map(ResultSet rs) throws SQLException {
		Timestamp erased = rs.getTimestamp("donnees_effacees_le");
		return new OrientationRow(rs.getObject("id", UUID.class), rs.getObject("lieu_id", UUID.class),
				rs.getObject("orienteur_id", UUID.class), status(rs.getString("statut")),
				new EncryptedPerson(rs.getString("prenom_chiffre"), rs.getString("telephone_chiffre"),
						rs.getString("courriel_chiffre"), rs.getString("besoin_chiffre")),
				rs.getTimestamp("envoyee_le").toInstant(), rs.getTimestamp("statut_le").toInstant(),
				erased == null ? null : erased.toInstant(), rs.getString("effacement_motif"));
	}

	private static OrientationStatus status(String code) {
		return OrientationStatus.findByCode(code).orElseThrow(() -> new IllegalStateException("status " + code));
	}

}
