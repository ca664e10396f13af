package fr.maillage.opendata.persistence;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The organizations of the HSDS 3.0 API (issue 19, docs/hsds.md), derived from the
 * published lieux: the same key as
 * {@code fr.maillage.opendata.publishing.hsds.HsdsRecords#organizationKey} — a real
 * SIRET, else the parent structure's name, else the lieu itself.
 */
@Repository
public class JdbcHsdsRepository {

	private static final String KEY = """
			case when l.pivot ~ '^[0-9]{14}$' and l.pivot <> '00000000000000' then 'siret:' || l.pivot
			     when btrim(coalesce(l.structure_parente, ''), E' \\t\\n\\r') <> ''
			          then 'structure:' || btrim(l.structure_parente, E' \\t\\n\\r')
			     else 'lieu:' || l.id::text end""";

	/**
	 * One organization.
	 *
	 * @param name its parent structure's name when a lieu gives one, else the first
	 * lieu's name
	 */
	public record OrganizationRow(String key, String name, int lieux) {
	}

	private final JdbcClient jdbc;

	JdbcHsdsRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every organization of the published directory, by key. */
	public List<OrganizationRow> listOrganizations() {
		return jdbc.sql("select k.key, coalesce(min(k.structure), min(k.nom)), count(*) from (select " + KEY
				+ " as key, nullif(btrim(l.structure_parente, E' \\t\\n\\r'), '') as structure, l.nom from lieu l) k "
				+ "group by k.key order by k.key")
			.query((rs, row) -> new OrganizationRow(rs.getString(1), rs.getString(2), rs.getInt(3)))
			.list();
	}

	/** The organization with this key. */
	public java.util.Optional<OrganizationRow> findOrganization(String key) {
		return jdbc.sql("select k.key, coalesce(min(k.structure), min(k.nom)), count(*) from (select " + KEY
				+ " as key, nullif(btrim(l.structure_parente, E' \\t\\n\\r'), '') as structure, l.nom from lieu l) k "
				+ "where k.key = :key group by k.key")
			.param("key", key)
			.query((rs, row) -> new OrganizationRow(rs.getString(1), rs.getString(2), rs.getInt(3)))
			.optional();
	}

	/** The ids of the published lieux of one organization. */
	public List<String> listLieuIds(String key) {
		return jdbc.sql("select l.id::text from lieu l where " + KEY + " = :key order by l.nom, l.id")
			.param("key", key)
			.query(String.class)
			.list();
	}

}
