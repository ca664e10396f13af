package fr.maillage.coordination.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import fr.maillage.coordination.domain.BodyRules;
import fr.maillage.coordination.domain.BodyType;
import fr.maillage.coordination.domain.MemberRole;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Governance bodies and their member structures (tables {@code instance},
 * {@code instance_membre} of V29_1). Every change of a body or of its members raises its
 * {@code version}: a change made on an older version updates nothing.
 */
@Repository
public class JdbcBodyRepository {

	private final JdbcClient jdbc;

	JdbcBodyRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A body as stored. */
	public record StoredBody(String id, String name, BodyType type, String departement, @Nullable String epci,
			@Nullable String secteur, @Nullable String description, int version, Instant modifiedAt,
			String modifiedBy) {
	}

	/** A member structure, with its actor's name and type. */
	public record StoredMember(String actorId, String name, String actorType, MemberRole role) {
	}

	public List<StoredBody> listBodies(@Nullable Collection<String> departements) {
		String where = departements == null ? "" : " where departement = any(:departements)";
		var spec = jdbc.sql("select * from instance" + where + " order by departement, lower(unaccent(nom)), id");
		if (departements != null) {
			spec = spec.param("departements", departements.toArray(String[]::new));
		}
		return spec.query(JdbcBodyRepository::body).list();
	}

	public Optional<StoredBody> findBody(String id) {
		UUID uuid = uuid(id);
		if (uuid == null) {
			return Optional.empty();
		}
		return jdbc.sql("select * from instance where id = :id")
			.param("id", uuid)
			.query(JdbcBodyRepository::body)
			.optional();
	}

	public void insertBody(String id, BodyRules.BodyEntry entry, Instant now, String by) {
		jdbc.sql(
				"""
						insert into instance (id, nom, type, departement, epci, secteur, description, version, cree_le, cree_par,
						    modifie_le, modifie_par)
						values (:id, :nom, :type, :departement, :epci, :secteur, :description, 0, :now, :by, :now, :by)""")
			.param("id", UUID.fromString(id))
			.param("nom", entry.name())
			.param("type", entry.type().code())
			.param("departement", entry.departement())
			.param("epci", entry.epci())
			.param("secteur", entry.secteur())
			.param("description", entry.description())
			.param("now", Timestamp.from(now))
			.param("by", by)
			.update();
	}

	/**
	 * @return false when the body changed since {@code version} (or is gone)
	 */
	public boolean updateBody(String id, int version, BodyRules.BodyEntry entry, Instant now, String by) {
		return jdbc.sql("""
				update instance set nom = :nom, type = :type, departement = :departement, epci = :epci,
				    secteur = :secteur, description = :description, version = version + 1, modifie_le = :now,
				    modifie_par = :by
				where id = :id and version = :version""")
			.param("id", UUID.fromString(id))
			.param("version", version)
			.param("nom", entry.name())
			.param("type", entry.type().code())
			.param("departement", entry.departement())
			.param("epci", entry.epci())
			.param("secteur", entry.secteur())
			.param("description", entry.description())
			.param("now", Timestamp.from(now))
			.param("by", by)
			.update() == 1;
	}

	/** Takes the body's next version for a change of its members. */
	public boolean touchBody(String id, int version, Instant now, String by) {
		return jdbc
			.sql("update instance set version = version + 1, modifie_le = :now, modifie_par = :by "
					+ "where id = :id and version = :version")
			.param("id", UUID.fromString(id))
			.param("version", version)
			.param("now", Timestamp.from(now))
			.param("by", by)
			.update() == 1;
	}

	public void deleteBody(String id) {
		jdbc.sql("delete from instance where id = :id").param("id", UUID.fromString(id)).update();
	}

	/** Members by role (porteur first), then name. */
	public List<StoredMember> listMembers(String bodyId) {
		return jdbc.sql("""
				select m.acteur_id, a.nom, a.type, m.role from instance_membre m join acteur a on a.id = m.acteur_id
				where m.instance_id = :id
				order by array_position(array['porteur', 'co_porteur', 'financeur', 'membre'], m.role),
				    lower(unaccent(a.nom))""")
			.param("id", UUID.fromString(bodyId))
			.query((rs, row) -> new StoredMember(rs.getString("acteur_id"), rs.getString("nom"), rs.getString("type"),
					MemberRole.findByCode(rs.getString("role")).orElseThrow()))
			.list();
	}

	/** Replaces the members: those absent leave, the others keep their date of entry. */
	public void replaceMembers(String bodyId, List<Member> members, Instant now, String by) {
		UUID id = UUID.fromString(bodyId);
		jdbc.sql("delete from instance_membre where instance_id = :id and not (acteur_id = any(:kept))")
			.param("id", id)
			.param("kept", members.stream().map(member -> UUID.fromString(member.actorId())).toArray(UUID[]::new))
			.update();
		for (Member member : members) {
			jdbc.sql("""
					insert into instance_membre (instance_id, acteur_id, role, ajoute_le, ajoute_par)
					values (:id, :acteur, :role, :now, :by)
					on conflict (instance_id, acteur_id) do update set role = excluded.role""")
				.param("id", id)
				.param("acteur", UUID.fromString(member.actorId()))
				.param("role", member.role().code())
				.param("now", Timestamp.from(now))
				.param("by", by)
				.update();
		}
	}

	public record Member(String actorId, MemberRole role) {
	}

	private static StoredBody body(ResultSet rs, int row) throws SQLException {
		return new StoredBody(rs.getString("id"), rs.getString("nom"),
				BodyType.findByCode(rs.getString("type")).orElseThrow(), rs.getString("departement"),
				rs.getString("epci"), rs.getString("secteur"), rs.getString("description"), rs.getInt("version"),
				rs.getTimestamp("modifie_le").toInstant(), rs.getString("modifie_par"));
	}

	static @Nullable UUID uuid(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException notAnId) {
			return null;
		}
	}

}
