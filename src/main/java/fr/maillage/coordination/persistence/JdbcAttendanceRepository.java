package fr.maillage.coordination.persistence;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import fr.maillage.coordination.domain.ActionStatus;
import fr.maillage.coordination.domain.ActorType;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What attendance, minutes, follow-up and the indicators of the exchanges read and write
 * of the meetings (tables of V29_1 and V32_1: {@code reunion},
 * {@code reunion_participant}, {@code reunion_acces}, {@code reunion_fichier},
 * {@code reunion_action}). Participants' names and e-mails arrive and leave encrypted.
 */
@Repository
public class JdbcAttendanceRepository {

	private final JdbcClient jdbc;

	JdbcAttendanceRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A meeting as stored. */
	public record StoredMeeting(UUID id, String title, String departement, @Nullable String epci, Instant start,
			Instant end, @Nullable String address, @Nullable String videoLink, boolean annual,
			@Nullable Instant cancelledAt, @Nullable String minutes, int version) {
	}

	/** A participant as stored, name and e-mail encrypted (null once erased). */
	public record StoredParticipant(UUID id, @Nullable UUID actorId, @Nullable String actorType,
			@Nullable String structure, @Nullable String sealedName, String origin, @Nullable Boolean present,
			@Nullable Instant erasedAt) {
	}

	/** A file of the minutes, without its content. */
	public record StoredFile(UUID id, String name, String mediaType, int size, boolean open, Instant addedAt,
			String addedBy) {
	}

	/** A follow-up action. */
	public record StoredAction(UUID id, String title, @Nullable UUID ownerActorId, @Nullable String ownerActorName,
			@Nullable String ownerName, @Nullable LocalDate due, ActionStatus status, int version, Instant changedAt,
			String changedBy) {
	}

	public Optional<StoredMeeting> findMeeting(UUID id) {
		return jdbc.sql("select * from reunion where id = :id")
			.param("id", id)
			.query((rs, row) -> new StoredMeeting(rs.getObject("id", UUID.class), rs.getString("titre"),
					rs.getString("departement"), rs.getString("epci"), instant(rs, "commence_le"),
					instant(rs, "finit_le"), rs.getString("adresse"), rs.getString("lien_visio"),
					rs.getBoolean("rencontre_annuelle"), instant(rs, "annulee_le"), rs.getString("compte_rendu"),
					rs.getInt("version")))
			.optional();
	}

	/** The last meetings, most recent first (the caller keeps those it may see). */
	public List<StoredMeeting> listMeetings(int limit) {
		return jdbc.sql("select * from reunion order by commence_le desc limit :limit")
			.param("limit", limit)
			.query((rs, row) -> new StoredMeeting(rs.getObject("id", UUID.class), rs.getString("titre"),
					rs.getString("departement"), rs.getString("epci"), instant(rs, "commence_le"),
					instant(rs, "finit_le"), rs.getString("adresse"), rs.getString("lien_visio"),
					rs.getBoolean("rencontre_annuelle"), instant(rs, "annulee_le"), rs.getString("compte_rendu"),
					rs.getInt("version")))
			.list();
	}

	/** Invitees, registered people and those who came, structures' names first. */
	public List<StoredParticipant> listParticipants(UUID meetingId) {
		return jdbc
			.sql("""
					select * from reunion_participant where reunion_id = :meeting
					order by lower(coalesce(structure_nom, '')), origine, coalesce(invite_le, inscrit_le, presence_notee_le), id""")
			.param("meeting", meetingId)
			.query((rs, row) -> new StoredParticipant(rs.getObject("id", UUID.class),
					rs.getObject("acteur_id", UUID.class), rs.getString("type_acteur"), rs.getString("structure_nom"),
					rs.getString("nom"), rs.getString("origine"), (Boolean) rs.getObject("present"),
					instant(rs, "donnees_effacees_le")))
			.list();
	}

	/**
	 * Notes whether a participant of that meeting came.
	 * @return false when the participant is not one of the meeting's
	 */
	public boolean updatePresence(UUID meetingId, UUID participantId, boolean present, Instant now, String by) {
		return jdbc.sql("""
				update reunion_participant set present = :present, presence_notee_le = :now, presence_notee_par = :by
				where id = :id and reunion_id = :meeting""")
			.param("present", present)
			.param("now", Timestamp.from(now))
			.param("by", by)
			.param("id", participantId)
			.param("meeting", meetingId)
			.update() == 1;
	}

	/** Someone who came without invitation, present. */
	public void insertOnTheSpot(UUID id, UUID meetingId, @Nullable UUID actorId, String actorType, String structure,
			String sealedName, Instant now, String by) {
		jdbc.sql("""
				insert into reunion_participant (id, reunion_id, acteur_id, type_acteur, structure_nom, nom, origine,
				    present, presence_notee_le, presence_notee_par)
				values (:id, :meeting, :actor, :type, :structure, :name, 'sur_place', true, :now, :by)""")
			.param("id", id)
			.param("meeting", meetingId)
			.param("actor", actorId)
			.param("type", actorType)
			.param("structure", structure)
			.param("name", sealedName)
			.param("now", Timestamp.from(now))
			.param("by", by)
			.update();
	}

	/** Logs a display of a meeting's participants, a printed sheet or an erasure. */
	public void logAccess(UUID meetingId, @Nullable UUID accountId, String by, Instant now, String action,
			int persons) {
		jdbc.sql("""
				insert into reunion_acces (reunion_id, compte_id, par, moment, action, personnes)
				values (:meeting, :account, :by, :now, :action, :persons)""")
			.param("meeting", meetingId)
			.param("account", accountId)
			.param("by", by)
			.param("now", Timestamp.from(now))
			.param("action", action)
			.param("persons", persons)
			.update();
	}

	/** The last accesses to a meeting's participants. */
	public List<String> listAccesses(UUID meetingId, int limit) {
		return jdbc.sql("""
				select to_char(moment at time zone 'Europe/Paris', 'DD/MM/YYYY HH24:MI') || ' — ' || par || ' — '
				    || action || ' (' || personnes || ')'
				from reunion_acces where reunion_id = :meeting order by moment desc, id desc limit :limit""")
			.param("meeting", meetingId)
			.param("limit", limit)
			.query(String.class)
			.list();
	}

	/**
	 * Saves the minutes if nobody changed them since {@code version} was read.
	 * @return false when someone did
	 */
	public boolean updateMinutes(UUID meetingId, @Nullable String minutes, int version, Instant now, String by) {
		return jdbc.sql("""
				update reunion set compte_rendu = :minutes, version = version + 1, modifie_le = :now, modifie_par = :by
				where id = :id and version = :version""")
			.param("minutes", minutes)
			.param("now", Timestamp.from(now))
			.param("by", by)
			.param("id", meetingId)
			.param("version", version)
			.update() == 1;
	}

	public @Nullable String findModifiedBy(UUID meetingId) {
		return jdbc.sql("select modifie_par from reunion where id = :id")
			.param("id", meetingId)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	public void insertFile(UUID id, UUID meetingId, String name, String mediaType, byte[] content, Instant now,
			String by) {
		jdbc.sql("""
				insert into reunion_fichier (id, reunion_id, nom, type_contenu, taille, contenu, ajoute_le, ajoute_par)
				values (:id, :meeting, :name, :type, :size, :content, :now, :by)""")
			.param("id", id)
			.param("meeting", meetingId)
			.param("name", name)
			.param("type", mediaType)
			.param("size", content.length)
			.param("content", content)
			.param("now", Timestamp.from(now))
			.param("by", by)
			.update();
	}

	public List<StoredFile> listFiles(UUID meetingId) {
		return jdbc.sql("""
				select id, nom, type_contenu, taille, public, ajoute_le, ajoute_par from reunion_fichier
				where reunion_id = :meeting order by ajoute_le, id""")
			.param("meeting", meetingId)
			.query((rs, row) -> file(rs))
			.list();
	}

	public Optional<StoredFile> findFile(UUID meetingId, UUID fileId) {
		return jdbc.sql("""
				select id, nom, type_contenu, taille, public, ajoute_le, ajoute_par from reunion_fichier
				where reunion_id = :meeting and id = :id""")
			.param("meeting", meetingId)
			.param("id", fileId)
			.query((rs, row) -> file(rs))
			.optional();
	}

	public byte[] getFileContent(UUID fileId) {
		return jdbc.sql("select contenu from reunion_fichier where id = :id")
			.param("id", fileId)
			.query((rs, row) -> rs.getBytes(1))
			.single();
	}

	public boolean updateFileOpen(UUID meetingId, UUID fileId, boolean open) {
		return jdbc.sql("update reunion_fichier set public = :open where reunion_id = :meeting and id = :id")
			.param("open", open)
			.param("meeting", meetingId)
			.param("id", fileId)
			.update() == 1;
	}

	public void insertAction(UUID id, UUID meetingId, String title, @Nullable UUID ownerActorId,
			@Nullable String ownerName, @Nullable LocalDate due, Instant now, String by) {
		jdbc.sql("""
				insert into reunion_action (id, reunion_id, intitule, responsable_acteur_id, responsable_nom, echeance,
				    cree_le, cree_par, modifie_le, modifie_par)
				values (:id, :meeting, :title, :actor, :name, :due, :now, :by, :now, :by)""")
			.param("id", id)
			.param("meeting", meetingId)
			.param("title", title)
			.param("actor", ownerActorId)
			.param("name", ownerName)
			.param("due", due == null ? null : Date.valueOf(due))
			.param("now", Timestamp.from(now))
			.param("by", by)
			.update();
	}

	private static final String ACTIONS = """
			select x.*, a.nom as acteur_nom from reunion_action x left join acteur a on a.id = x.responsable_acteur_id""";

	public List<StoredAction> listActions(UUID meetingId) {
		return jdbc.sql(ACTIONS + " where x.reunion_id = :meeting order by x.echeance nulls last, x.cree_le, x.id")
			.param("meeting", meetingId)
			.query((rs, row) -> action(rs))
			.list();
	}

	public Optional<StoredAction> findAction(UUID meetingId, UUID actionId) {
		return jdbc.sql(ACTIONS + " where x.reunion_id = :meeting and x.id = :id")
			.param("meeting", meetingId)
			.param("id", actionId)
			.query((rs, row) -> action(rs))
			.optional();
	}

	/**
	 * Changes an action's status if it is still the one read.
	 * @return false when someone changed it meanwhile
	 */
	public boolean updateActionStatus(UUID actionId, ActionStatus from, ActionStatus to, int version, Instant now,
			String by) {
		return jdbc.sql("""
				update reunion_action set statut = :to, version = version + 1, modifie_le = :now, modifie_par = :by
				where id = :id and statut = :from and version = :version""")
			.param("to", to.code())
			.param("from", from.code())
			.param("version", version)
			.param("now", Timestamp.from(now))
			.param("by", by)
			.param("id", actionId)
			.update() == 1;
	}

	/** The figures of a territory's meetings in a period. */
	public record ExchangeFigures(long meetings, long participants, long structures, Map<ActorType, Long> presentByType,
			@Nullable Instant annualMeeting, Map<ActorType, Long> directoryByType) {
	}

	/**
	 * The figures of the meetings of these départements (and of that EPCI when given)
	 * that were not cancelled and started in [from, to): in one query for the meetings
	 * and one for the directory.
	 */
	public ExchangeFigures exchangeFigures(Collection<String> departements, @Nullable String epci, Instant from,
			Instant to) {
		MapSqlParameterSource params = new MapSqlParameterSource()
			.addValue("departements", departements.toArray(String[]::new))
			.addValue("epci", epci)
			.addValue("from", Timestamp.from(from))
			.addValue("to", Timestamp.from(to));
		long[] counts = new long[3];
		Instant[] annual = new Instant[1];
		Map<ActorType, Long> present = new EnumMap<>(ActorType.class);
		jdbc.sql("""
				with r as (
				  select id, commence_le, rencontre_annuelle from reunion
				  where departement = any(:departements) and (cast(:epci as text) is null or epci = :epci)
				    and annulee_le is null and commence_le >= :from and commence_le < :to),
				p as (
				  select case when rp.acteur_id is not null then rp.acteur_id::text
				              when nullif(trim(rp.structure_nom), '') is not null
				                then 'nom:' || lower(unaccent(trim(rp.structure_nom))) end as structure,
				         coalesce(rp.type_acteur, a.type, 'autre') as type
				  from reunion_participant rp join r on r.id = rp.reunion_id
				  left join acteur a on a.id = rp.acteur_id
				  where rp.present),
				s as (select structure, min(type) as type from p where structure is not null group by structure)
				select 'type' as kind, type as code, count(*) as n, null::timestamptz as moment from s group by type
				union all select 'reunions', null, count(*), null from r
				union all select 'participants', null, count(*), null from p
				union all select 'structures', null, count(*), null from s
				union all select 'annuelle', null, count(*), min(commence_le) from r where rencontre_annuelle""")
			.paramSource(params)
			.query(rs -> {
				String kind = rs.getString("kind");
				long n = rs.getLong("n");
				switch (kind) {
					case "type" ->
						ActorType.findByCode(rs.getString("code")).ifPresent(type -> present.merge(type, n, Long::sum));
					case "reunions" -> counts[0] = n;
					case "participants" -> counts[1] = n;
					case "structures" -> counts[2] = n;
					default -> annual[0] = n == 0 ? null : instant(rs, "moment");
				}
			});
		Map<ActorType, Long> directory = new EnumMap<>(ActorType.class);
		jdbc.sql("""
				select type, count(*) as n from acteur
				where departement = any(:departements) and (cast(:epci as text) is null or epci = :epci)
				group by type""").paramSource(params).query(rs -> {
			long n = rs.getLong("n");
			ActorType.findByCode(rs.getString("type")).ifPresent(type -> directory.merge(type, n, Long::sum));
		});
		return new ExchangeFigures(counts[0], counts[1], counts[2], present, annual[0], directory);
	}

	/** The authenticated context of a participant's encrypted column (V29_1). */
	public static String context(UUID participantId, String column) {
		// one naming of the context for meetings and attendance: the meetings'
		// StoredParticipant
		return fr.maillage.coordination.persistence.StoredParticipant.context(participantId.toString(), column);
	}

	/**
	 * Takes the lock of a job for this transaction: false when another instance has it.
	 */
	public boolean tryLockForTransaction(long key) {
		return jdbc.sql("select pg_try_advisory_xact_lock(:key)").param("key", key).query(Boolean.class).single();
	}

	/** Meetings that ended before {@code before} and still have named participants. */
	public List<UUID> listMeetingsToErase(Instant before) {
		return jdbc.sql("""
				select r.id from reunion r where r.finit_le < :before and exists (
				  select 1 from reunion_participant p where p.reunion_id = r.id and p.donnees_effacees_le is null
				    and (p.nom is not null or p.courriel is not null))
				order by r.finit_le""").param("before", Timestamp.from(before)).query(UUID.class).list();
	}

	/**
	 * Erases the names and e-mails of a meeting's participants; structures, types and
	 * attendance stay for the figures.
	 * @return how many persons
	 */
	public int eraseParticipants(UUID meetingId, Instant now) {
		return jdbc.sql("""
				update reunion_participant set nom = null, courriel = null, donnees_effacees_le = :now
				where reunion_id = :meeting and donnees_effacees_le is null""")
			.param("now", Timestamp.from(now))
			.param("meeting", meetingId)
			.update();
	}

	private static StoredFile file(ResultSet rs) throws SQLException {
		return new StoredFile(rs.getObject("id", UUID.class), rs.getString("nom"), rs.getString("type_contenu"),
				rs.getInt("taille"), rs.getBoolean("public"), instant(rs, "ajoute_le"), rs.getString("ajoute_par"));
	}

	private static StoredAction action(ResultSet rs) throws SQLException {
		Date due = rs.getDate("echeance");
		return new StoredAction(rs.getObject("id", UUID.class), rs.getString("intitule"),
				rs.getObject("responsable_acteur_id", UUID.class), rs.getString("acteur_nom"),
				rs.getString("responsable_nom"), due == null ? null : due.toLocalDate(),
				ActionStatus.findByCode(rs.getString("statut")).orElseThrow(), rs.getInt("version"),
				instant(rs, "modifie_le"), rs.getString("modifie_par"));
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

}
