package fr.maillage.opendata.persistence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the sources did to a lieu, read from the append-only tables: decisions on its
 * records' pairs, its sources' deliveries and what each import changed in its records.
 */
@Repository
public class JdbcSourceHistoryRepository {

	private final JdbcClient jdbc;

	JdbcSourceHistoryRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A decision on a pair of source records.
	 *
	 * @param status {@code fusionner} or {@code distincts}
	 * @param recordA,recordB each record as "source id-in-source"
	 */
	public record PairDecision(Instant at, String author, String status, String recordA, String recordB) {
	}

	/** A source's last delivery of one of the lieu's records. */
	public record Delivery(Instant at, String source, String sourceId) {
	}

	/** One field an import changed in one of the lieu's records. */
	public record ImportedChange(String recordId, Instant at, String source, String field, String before,
			String after) {
	}

	/** Decided pairs of which one record is in the lieu. */
	public List<PairDecision> listPairDecisions(UUID lieuId) {
		return jdbc.sql("""
				select d.decide_le, d.auteur, d.statut, a.import_source || ' ' || a.source_id as a,
				       b.import_source || ' ' || b.source_id as b
				from doublon d join lieu_source a on a.id = d.lieu_a join lieu_source b on b.id = d.lieu_b
				where d.statut <> 'a_examiner'
				  and (d.lieu_a in (select source_record_id from lieu_membre where lieu_id = :id)
				    or d.lieu_b in (select source_record_id from lieu_membre where lieu_id = :id))""")
			.param("id", lieuId)
			.query((rs, row) -> new PairDecision(rs.getTimestamp("decide_le").toInstant(), rs.getString("auteur"),
					rs.getString("statut"), rs.getString("a"), rs.getString("b")))
			.list();
	}

	public List<Delivery> listDeliveries(UUID lieuId) {
		return jdbc.sql("""
				select s.updated_at, s.import_source, s.source_id from lieu_source s
				join lieu_membre m on m.source_record_id = s.id where m.lieu_id = :id""")
			.param("id", lieuId)
			.query((rs, row) -> new Delivery(rs.getTimestamp("updated_at").toInstant(), rs.getString("import_source"),
					rs.getString("source_id")))
			.list();
	}

	/**
	 * Fields imports changed in the lieu's records (but its id and date), by replacement
	 * then field.
	 */
	public List<ImportedChange> listImportedChanges(UUID lieuId) {
		return jdbc.sql("""
				select h.source_record_id, h.remplace_le, h.import_source, k.key as champ,
				       coalesce(h.avant ->> k.key, '') as avant, coalesce(h.apres ->> k.key, '') as apres
				from lieu_source_historique h
				join lieu_membre m on m.source_record_id = h.source_record_id,
				jsonb_object_keys(h.apres) as k(key)
				where m.lieu_id = :id and h.avant -> k.key is distinct from h.apres -> k.key
				  and k.key not in ('id', 'date_maj')
				order by h.remplace_le, k.key""")
			.param("id", lieuId)
			.query((rs, row) -> new ImportedChange(rs.getString("source_record_id"),
					rs.getTimestamp("remplace_le").toInstant(), rs.getString("import_source"), rs.getString("champ"),
					rs.getString("avant"), rs.getString("apres")))
			.list();
	}

}
