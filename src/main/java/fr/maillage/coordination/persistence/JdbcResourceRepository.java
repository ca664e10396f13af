package fr.maillage.coordination.persistence;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import fr.maillage.coordination.domain.ResourceRules;
import fr.maillage.coordination.domain.ResourceType;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The resources of the territories (table {@code ressource}), with their structure's
 * name.
 */
@Repository
public class JdbcResourceRepository {

	private final JdbcClient jdbc;

	JdbcResourceRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public record StoredResource(String id, String title, ResourceType type, String actorId, String actorName,
			String departement, @Nullable String epci, @Nullable String commune, @Nullable LocalDate from,
			@Nullable LocalDate to, @Nullable String link, @Nullable String description, int version,
			Instant modifiedAt, String modifiedBy) {
	}

	/**
	 * @param departements all when null
	 * @param epci only those of that EPCI when given
	 * @param words each word in the title, description or structure's name, whatever its
	 * accents and case
	 * @param currentOn only those not ended before that day, when given
	 */
	public List<StoredResource> listResources(@Nullable Collection<String> departements, @Nullable String epci,
			@Nullable ResourceType type, List<String> words, @Nullable LocalDate currentOn) {
		StringBuilder sql = new StringBuilder(
				"select r.*, a.nom as acteur_nom from ressource r join acteur a on a.id = r.acteur_id where true");
		MapSqlParameterSource params = new MapSqlParameterSource();
		if (departements != null) {
			sql.append(" and r.departement = any(:departements)");
			params.addValue("departements", departements.toArray(String[]::new));
		}
		if (epci != null) {
			sql.append(" and r.epci = :epci");
			params.addValue("epci", epci);
		}
		if (type != null) {
			sql.append(" and r.type = :type");
			params.addValue("type", type.code());
		}
		for (int i = 0; i < words.size(); i++) {
			sql.append(" and lower(unaccent(r.titre || ' ' || coalesce(r.description, '') || ' ' || a.nom))")
				.append(" like '%' || lower(unaccent(:mot")
				.append(i)
				.append(")) || '%'");
			params.addValue("mot" + i, words.get(i).replace("\\", "").replace("%", "").replace("_", ""));
		}
		if (currentOn != null) {
			sql.append(" and (r.au is null or r.au >= :today)");
			params.addValue("today", Date.valueOf(currentOn));
		}
		sql.append(" order by r.du nulls first, lower(unaccent(r.titre)), r.id");
		return jdbc.sql(sql.toString()).paramSource(params).query(JdbcResourceRepository::resource).list();
	}

	public List<StoredResource> listOfActors(Collection<String> actorIds) {
		return jdbc.sql("""
				select r.*, a.nom as acteur_nom from ressource r join acteur a on a.id = r.acteur_id
				where r.acteur_id = any(:ids) order by lower(unaccent(r.titre)), r.id""")
			.param("ids", actorIds.stream().map(UUID::fromString).toArray(UUID[]::new))
			.query(JdbcResourceRepository::resource)
			.list();
	}

	public Optional<StoredResource> findResource(String id) {
		UUID uuid = JdbcBodyRepository.uuid(id);
		if (uuid == null) {
			return Optional.empty();
		}
		return jdbc.sql(
				"select r.*, a.nom as acteur_nom from ressource r join acteur a on a.id = r.acteur_id where r.id = :id")
			.param("id", uuid)
			.query(JdbcResourceRepository::resource)
			.optional();
	}

	public void insertResource(String id, String actorId, ResourceRules.ResourceEntry entry, Instant now, String by) {
		jdbc.sql(
				"""
						insert into ressource (id, titre, type, acteur_id, departement, epci, commune, du, au, lien, description,
						    version, cree_le, cree_par, modifie_le, modifie_par)
						values (:id, :titre, :type, :acteur, :departement, :epci, :commune, :du, :au, :lien, :description, 0,
						    :now, :by, :now, :by)""")
			.paramSource(params(id, actorId, entry, now, by))
			.update();
	}

	/**
	 * @return false when it changed since {@code version} (or is gone)
	 */
	public boolean updateResource(String id, int version, String actorId, ResourceRules.ResourceEntry entry,
			Instant now, String by) {
		return jdbc.sql("""
				update ressource set titre = :titre, type = :type, acteur_id = :acteur, departement = :departement,
				    epci = :epci, commune = :commune, du = :du, au = :au, lien = :lien, description = :description,
				    version = version + 1, modifie_le = :now, modifie_par = :by
				where id = :id and version = :version""")
			.paramSource(params(id, actorId, entry, now, by).addValue("version", version))
			.update() == 1;
	}

	public void deleteResource(String id) {
		jdbc.sql("delete from ressource where id = :id").param("id", UUID.fromString(id)).update();
	}

	private static MapSqlParameterSource params(String id, String actorId, ResourceRules.ResourceEntry entry,
			Instant now, String by) {
		return new MapSqlParameterSource().addValue("id", UUID.fromString(id))
			.addValue("titre", entry.title())
			.addValue("type", entry.type().code())
			.addValue("acteur", UUID.fromString(actorId))
			.addValue("departement", entry.departement())
			.addValue("epci", entry.epci())
			.addValue("commune", entry.commune())
			.addValue("du", entry.from() == null ? null : Date.valueOf(entry.from()))
			.addValue("au", entry.to() == null ? null : Date.valueOf(entry.to()))
			.addValue("lien", entry.link())
			.addValue("description", entry.description())
			.addValue("now", Timestamp.from(now))
			.addValue("by", by);
	}

	private static StoredResource resource(ResultSet rs, int row) throws SQLException {
		Date from = rs.getDate("du");
		Date to = rs.getDate("au");
		return new StoredResource(rs.getString("id"), rs.getString("titre"),
				ResourceType.findByCode(rs.getString("type")).orElseThrow(), rs.getString("acteur_id"),
				rs.getString("acteur_nom"), rs.getString("departement"), rs.getString("epci"), rs.getString("commune"),
				from == null ? null : from.toLocalDate(), to == null ? null : to.toLocalDate(), rs.getString("lien"),
				rs.getString("description"), rs.getInt("version"), rs.getTimestamp("modifie_le").toInstant(),
				rs.getString("modifie_par"));
	}

}
