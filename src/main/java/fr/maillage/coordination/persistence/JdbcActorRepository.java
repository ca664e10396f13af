package fr.maillage.coordination.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import fr.maillage.coordination.domain.Actor;
import fr.maillage.coordination.domain.ActorEntry;
import fr.maillage.coordination.domain.ActorType;
import fr.maillage.coordination.domain.Competence;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The actors directory (table {@code acteur}). */
@Repository
public class JdbcActorRepository {

	private final JdbcClient jdbc;

	JdbcActorRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Actors acting in these départements (all when null), of that type and with that
	 * competence when given, by name.
	 */
	public List<Actor> listActors(@Nullable Collection<String> departements, @Nullable ActorType type,
			@Nullable Competence competence) {
		StringBuilder sql = new StringBuilder("select * from acteur where true");
		MapSqlParameterSource params = new MapSqlParameterSource();
		if (departements != null) {
			sql.append(" and departement = any(:departements)");
			params.addValue("departements", departements.toArray(String[]::new));
		}
		if (type != null) {
			sql.append(" and type = :type");
			params.addValue("type", type.code());
		}
		if (competence != null) {
			sql.append(" and :competence = any(competences)");
			params.addValue("competence", competence.code());
		}
		sql.append(" order by lower(unaccent(nom)), id");
		return jdbc.sql(sql.toString()).paramSource(params).query(JdbcActorRepository::actor).list();
	}

	public Optional<Actor> findBySiret(String siret) {
		return jdbc.sql("select * from acteur where siret = :siret")
			.param("siret", siret)
			.query(JdbcActorRepository::actor)
			.optional();
	}

	/** The actor of that name (whatever its case and accents) in that département. */
	public Optional<Actor> findByName(String name, String departement) {
		return jdbc
			.sql("select * from acteur where lower(unaccent(nom)) = lower(unaccent(:name)) "
					+ "and departement = :departement order by cree_le limit 1")
			.param("name", name)
			.param("departement", departement)
			.query(JdbcActorRepository::actor)
			.optional();
	}

	/**
	 * @return the new actor's id
	 */
	public String insertActor(ActorEntry entry, Instant now, String by) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into acteur (id, nom, siret, type, departement, epci, competences, referent_nom,
				    referent_courriel, referent_telephone, consentement_contact, cree_le, cree_par, modifie_le,
				    modifie_par)
				values (:id, :nom, :siret, :type, :departement, :epci, :competences, :referentNom, :referentCourriel,
				    :referentTelephone, :consentement, :now, :by, :now, :by)""")
			.paramSource(entry(entry).addValue("id", id).addValue("now", Timestamp.from(now)).addValue("by", by))
			.update();
		return id.toString();
	}

	public void updateActor(String id, ActorEntry entry, Instant now, String by) {
		jdbc.sql("""
				update acteur set nom = :nom, siret = :siret, type = :type, departement = :departement, epci = :epci,
				    competences = :competences, referent_nom = :referentNom, referent_courriel = :referentCourriel,
				    referent_telephone = :referentTelephone, consentement_contact = :consentement,
				    modifie_le = :now, modifie_par = :by
				where id = :id""")
			.paramSource(entry(entry).addValue("id", UUID.fromString(id))
				.addValue("now", Timestamp.from(now))
				.addValue("by", by))
			.update();
	}

	private static MapSqlParameterSource entry(ActorEntry entry) {
		ActorEntry.Referent referent = entry.referent();
		return new MapSqlParameterSource().addValue("nom", entry.name())
			.addValue("siret", entry.siret())
			.addValue("type", entry.type().code())
			.addValue("departement", entry.departement())
			.addValue("epci", entry.epci())
			.addValue("competences", entry.competences().stream().map(Competence::code).sorted().toArray(String[]::new))
			.addValue("referentNom", referent == null ? null : referent.name())
			.addValue("referentCourriel", referent == null ? null : referent.email())
			.addValue("referentTelephone", referent == null ? null : referent.phone())
			.addValue("consentement", referent != null && referent.contactConsent());
	}

	private static Actor actor(ResultSet rs, int row) throws SQLException {
		Set<Competence> competences = EnumSet.noneOf(Competence.class);
		Arrays.stream((String[]) rs.getArray("competences").getArray())
			.forEach(code -> Competence.findByCode(code).ifPresent(competences::add));
		String referentName = rs.getString("referent_nom");
		ActorEntry.Referent referent = referentName == null ? null
				: new ActorEntry.Referent(referentName, rs.getString("referent_courriel"),
						rs.getString("referent_telephone"), rs.getBoolean("consentement_contact"));
		return new Actor(rs.getString("id"),
				new ActorEntry(rs.getString("nom"), rs.getString("siret"),
						ActorType.findByCode(rs.getString("type")).orElse(ActorType.AUTRE), rs.getString("departement"),
						rs.getString("epci"), competences, referent));
	}

}
