package fr.maillage.coordination.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import fr.maillage.coordination.domain.MeetingEntry;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Meetings and their participants (tables {@code reunion}, {@code reunion_participant};
 * V29_1, V31_1), and the governance bodies they invite (tables {@code instance},
 * {@code instance_membre}, read only). Participants' names and e-mails arrive and leave
 * encrypted.
 */
@Repository
public class JdbcMeetingRepository {

	private static final String SELECT = """
			select r.*, i.nom as instance_nom from reunion r left join instance i on i.id = r.instance_id""";

	private final JdbcClient jdbc;

	JdbcMeetingRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A governance body, as a meeting names it. */
	public record Body(String id, String name, String type, String departement, @Nullable String epci) {
	}

	public void insertMeeting(String id, MeetingEntry entry, Instant now, String by) {
		jdbc.sql("""
				insert into reunion (id, titre, instance_id, departement, epci, commence_le, finit_le, adresse,
				    lien_visio, ordre_du_jour, rencontre_annuelle, inscription_publique, version, cree_le, cree_par,
				    modifie_le, modifie_par)
				values (:id, :titre, :instance, :departement, :epci, :debut, :fin, :adresse, :lienVisio, :ordreDuJour,
				    :annuelle, :publique, 0, :now, :by, :now, :by)""")
			.paramSource(entry(entry).addValue("id", UUID.fromString(id))
				.addValue("now", Timestamp.from(now))
				.addValue("by", by))
			.update();
	}

	/**
	 * Updates a planned meeting if nobody changed it since {@code version}.
	 * @return whether it was updated
	 */
	public boolean updateMeeting(String id, MeetingEntry entry, int version, Instant now, String by) {
		return jdbc.sql("""
				update reunion set titre = :titre, instance_id = :instance, departement = :departement, epci = :epci,
				    commence_le = :debut, finit_le = :fin, adresse = :adresse, lien_visio = :lienVisio,
				    ordre_du_jour = :ordreDuJour, rencontre_annuelle = :annuelle, inscription_publique = :publique,
				    version = version + 1, modifie_le = :now, modifie_par = :by
				where id = :id and version = :version and annulee_le is null""")
			.paramSource(entry(entry).addValue("id", UUID.fromString(id))
				.addValue("version", version)
				.addValue("now", Timestamp.from(now))
				.addValue("by", by))
			.update() > 0;
	}

	/**
	 * Cancels a planned meeting if nobody changed it since {@code version}.
	 * @return whether it was cancelled
	 */
	public boolean cancelMeeting(String id, int version, Instant now, String by) {
		return jdbc.sql("""
				update reunion set annulee_le = :now, annulee_par = :by, version = version + 1, modifie_le = :now,
				    modifie_par = :by
				where id = :id and version = :version and annulee_le is null""")
			.param("id", UUID.fromString(id))
			.param("version", version)
			.param("now", Timestamp.from(now))
			.param("by", by)
			.update() > 0;
	}

	public Optional<StoredMeeting> findMeeting(String id) {
		UUID uuid = uuid(id);
		if (uuid == null) {
			return Optional.empty();
		}
		return jdbc.sql(SELECT + " where r.id = :id")
			.param("id", uuid)
			.query(JdbcMeetingRepository::meeting)
			.optional();
	}

	/** Locks a meeting's row until the transaction ends (registrations one at a time). */
	public Optional<StoredMeeting> lockMeeting(String id) {
		UUID uuid = uuid(id);
		if (uuid == null) {
			return Optional.empty();
		}
		return jdbc.sql(SELECT + " where r.id = :id for update of r")
			.param("id", uuid)
			.query(JdbcMeetingRepository::meeting)
			.optional();
	}

	/**
	 * The meetings of these départements (all when null) ending after {@code since} and
	 * starting before {@code until} (either may be null), by start.
	 */
	public List<StoredMeeting> listMeetings(@Nullable Collection<String> departements, @Nullable Instant since,
			@Nullable Instant until) {
		StringBuilder sql = new StringBuilder(SELECT).append(" where true");
		MapSqlParameterSource params = new MapSqlParameterSource();
		if (departements != null) {
			sql.append(" and r.departement = any(:departements)");
			params.addValue("departements", departements.toArray(String[]::new));
		}
		if (since != null) {
			sql.append(" and r.finit_le >= :since");
			params.addValue("since", Timestamp.from(since));
		}
		if (until != null) {
			sql.append(" and r.commence_le < :until");
			params.addValue("until", Timestamp.from(until));
		}
		sql.append(" order by r.commence_le, r.id");
		return jdbc.sql(sql.toString()).paramSource(params).query(JdbcMeetingRepository::meeting).list();
	}

	public Optional<Body> findBody(String id) {
		UUID uuid = uuid(id);
		if (uuid == null) {
			return Optional.empty();
		}
		return jdbc.sql("select id, nom, type, departement, epci from instance where id = :id")
			.param("id", uuid)
			.query(JdbcMeetingRepository::body)
			.optional();
	}

	/** The bodies of these départements, by name. */
	public List<Body> listBodies(Collection<String> departements) {
		return jdbc
			.sql("select id, nom, type, departement, epci from instance where departement = any(:departements) "
					+ "order by lower(nom), id")
			.param("departements", departements.toArray(String[]::new))
			.query(JdbcMeetingRepository::body)
			.list();
	}

	/** The ids of a body's member actors. */
	public List<String> listBodyMembers(String bodyId) {
		return jdbc.sql("select acteur_id from instance_membre where instance_id = :id order by acteur_id")
			.param("id", UUID.fromString(bodyId))
			.query(String.class)
			.list();
	}

	/**
	 * @param id chosen by the caller: the name and e-mail are encrypted bound to it
	 * @param origin invitation or inscription
	 */
	public void insertParticipant(StoredParticipant participant) {
		boolean invited = participant.origin().equals("invitation");
		jdbc.sql("""
				insert into reunion_participant (id, reunion_id, acteur_id, type_acteur, structure_nom, nom, courriel,
				    origine, invite_le, inscrit_le)
				values (:id, :meeting, :actor, :type, :structure, :name, :email, :origin, :invited, :registered)""")
			.param("id", UUID.fromString(participant.id()))
			.param("meeting", UUID.fromString(participant.meetingId()))
			.param("actor", participant.actorId() == null ? null : UUID.fromString(participant.actorId()))
			.param("type", participant.actorType())
			.param("structure", participant.structureName())
			.param("name", participant.name())
			.param("email", participant.email())
			.param("origin", participant.origin())
			.param("invited",
					invited && participant.invitedAt() != null ? Timestamp.from(participant.invitedAt()) : null)
			.param("registered", participant.registeredAt() == null ? null : Timestamp.from(participant.registeredAt()))
			.update();
	}

	/** An invitee who registers: the registration's date added to the invitation. */
	public void markRegistered(String participantId, Instant now) {
		jdbc.sql("update reunion_participant set inscrit_le = coalesce(inscrit_le, :now) where id = :id")
			.param("id", UUID.fromString(participantId))
			.param("now", Timestamp.from(now))
			.update();
	}

	/** A meeting's participants, invitations first, then registrations, by date. */
	public List<StoredParticipant> listParticipants(String meetingId) {
		return jdbc.sql("""
				select * from reunion_participant where reunion_id = :id
				order by (origine <> 'invitation'), coalesce(invite_le, inscrit_le), id""")
			.param("id", UUID.fromString(meetingId))
			.query(JdbcMeetingRepository::participant)
			.list();
	}

	private static MapSqlParameterSource entry(MeetingEntry entry) {
		return new MapSqlParameterSource().addValue("titre", entry.title())
			.addValue("instance", entry.bodyId() == null ? null : UUID.fromString(entry.bodyId()))
			.addValue("departement", entry.departement())
			.addValue("epci", entry.epci())
			.addValue("debut", Timestamp.from(entry.start()))
			.addValue("fin", Timestamp.from(entry.end()))
			.addValue("adresse", entry.address())
			.addValue("lienVisio", entry.videoLink())
			.addValue("ordreDuJour", entry.agenda())
			.addValue("annuelle", entry.annual())
			.addValue("publique", entry.publicRegistration());
	}

	private static @Nullable UUID uuid(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException notAnId) {
			return null;
		}
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	private static Body body(ResultSet rs, int row) throws SQLException {
		return new Body(rs.getString("id"), rs.getString("nom"), rs.getString("type"), rs.getString("departement"),
				rs.getString("epci"));
	}

	private static StoredMeeting meeting(ResultSet rs, int row) throws SQLException {
		MeetingEntry entry = new MeetingEntry(rs.getString("titre"), rs.getString("instance_id"),
				rs.getString("departement"), rs.getString("epci"), rs.getTimestamp("commence_le").toInstant(),
				rs.getTimestamp("finit_le").toInstant(), rs.getString("adresse"), rs.getString("lien_visio"),
				rs.getString("ordre_du_jour"), rs.getBoolean("rencontre_annuelle"),
				rs.getBoolean("inscription_publique"));
		return new StoredMeeting(rs.getString("id"), entry, rs.getString("instance_nom"), rs.getInt("version"),
				instant(rs.getTimestamp("annulee_le")), rs.getTimestamp("cree_le").toInstant(),
				rs.getString("cree_par"), rs.getTimestamp("modifie_le").toInstant(), rs.getString("modifie_par"));
	}

	private static StoredParticipant participant(ResultSet rs, int row) throws SQLException {
		return new StoredParticipant(rs.getString("id"), rs.getString("reunion_id"), rs.getString("acteur_id"),
				rs.getString("type_acteur"), rs.getString("structure_nom"), rs.getString("nom"),
				rs.getString("courriel"), rs.getString("origine"), instant(rs.getTimestamp("invite_le")),
				instant(rs.getTimestamp("inscrit_le")));
	}

}
