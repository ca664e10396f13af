package fr.maillage.fragility.persistence;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Fragility inputs in PostgreSQL (tables of migration V6). */
@Repository
public class JdbcFragilityRepository {

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	JdbcFragilityRepository(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	/** A value of an indicator for a commune or an IRIS. */
	public record ValueRow(String niveau, String code, String commune, String indicateur, double valeur,
			@Nullable Long population) {
	}

	/**
	 * A score published by La Mednum; {@code indicateur} is an indicator code or "total".
	 */
	public record PublishedRow(String division, String code, @Nullable String nom, String indicateur, double score) {
	}

	public void saveImport(UUID id, String type, @Nullable String file, int read, int accepted, String rejectsJson) {
		jdbc.sql("""
				insert into fragilite_import (id, type, fichier, lues, acceptees, rejets)
				values (:id, :type, :fichier, :lues, :acceptees, cast(:rejets as jsonb))""")
			.param("id", id)
			.param("type", type)
			.param("fichier", file)
			.param("lues", read)
			.param("acceptees", accepted)
			.param("rejets", rejectsJson)
			.update();
	}

	public void upsertValues(UUID importId, List<ValueRow> rows) {
		template.batchUpdate("""
				insert into fragilite_valeur (niveau, code, commune, indicateur, valeur, population, import_id)
				values (?, ?, ?, ?, ?, ?, ?)
				on conflict (niveau, code, indicateur) do update set commune = excluded.commune,
				  valeur = excluded.valeur, population = excluded.population, import_id = excluded.import_id""",
				new BatchPreparedStatementSetter() {

					@Override
					public void setValues(PreparedStatement statement, int i) throws SQLException {
						ValueRow row = rows.get(i);
						statement.setString(1, row.niveau());
						statement.setString(2, row.code());
						statement.setString(3, row.commune());
						statement.setString(4, row.indicateur());
						statement.setDouble(5, row.valeur());
						statement.setObject(6, row.population());
						statement.setObject(7, importId);
					}

					@Override
					public int getBatchSize() {
						return rows.size();
					}

				});
	}

	public void upsertPublished(UUID importId, List<PublishedRow> rows) {
		template.batchUpdate("""
				insert into fragilite_score_publie (division, code, nom, indicateur, score, import_id)
				values (?, ?, ?, ?, ?, ?)
				on conflict (division, code, indicateur) do update set nom = excluded.nom, score = excluded.score,
				  import_id = excluded.import_id""", new BatchPreparedStatementSetter() {

			@Override
			public void setValues(PreparedStatement statement, int i) throws SQLException {
				PublishedRow row = rows.get(i);
				statement.setString(1, row.division());
				statement.setString(2, row.code());
				statement.setString(3, row.nom());
				statement.setString(4, row.indicateur());
				statement.setDouble(5, row.score());
				statement.setObject(6, importId);
			}

			@Override
			public int getBatchSize() {
				return rows.size();
			}

		});
	}

	public List<ValueRow> listValues() {
		return jdbc.sql("select niveau, code, commune, indicateur, valeur, population from fragilite_valeur")
			.query((rs, row) -> new ValueRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getDouble(5), rs.getObject(6) == null ? null : rs.getLong(6)))
			.list();
	}

	public List<PublishedRow> listPublished(String division) {
		return jdbc.sql("select division, code, nom, indicateur, score from fragilite_score_publie where division = :d")
			.param("d", division)
			.query((rs, row) -> new PublishedRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getDouble(5)))
			.list();
	}

	/**
	 * Changes whenever an import lands, so that every instance sharing the database sees
	 * that its cached inputs are stale.
	 */
	public String inputsVersion() {
		return jdbc.sql("select count(*) || '/' || coalesce(max(importe_le)::text, '') from fragilite_import")
			.query(String.class)
			.single();
	}

}
