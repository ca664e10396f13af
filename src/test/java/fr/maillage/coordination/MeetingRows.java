package fr.maillage.coordination;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import fr.maillage.coordination.persistence.JdbcAttendanceRepository;
import fr.maillage.shared.crypto.FieldCipher;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Meetings, actors and participants as plain rows (columns of V24_1 and V29_1), for the
 * tests of attendance and indicators: creating meetings is another part of issue 18.
 */
public final class MeetingRows {

	private MeetingRows() {
	}

	public static UUID actor(JdbcClient jdbc, String name, String type, String departement) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into acteur (id, nom, type, departement, cree_le, cree_par, modifie_le, modifie_par)
				values (:id, :name, :type, :departement, now(), 'test', now(), 'test')""")
			.param("id", id)
			.param("name", name)
			.param("type", type)
			.param("departement", departement)
			.update();
		return id;
	}

	public static UUID meeting(JdbcClient jdbc, String title, String departement, Instant start) {
		return meeting(jdbc, title, departement, null, start, false, false);
	}

	public static UUID meeting(JdbcClient jdbc, String title, String departement, @Nullable String epci, Instant start,
			boolean annual, boolean cancelled) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into reunion (id, titre, departement, epci, commence_le, finit_le, adresse, rencontre_annuelle,
				    annulee_le, cree_le, cree_par, modifie_le, modifie_par)
				values (:id, :title, :departement, :epci, :start, :end, 'Salle du conseil, 20 rue de la Mairie',
				    :annual, :cancelled, now(), 'test', now(), 'test')""")
			.param("id", id)
			.param("title", title)
			.param("departement", departement)
			.param("epci", epci)
			.param("start", Timestamp.from(start))
			.param("end", Timestamp.from(start.plus(Duration.ofHours(2))))
			.param("annual", annual)
			.param("cancelled", cancelled ? Timestamp.from(start.minus(Duration.ofDays(1))) : null)
			.update();
		return id;
	}

	/**
	 * An invitee (or registered person), name and e-mail encrypted as the meetings part
	 * does.
	 */
	public static UUID participant(JdbcClient jdbc, FieldCipher cipher, UUID meeting, @Nullable UUID actor,
			@Nullable String type, @Nullable String structure, String name, String origin) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into reunion_participant (id, reunion_id, acteur_id, type_acteur, structure_nom, nom, courriel,
				    origine, invite_le)
				values (:id, :meeting, :actor, :type, :structure, :name, :email, :origin, now())""")
			.param("id", id)
			.param("meeting", meeting)
			.param("actor", actor)
			.param("type", type)
			.param("structure", structure)
			.param("name", cipher.encrypt(name, JdbcAttendanceRepository.context(id, "nom")))
			.param("email",
					cipher.encrypt(name.toLowerCase(java.util.Locale.ROOT).replace(' ', '.') + "@exemple.fr",
							JdbcAttendanceRepository.context(id, "courriel")))
			.param("origin", origin)
			.update();
		return id;
	}

	public static void present(JdbcClient jdbc, UUID participant, boolean present) {
		jdbc.sql("update reunion_participant set present = :present where id = :id")
			.param("present", present)
			.param("id", participant)
			.update();
	}

}
