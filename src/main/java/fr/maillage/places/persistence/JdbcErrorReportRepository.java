package fr.maillage.places.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import fr.maillage.places.ErrorReport;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reports of errors on places (table {@code signalement}). */
@Repository
public class JdbcErrorReportRepository {

	private final JdbcClient jdbc;

	JdbcErrorReportRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(ErrorReport report) {
		jdbc.sql("""
				insert into signalement (id, lieu_id, champ, message, courriel, statut, cree_le)
				values (:id, :lieu, :champ, :message, :courriel, :statut, :cree_le)""")
			.param("id", UUID.fromString(report.id()))
			.param("lieu", UUID.fromString(report.placeId()))
			.param("champ", report.field())
			.param("message", report.message())
			.param("courriel", report.email())
			.param("statut", report.status())
			.param("cree_le", Timestamp.from(report.createdAt()))
			.update();
	}

	public int countSince(String placeId, Instant since) {
		return jdbc.sql("select count(*) from signalement where lieu_id = :lieu and cree_le >= :since")
			.param("lieu", UUID.fromString(placeId))
			.param("since", Timestamp.from(since))
			.query(Integer.class)
			.single();
	}

	public List<ErrorReport> listByStatus(String status) {
		return jdbc.sql("select * from signalement where statut = :statut order by cree_le")
			.param("statut", status)
			.query((rs, row) -> new ErrorReport(rs.getString("id"), rs.getString("lieu_id"), rs.getString("champ"),
					rs.getString("message"), rs.getString("courriel"), rs.getString("statut"),
					rs.getTimestamp("cree_le").toInstant()))
			.list();
	}

}
