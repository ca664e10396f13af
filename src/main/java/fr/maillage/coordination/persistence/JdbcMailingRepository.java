package fr.maillage.coordination.persistence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import fr.maillage.coordination.domain.ActorType;
import fr.maillage.coordination.domain.Competence;
import fr.maillage.coordination.domain.MailingCriteria;
import fr.maillage.coordination.domain.SendingStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The coordination's mailing (tables {@code liste_diffusion}, {@code annonce},
 * {@code annonce_envoi}; ADR 0027). Addresses arrive and leave encrypted; the queue is
 * claimed with {@code FOR UPDATE SKIP LOCKED}, so that instances of the job never take
 * the same message.
 */
@Repository
public class JdbcMailingRepository {

	/** The transaction lock under which the throttle counts and claims. */
	private static final long THROTTLE_LOCK = 0x646966667573696fL;

	private final JdbcClient jdbc;

	JdbcMailingRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A saved list: its criteria and version (optimistic locking). */
	public record StoredList(String id, MailingCriteria criteria, int version, Instant modifiedAt, String modifiedBy) {
	}

	public void insertList(String id, MailingCriteria criteria, Instant now, String by) {
		jdbc.sql("""
				insert into liste_diffusion (id, nom, departement, epci, types, competences, version, cree_le, cree_par,
				    modifie_le, modifie_par)
				values (:id, :nom, :departement, :epci, :types, :competences, 0, :now, :by, :now, :by)""")
			.param("id", UUID.fromString(id))
			.param("nom", criteria.name())
			.param("departement", criteria.departement())
			.param("epci", criteria.epci())
			.param("types", types(criteria.types()))
			.param("competences", competences(criteria.competences()))
			.param("now", Timestamp.from(now))
			.param("by", by)
			.update();
	}

	/**
	 * @return false when the list is no longer at that version (someone saved it
	 * meanwhile)
	 */
	public boolean updateList(String id, int version, MailingCriteria criteria, Instant now, String by) {
		return jdbc.sql("""
				update liste_diffusion set nom = :nom, departement = :departement, epci = :epci, types = :types,
				    competences = :competences, version = version + 1, modifie_le = :now, modifie_par = :by
				where id = :id and version = :version""")
			.param("id", UUID.fromString(id))
			.param("version", version)
			.param("nom", criteria.name())
			.param("departement", criteria.departement())
			.param("epci", criteria.epci())
			.param("types", types(criteria.types()))
			.param("competences", competences(criteria.competences()))
			.param("now", Timestamp.from(now))
			.param("by", by)
			.update() == 1;
	}

	public Optional<StoredList> findList(String id) {
		Optional<UUID> uuid = uuid(id);
		if (uuid.isEmpty()) {
			return Optional.empty();
		}
		return jdbc.sql("select * from liste_diffusion where id = :id")
			.param("id", uuid.get())
			.query(JdbcMailingRepository::list)
			.optional();
	}

	public List<StoredList> listLists() {
		return jdbc.sql("select * from liste_diffusion order by lower(nom), id")
			.query(JdbcMailingRepository::list)
			.list();
	}

	/** An announcement as kept, with the progress of its queue. */
	public record StoredAnnouncement(String id, String listId, String listName, String departement,
			@Nullable String epci, String subject, String text, Instant sentAt, String sentBy, int recipients,
			Map<SendingStatus, Integer> progress) {
	}

	public void insertAnnouncement(String id, String listId, MailingCriteria criteria, String subject, String text,
			Instant now, String by, int recipients) {
		jdbc.sql("""
				insert into annonce (id, liste_id, liste_nom, departement, epci, objet, texte, envoyee_le, envoyee_par,
				    destinataires)
				values (:id, :list, :name, :departement, :epci, :subject, :text, :now, :by, :recipients)""")
			.param("id", UUID.fromString(id))
			.param("list", UUID.fromString(listId))
			.param("name", criteria.name())
			.param("departement", criteria.departement())
			.param("epci", criteria.epci())
			.param("subject", subject)
			.param("text", text)
			.param("now", Timestamp.from(now))
			.param("by", by)
			.param("recipients", recipients)
			.update();
	}

	/** Queues one message: the address already encrypted, bound to the row's id. */
	public void queue(String id, String announcementId, Collection<String> actorIds, String encryptedEmail,
			Instant now) {
		jdbc.sql("""
				insert into annonce_envoi (id, annonce_id, acteurs, courriel, statut, prochain_essai)
				values (:id, :announcement, cast(:actors as uuid[]), :email, 'en_attente', :now)""")
			.param("id", UUID.fromString(id))
			.param("announcement", UUID.fromString(announcementId))
			.param("actors", actorIds.toArray(String[]::new))
			.param("email", encryptedEmail)
			.param("now", Timestamp.from(now))
			.update();
	}

	private static final String ANNOUNCEMENTS = """
			select a.*,
			  (select json_object_agg(statut, n) from (select statut, count(*) as n from annonce_envoi e
			     where e.annonce_id = a.id group by statut) s)::text as progression
			from annonce a""";

	public Optional<StoredAnnouncement> findAnnouncement(String id) {
		Optional<UUID> uuid = uuid(id);
		if (uuid.isEmpty()) {
			return Optional.empty();
		}
		return jdbc.sql(ANNOUNCEMENTS + " where a.id = :id")
			.param("id", uuid.get())
			.query(JdbcMailingRepository::announcement)
			.optional();
	}

	/** Every announcement, latest first. */
	public List<StoredAnnouncement> listAnnouncements() {
		return jdbc.sql(ANNOUNCEMENTS + " order by a.envoyee_le desc, a.id")
			.query(JdbcMailingRepository::announcement)
			.list();
	}

	/** A message claimed by the job: to decrypt, write and send. */
	public record Claimed(String id, String announcementId, List<String> actorIds, @Nullable String encryptedEmail,
			int attempts, String subject, String text, Instant queuedAt) {
	}

	/**
	 * Claims the messages due, at most as many as the throttle leaves this minute: under
	 * a transaction lock (so that instances share one rate), the rows locked with
	 * {@code SKIP LOCKED} (so that no two instances take the same), marked as being sent
	 * with their attempt counted and the hash of the unsubscribe token each will carry. A
	 * message left being sent for {@code staleBefore} by a stopped instance is claimed
	 * again. To be called in a transaction.
	 * @param tokenHashes gives the hash of a new token for each claimed row's id
	 */
	public List<Claimed> claimDue(Instant now, int perMinute, Instant staleBefore,
			java.util.function.Function<String, String> tokenHashes) {
		jdbc.sql("select 1 from (select pg_advisory_xact_lock(:key)) as locked")
			.param("key", THROTTLE_LOCK)
			.query(Integer.class)
			.single();
		long used = jdbc.sql("select count(*) from annonce_envoi where dernier_essai_le > :since")
			.param("since", Timestamp.from(now.minusSeconds(60)))
			.query(Long.class)
			.single();
		long budget = perMinute - used;
		if (budget <= 0) {
			return List.of();
		}
		List<Claimed> claimed = jdbc.sql("""
				select e.id::text as id, e.annonce_id::text as annonce_id, e.acteurs, e.courriel, e.essais,
				    a.objet, a.texte, a.envoyee_le
				from annonce_envoi e join annonce a on a.id = e.annonce_id
				where (e.statut = 'en_attente' and e.prochain_essai <= :now)
				   or (e.statut = 'en_cours' and e.dernier_essai_le < :stale)
				order by e.prochain_essai, e.id
				limit :budget
				for update of e skip locked""")
			.param("now", Timestamp.from(now))
			.param("stale", Timestamp.from(staleBefore))
			.param("budget", budget)
			.query((rs, row) -> new Claimed(rs.getString("id"), rs.getString("annonce_id"),
					uuids(rs.getArray("acteurs")), rs.getString("courriel"), rs.getInt("essais") + 1,
					rs.getString("objet"), rs.getString("texte"), rs.getTimestamp("envoyee_le").toInstant()))
			.list();
		for (Claimed message : claimed) {
			jdbc.sql("""
					update annonce_envoi set statut = 'en_cours', essais = essais + 1, dernier_essai_le = :now,
					    jeton_hash = :hash
					where id = :id""")
				.param("id", UUID.fromString(message.id()))
				.param("now", Timestamp.from(now))
				.param("hash", tokenHashes.apply(message.id()))
				.update();
		}
		return claimed;
	}

	/**
	 * A claimed message ends (sent, failed, cancelled): its address is erased. A failed
	 * one that will be tried again keeps its address and waits until {@code retryAt}.
	 */
	public void finish(String id, SendingStatus status, Instant now, @Nullable String error,
			@Nullable Instant retryAt) {
		boolean erase = status.isFinal();
		jdbc.sql("""
				update annonce_envoi set statut = :status, derniere_erreur = :error,
				    envoye_le = case when :status = 'envoye' then cast(:now as timestamptz) else envoye_le end,
				    courriel = case when :erase then null else courriel end,
				    jeton_hash = case when :status = 'envoye' then jeton_hash else null end,
				    prochain_essai = coalesce(cast(:retry as timestamptz), prochain_essai)
				where id = :id and statut = 'en_cours'""")
			.param("id", UUID.fromString(id))
			.param("status", status.code())
			.param("error", error)
			.param("now", Timestamp.from(now))
			.param("erase", erase)
			.param("retry", retryAt == null ? null : Timestamp.from(retryAt))
			.update();
	}

	/** A sent message found by the hash of its unsubscribe token. */
	public record Unsubscription(String sendingId, List<String> actorIds, Instant sentAt,
			@Nullable Instant unsubscribedAt) {
	}

	public Optional<Unsubscription> findByTokenHash(String hash) {
		return jdbc.sql("""
				select id::text as id, acteurs, envoye_le, desinscrit_le from annonce_envoi
				where jeton_hash = :hash and statut = 'envoye'""")
			.param("hash", hash)
			.query((rs, row) -> new Unsubscription(rs.getString("id"), uuids(rs.getArray("acteurs")),
					rs.getTimestamp("envoye_le").toInstant(), instant(rs.getTimestamp("desinscrit_le"))))
			.optional();
	}

	/**
	 * Marks the link used, once.
	 * @return false when it was used already (two clicks at once: one wins)
	 */
	public boolean markUnsubscribed(String sendingId, Instant now) {
		return jdbc.sql("update annonce_envoi set desinscrit_le = :now where id = :id and desinscrit_le is null")
			.param("id", UUID.fromString(sendingId))
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	/** The statuses of an announcement's messages (tests and the job's log). */
	public Map<SendingStatus, Integer> countByStatus(String announcementId) {
		Map<SendingStatus, Integer> counts = new EnumMap<>(SendingStatus.class);
		jdbc.sql("select statut, count(*) as n from annonce_envoi where annonce_id = :id group by statut")
			.param("id", UUID.fromString(announcementId))
			.query((rs, row) -> Map.entry(rs.getString("statut"), rs.getInt("n")))
			.list()
			.forEach(entry -> SendingStatus.findByCode(entry.getKey()).ifPresent(s -> counts.put(s, entry.getValue())));
		return counts;
	}

	private static StoredList list(ResultSet rs, int row) throws SQLException {
		Set<ActorType> types = EnumSet.noneOf(ActorType.class);
		Arrays.stream((String[]) rs.getArray("types").getArray())
			.forEach(code -> ActorType.findByCode(code).ifPresent(types::add));
		Set<Competence> competences = EnumSet.noneOf(Competence.class);
		Arrays.stream((String[]) rs.getArray("competences").getArray())
			.forEach(code -> Competence.findByCode(code).ifPresent(competences::add));
		return new StoredList(rs.getString("id"),
				new MailingCriteria(rs.getString("nom"), rs.getString("departement"), rs.getString("epci"), types,
						competences),
				rs.getInt("version"), rs.getTimestamp("modifie_le").toInstant(), rs.getString("modifie_par"));
	}

	private static StoredAnnouncement announcement(ResultSet rs, int row) throws SQLException {
		Map<SendingStatus, Integer> progress = new EnumMap<>(SendingStatus.class);
		String json = rs.getString("progression");
		if (json != null) {
			// {"envoye" : 3, "en_attente" : 2}: codes and counts only
			java.util.regex.Matcher pair = java.util.regex.Pattern.compile("\"(\\w+)\"\\s*:\\s*(\\d+)").matcher(json);
			while (pair.find()) {
				int count = Integer.parseInt(pair.group(2));
				SendingStatus.findByCode(pair.group(1)).ifPresent(status -> progress.put(status, count));
			}
		}
		return new StoredAnnouncement(rs.getString("id"), rs.getString("liste_id"), rs.getString("liste_nom"),
				rs.getString("departement"), rs.getString("epci"), rs.getString("objet"), rs.getString("texte"),
				rs.getTimestamp("envoyee_le").toInstant(), rs.getString("envoyee_par"), rs.getInt("destinataires"),
				progress);
	}

	private static String[] types(Set<ActorType> types) {
		return types.stream().map(ActorType::code).sorted().toArray(String[]::new);
	}

	private static String[] competences(Set<Competence> competences) {
		return competences.stream().map(Competence::code).sorted().toArray(String[]::new);
	}

	private static List<String> uuids(Array array) throws SQLException {
		List<String> ids = new ArrayList<>();
		for (Object id : (Object[]) array.getArray()) {
			ids.add(id.toString());
		}
		return ids;
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	private static Optional<UUID> uuid(String id) {
		try {
			return Optional.of(UUID.fromString(id));
		}
		catch (IllegalArgumentException notAnId) {
			return Optional.empty();
		}
	}

}
