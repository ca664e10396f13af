package fr.maillage.places.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import fr.maillage.places.ErrorReport;
import fr.maillage.places.ErrorReportDecision;
import org.jspecify.annotations.Nullable;
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
			.query(JdbcErrorReportRepository::mapReport)
			.list();
	}

	/** Reports of that status on the lieux of these départements ({@code null}: all). */
	public List<ErrorReport> listByStatus(String status, @Nullable Collection<String> departements) {
		if (departements == null) {
			return listByStatus(status);
		}
		return jdbc
			.sql("select s.* from signalement s join lieu l on l.id = s.lieu_id where s.statut = :statut "
					+ "and l.departement = any(:departements) order by s.cree_le")
			.param("statut", status)
			.param("departements", departements.toArray(String[]::new))
			.query(JdbcErrorReportRepository::mapReport)
			.list();
	}

	public Optional<ErrorReport> findById(String id) {
		return jdbc.sql("select * from signalement where id = :id")
			.param("id", UUID.fromString(id))
			.query(JdbcErrorReportRepository::mapReport)
			.optional();
	}

	/** The decided reports of a place, in no particular order. */
	public List<ErrorReportDecision> listDecided(String placeId) {
		return jdbc.sql("select * from signalement where lieu_id = :lieu and decide_le is not null")
			.param("lieu", UUID.fromString(placeId))
			.query((rs, row) -> new ErrorReportDecision(mapReport(rs, row), rs.getTimestamp("decide_le").toInstant(),
					rs.getString("decide_par"), rs.getString("reponse")))
			.list();
	}

	/** Decides a report still to examine; false when someone decided it meanwhile. */
	public boolean decide(String id, String status, String decidedBy, @Nullable String reply, Instant now) {
		return jdbc
			.sql("update signalement set statut = :status, decide_par = :by, decide_le = :now, reponse = :reply "
					+ "where id = :id and statut = 'a_examiner'")
			.param("id", UUID.fromString(id))
			.param("status", status)
			.param("by", decidedBy)
			.param("reply", reply)
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	private static ErrorReport mapReport(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new ErrorReport(rs.getString("id"), rs.getString("lieu_id"), rs.getString("champ"),
				rs.getString("message"), rs.getString("courriel"), rs.getString("statut"),
				rs.getTimestamp("cree_le").toInstant());
	}

}
