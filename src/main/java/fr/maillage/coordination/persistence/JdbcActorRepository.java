package fr.maillage.coordination.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import fr.maillage.coordination.domain.ActorEntry;
import fr.maillage.coordination.domain.ActorType;
import fr.maillage.coordination.domain.Competence;
import fr.maillage.coordination.domain.ConsentPurpose;
import fr.maillage.coordination.domain.ContactConsent;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The actors directory (tables {@code acteur}, {@code acteur_consentement},
 * {@code acteur_acces}). Referents' fields arrive and leave encrypted: this class never
 * sees them in clear.
 */
@Repository
public class JdbcActorRepository {

	/** Each actor with the consents in force (purpose and date, in the same order). */
	private static final String SELECT = """
			select a.*,
			  array(select c.objet from acteur_consentement c where c.acteur_id = a.id and c.retire_le is null
			        order by c.objet) as consentements,
			  array(select c.donne_le from acteur_consentement c where c.acteur_id = a.id and c.retire_le is null
			        order by c.objet) as consentements_dates
			from acteur a""";

	private final JdbcClient jdbc;

	JdbcActorRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Actors acting in these départements (all when null), of that type and with that
	 * competence when given, by name.
	 */
	public List<StoredActor> listActors(@Nullable Collection<String> departements, @Nullable ActorType type,
			@Nullable Competence competence) {
		StringBuilder sql = new StringBuilder(SELECT).append(" where true");
		MapSqlParameterSource params = new MapSqlParameterSource();
		if (departements != null) {
			sql.append(" and a.departement = any(:departements)");
			params.addValue("departements", departements.toArray(String[]::new));
		}
		if (type != null) {
			sql.append(" and a.type = :type");
			params.addValue("type", type.code());
		}
		if (competence != null) {
			sql.append(" and :competence = any(a.competences)");
			params.addValue("competence", competence.code());
		}
		sql.append(" order by lower(unaccent(a.nom)), a.id");
		return jdbc.sql(sql.toString()).paramSource(params).query(JdbcActorRepository::actor).list();
	}

	public Optional<StoredActor> findActor(String id) {
		UUID uuid;
		try {
			uuid = UUID.fromString(id);
		}
		catch (IllegalArgumentException notAnId) {
			return Optional.empty();
		}
		return jdbc.sql(SELECT + " where a.id = :id").param("id", uuid).query(JdbcActorRepository::actor).optional();
	}

	public Optional<StoredActor> findBySiret(String siret) {
		return jdbc.sql(SELECT + " where a.siret = :siret")
			.param("siret", siret)
			.query(JdbcActorRepository::actor)
			.optional();
	}

	/** The actor of that name (whatever its case and accents) in that département. */
	public Optional<StoredActor> findByName(String name, String departement) {
		return jdbc
			.sql(SELECT + " where lower(unaccent(a.nom)) = lower(unaccent(:name)) "
					+ "and a.departement = :departement order by a.cree_le limit 1")
			.param("name", name)
			.param("departement", departement)
			.query(JdbcActorRepository::actor)
			.optional();
	}

	/**
	 * @param id chosen by the caller: the referent's fields are encrypted bound to it
	 */
	public void insertActor(String id, ActorEntry entry, @Nullable EncryptedReferent referent, Instant now, String by) {
		jdbc.sql("""
				insert into acteur (id, nom, siret, type, departement, epci, competences, referent_nom,
				    referent_courriel, referent_telephone, cree_le, cree_par, modifie_le, modifie_par)
				values (:id, :nom, :siret, :type, :departement, :epci, :competences, :referentNom, :referentCourriel,
				    :referentTelephone, :now, :by, :now, :by)""")
			.paramSource(entry(entry, referent).addValue("id", UUID.fromString(id))
				.addValue("now", Timestamp.from(now))
				.addValue("by", by))
			.update();
	}

	public void updateActor(String id, ActorEntry entry, @Nullable EncryptedReferent referent, Instant now, String by) {
		jdbc.sql("""
				update acteur set nom = :nom, siret = :siret, type = :type, departement = :departement, epci = :epci,
				    competences = :competences, referent_nom = :referentNom, referent_courriel = :referentCourriel,
				    referent_telephone = :referentTelephone, modifie_le = :now, modifie_par = :by
				where id = :id""")
			.paramSource(entry(entry, referent).addValue("id", UUID.fromString(id))
				.addValue("now", Timestamp.from(now))
				.addValue("by", by))
			.update();
	}

	/** Completes an actor from a national file; its referent and consents untouched. */
	public void completeActor(String id, @Nullable String siret, @Nullable String epci, Set<Competence> competences,
			Instant now, String by) {
		jdbc.sql("""
				update acteur set siret = :siret, epci = :epci, competences = :competences, modifie_le = :now,
				    modifie_par = :by
				where id = :id""")
			.param("id", UUID.fromString(id))
			.param("siret", siret)
			.param("epci", epci)
			.param("competences", competences.stream().map(Competence::code).sorted().toArray(String[]::new))
			.param("now", Timestamp.from(now))
			.param("by", by)
			.update();
	}

	/** Links an actor to a lieu (nothing when linked already). */
	public void linkLieu(String actorId, String lieuId, String origin, Instant now) {
		jdbc.sql("""
				insert into acteur_lieu (acteur_id, lieu_id, origine, lie_le) values (:actor, :lieu, :origin, :now)
				on conflict do nothing""")
			.param("actor", UUID.fromString(actorId))
			.param("lieu", lieuId)
			.param("origin", origin)
			.param("now", Timestamp.from(now))
			.update();
	}

	/** The actors linked to any of these lieux, by name. */
	public List<StoredActor> listActorsOfLieux(Collection<String> lieuIds) {
		if (lieuIds.isEmpty()) {
			return List.of();
		}
		return jdbc
			.sql(SELECT + " where a.id in (select acteur_id from acteur_lieu where lieu_id = any(:lieux)) "
					+ "order by lower(unaccent(a.nom)), a.id")
			.param("lieux", lieuIds.toArray(String[]::new))
			.query(JdbcActorRepository::actor)
			.list();
	}

	/** The published ids of an actor's lieux. */
	public List<String> listLieux(String actorId) {
		return jdbc.sql("select lieu_id from acteur_lieu where acteur_id = :actor order by lieu_id")
			.param("actor", UUID.fromString(actorId))
			.query(String.class)
			.list();
	}

	/** Records a consent given; nothing when one for that purpose is already in force. */
	public void insertConsent(String actorId, ConsentPurpose purpose, Instant now, String by) {
		jdbc.sql("""
				insert into acteur_consentement (id, acteur_id, objet, donne_le, enregistre_par)
				values (:id, :actor, :purpose, :now, :by)
				on conflict (acteur_id, objet) where retire_le is null do nothing""")
			.param("id", UUID.randomUUID())
			.param("actor", UUID.fromString(actorId))
			.param("purpose", purpose.code())
			.param("now", Timestamp.from(now))
			.param("by", by)
			.update();
	}

	/**
	 * Ends the consent in force for that purpose, keeping its record.
	 * @return whether one was in force
	 */
	public boolean withdrawConsent(String actorId, ConsentPurpose purpose, Instant now, String by, String reason) {
		return jdbc.sql("""
				update acteur_consentement set retire_le = :now, retire_par = :by, motif_retrait = :reason
				where acteur_id = :actor and objet = :purpose and retire_le is null""")
			.param("actor", UUID.fromString(actorId))
			.param("purpose", purpose.code())
			.param("now", Timestamp.from(now))
			.param("by", by)
			.param("reason", reason)
			.update() > 0;
	}

	/**
	 * Ends the consent in force for that purpose when it was given before that moment (a
	 * link sent before a new referent's consent does not withdraw it).
	 * @return whether one was in force
	 */
	public boolean withdrawConsentGrantedBefore(String actorId, ConsentPurpose purpose, Instant grantedBefore,
			Instant now, String by, String reason) {
		return jdbc.sql("""
				update acteur_consentement set retire_le = :now, retire_par = :by, motif_retrait = :reason
				where acteur_id = :actor and objet = :purpose and retire_le is null and donne_le <= :before""")
			.param("actor", UUID.fromString(actorId))
			.param("purpose", purpose.code())
			.param("before", Timestamp.from(grantedBefore))
			.param("now", Timestamp.from(now))
			.param("by", by)
			.param("reason", reason)
			.update() > 0;
	}

	/**
	 * Among these actors, those whose last consent for that purpose was withdrawn by that
	 * signature (and none is in force).
	 */
	public Set<String> listLastWithdrawnBy(Collection<String> actorIds, ConsentPurpose purpose, String by) {
		if (actorIds.isEmpty()) {
			return Set.of();
		}
		return Set.copyOf(jdbc.sql("""
				select distinct on (acteur_id) acteur_id::text as id, retire_par
				from acteur_consentement
				where acteur_id = any(cast(:actors as uuid[])) and objet = :purpose
				order by acteur_id, (retire_le is null) desc, retire_le desc""")
			.param("actors", actorIds.toArray(String[]::new))
			.param("purpose", purpose.code())
			.query((rs, row) -> by.equals(rs.getString("retire_par")) ? rs.getString("id") : "")
			.list()
			.stream()
			.filter(id -> !id.isEmpty())
			.toList());
	}

	/** Whether any of these actors' referents has a consent for that purpose in force. */
	public boolean hasConsentInForce(Collection<String> actorIds, ConsentPurpose purpose) {
		if (actorIds.isEmpty()) {
			return false;
		}
		return jdbc.sql("""
				select exists (select 1 from acteur_consentement
				    where acteur_id = any(cast(:actors as uuid[])) and objet = :purpose and retire_le is null)""")
			.param("actors", actorIds.toArray(String[]::new))
			.param("purpose", purpose.code())
			.query(Boolean.class)
			.single();
	}

	/** Every consent of an actor's referents, in force or withdrawn, latest first. */
	public List<ContactConsent> listConsents(String actorId) {
		return jdbc.sql("select * from acteur_consentement where acteur_id = :actor order by donne_le desc, id")
			.param("actor", UUID.fromString(actorId))
			.query((rs, row) -> new ContactConsent(rs.getString("id"),
					ConsentPurpose.findByCode(rs.getString("objet")).orElseThrow(),
					rs.getTimestamp("donne_le").toInstant(), rs.getString("enregistre_par"),
					instant(rs.getTimestamp("retire_le")), rs.getString("retire_par"), rs.getString("motif_retrait")))
			.list();
	}

	/** A read of referents' contact details, as logged. */
	public record Access(Instant at, String by, String action) {
	}

	/** Logs that an account read (or exported) these actors' referents. */
	public void logAccess(Collection<String> actorIds, @Nullable String accountId, String by, Instant now,
			String action) {
		if (actorIds.isEmpty()) {
			return;
		}
		jdbc.sql("""
				insert into acteur_acces (acteur_id, compte_id, par, moment, action)
				select unnest(cast(:actors as uuid[])), :account, :by, :now, :action""")
			.param("actors", actorIds.toArray(String[]::new))
			.param("account", accountId == null ? null : UUID.fromString(accountId))
			.param("by", by)
			.param("now", Timestamp.from(now))
			.param("action", action)
			.update();
	}

	public List<Access> listAccesses(String actorId, int limit) {
		return jdbc
			.sql("select moment, par, action from acteur_acces where acteur_id = :actor order by moment desc, id desc "
					+ "limit :limit")
			.param("actor", UUID.fromString(actorId))
			.param("limit", limit)
			.query((rs, row) -> new Access(rs.getTimestamp("moment").toInstant(), rs.getString("par"),
					rs.getString("action")))
			.list();
	}

	private static MapSqlParameterSource entry(ActorEntry entry, @Nullable EncryptedReferent referent) {
		return new MapSqlParameterSource().addValue("nom", entry.name())
			.addValue("siret", entry.siret())
			.addValue("type", entry.type().code())
			.addValue("departement", entry.departement())
			.addValue("epci", entry.epci())
			.addValue("competences", entry.competences().stream().map(Competence::code).sorted().toArray(String[]::new))
			.addValue("referentNom", referent == null ? null : referent.name())
			.addValue("referentCourriel", referent == null ? null : referent.email())
			.addValue("referentTelephone", referent == null ? null : referent.phone());
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	private static StoredActor actor(ResultSet rs, int row) throws SQLException {
		Set<Competence> competences = EnumSet.noneOf(Competence.class);
		Arrays.stream((String[]) rs.getArray("competences").getArray())
			.forEach(code -> Competence.findByCode(code).ifPresent(competences::add));
		String referentName = rs.getString("referent_nom");
		EncryptedReferent referent = referentName == null ? null : new EncryptedReferent(referentName,
				rs.getString("referent_courriel"), rs.getString("referent_telephone"));
		Map<ConsentPurpose, Instant> consents = new EnumMap<>(ConsentPurpose.class);
		String[] purposes = (String[]) rs.getArray("consentements").getArray();
		Timestamp[] dates = (Timestamp[]) rs.getArray("consentements_dates").getArray();
		for (int i = 0; i < purposes.length; i++) {
			int index = i;
			ConsentPurpose.findByCode(purposes[i])
				.ifPresent(purpose -> consents.put(purpose, dates[index].toInstant()));
		}
		return new StoredActor(rs.getString("id"), rs.getString("nom"), rs.getString("siret"),
				ActorType.findByCode(rs.getString("type")).orElse(ActorType.AUTRE), rs.getString("departement"),
				rs.getString("epci"), competences, referent, consents);
	}

}
