package fr.maillage.opendata.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs of source connectors (table {@code source_execution}). Every write commits on its
 * own, outside the run's transaction, so that another request — on any instance — sees a
 * run's progress while it runs, and its failure after the run's transaction rolled back.
 */
@Repository
public class JdbcSourceRunRepository {

	private final JdbcClient jdbc;

	private final TransactionTemplate separately;

	JdbcSourceRunRepository(JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.separately = new TransactionTemplate(transactions);
		this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * @param status {@code en_cours}, {@code terminee} or {@code echouee}
	 * @param trigger {@code manuel} or {@code planifie}
	 * @param stage what a running run is doing: {@code lecture} or {@code publication}
	 */
	public record SourceRun(String id, String source, String status, String trigger, Instant startedAt,
			@Nullable Instant finishedAt, @Nullable String stage, int read, @Nullable String importId,
			@Nullable String message) {
	}

	public String start(String source, String trigger, Instant now) {
		UUID id = UUID.randomUUID();
		separately.executeWithoutResult(status -> jdbc
			.sql("insert into source_execution (id, source, statut, declenchement, debut, etape) "
					+ "values (:id, :source, 'en_cours', :trigger, :now, 'lecture')")
			.param("id", id)
			.param("source", source)
			.param("trigger", trigger)
			.param("now", Timestamp.from(now))
			.update());
		return id.toString();
	}

	public void progress(String id, String stage, int read) {
		separately.executeWithoutResult(
				status -> jdbc.sql("update source_execution set etape = :stage, lues = :read where id = :id")
					.param("id", UUID.fromString(id))
					.param("stage", stage)
					.param("read", read)
					.update());
	}

	public void finish(String id, String status, int read, @Nullable String importId, @Nullable String message,
			Instant now) {
		separately.executeWithoutResult(transaction -> jdbc
			.sql("update source_execution set statut = :status, etape = null, lues = :read, import_id = :import, "
					+ "message = :message, fin = :now where id = :id")
			.param("id", UUID.fromString(id))
			.param("status", status)
			.param("read", read)
			.param("import", importId == null ? null : UUID.fromString(importId))
			.param("message", message)
			.param("now", Timestamp.from(now))
			.update());
	}

	public List<SourceRun> listRuns(String source, int limit) {
		return jdbc.sql("select * from source_execution where source = :source order by debut desc, id limit :limit")
			.param("source", source)
			.param("limit", limit)
			.query(JdbcSourceRunRepository::mapRun)
			.list();
	}

	public Optional<SourceRun> findRun(String source, String id) {
		UUID uuid;
		try {
			uuid = UUID.fromString(id);
		}
		catch (IllegalArgumentException notAnId) {
			return Optional.empty();
		}
		return jdbc.sql("select * from source_execution where source = :source and id = :id")
			.param("source", source)
			.param("id", uuid)
			.query(JdbcSourceRunRepository::mapRun)
			.optional();
	}

	private static SourceRun mapRun(ResultSet rs, int row) throws SQLException {
		Timestamp finishedAt = rs.getTimestamp("fin");
		return new SourceRun(rs.getString("id"), rs.getString("source"), rs.getString("statut"),
				rs.getString("declenchement"), rs.getTimestamp("debut").toInstant(),
				finishedAt == null ? null : finishedAt.toInstant(), rs.getString("etape"), rs.getInt("lues"),
				rs.getString("import_id"), rs.getString("message"));
	}

}
