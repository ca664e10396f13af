package fr.maillage.contributions.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import fr.maillage.contributions.domain.Structure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Structures (table {@code structure}) and the lieux attached to them (table
 * {@code structure_lieu}, one structure per lieu).
 */
@Repository
public class JdbcStructureRepository {

	private final JdbcClient jdbc;

	JdbcStructureRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The structure that holds the lieu, if one does. */
	public Optional<String> findStructureId(String lieuId) {
		return jdbc.sql("select structure_id from structure_lieu where lieu_id = :id")
			.param("id", UUID.fromString(lieuId))
			.query(String.class)
			.optional();
	}

	/** The structure the lieu is attached to. */
	public Optional<Structure> findStructureOf(UUID lieuId) {
		return jdbc
			.sql("select s.id, s.nom from structure s join structure_lieu l on l.structure_id = s.id "
					+ "where l.lieu_id = :lieu")
			.param("lieu", lieuId)
			.query((rs, row) -> new Structure(rs.getString("id"), rs.getString("nom")))
			.optional();
	}

	public Optional<String> findStructureName(UUID id) {
		return jdbc.sql("select nom from structure where id = :id").param("id", id).query(String.class).optional();
	}

	/** The oldest structure of that name, whatever its case. */
	public Optional<Structure> findStructureByName(String name) {
		return jdbc.sql("select id, nom from structure where lower(nom) = lower(:name) order by cree_le limit 1")
			.param("name", name)
			.query((rs, row) -> new Structure(rs.getString("id"), rs.getString("nom")))
			.optional();
	}

	/** The ids of the lieux attached to any of these structures. */
	public List<String> listLieuIds(List<UUID> structures) {
		return jdbc.sql("select lieu_id from structure_lieu where structure_id = any(:structures)")
			.param("structures", structures.toArray(UUID[]::new))
			.query(String.class)
			.list();
	}

	/**
	 * @param by the creator's signature
	 */
	public Structure createStructure(String name, Instant now, String by) {
		String id = UUID.randomUUID().toString();
		jdbc.sql("insert into structure (id, nom, cree_le, cree_par) values (:id, :name, :now, :by)")
			.param("id", UUID.fromString(id))
			.param("name", name)
			.param("now", Timestamp.from(now))
			.param("by", by)
			.update();
		return new Structure(id, name);
	}

	/**
	 * Attaches the lieu to the structure, instead of the one it was attached to if any.
	 * @param by the signature of who attaches it
	 */
	public void attach(UUID lieuId, UUID structureId, Instant now, String by) {
		jdbc.sql(
				"""
						insert into structure_lieu (lieu_id, structure_id, rattache_le, rattache_par) values (:lieu, :structure, :now, :by)
						on conflict (lieu_id) do update set structure_id = excluded.structure_id,
						rattache_le = excluded.rattache_le, rattache_par = excluded.rattache_par""")
			.param("lieu", lieuId)
			.param("structure", structureId)
			.param("now", Timestamp.from(now))
			.param("by", by)
			.update();
	}

}
