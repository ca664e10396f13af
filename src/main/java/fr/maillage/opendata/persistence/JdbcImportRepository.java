package fr.maillage.opendata.persistence;

import java.sql.Array;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import javax.sql.DataSource;

import fr.maillage.shared.importing.ImportIssue;
import fr.maillage.shared.database.PostgresCopy;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Import runs, their issues and their rejected rows (tables {@code import_run},
 * {@code import_issue}, …).
 */
@Repository
public class JdbcImportRepository {

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	private final DataSource dataSource;

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate named;

	private final NamedParameterJdbcTemplate streaming;

	JdbcImportRepository(DataSource dataSource, JdbcClient jdbc) {
		this.dataSource = dataSource;
		this.jdbc = jdbc;
		this.named = new NamedParameterJdbcTemplate(dataSource);
		JdbcTemplate template = new JdbcTemplate(dataSource);
		template.setFetchSize(1000);
		this.streaming = new NamedParameterJdbcTemplate(template);
	}

	public record Run(UUID id, String importSource, @Nullable String fileName, String fileFormat, String schemaVersion,
			Instant startedAt, Instant finishedAt, int lues, int acceptees, int rejetees, int nouvelles, int modifiees,
			int inchangees, List<String> columns) {
	}

	/** A rejected row: its original values by column and the reasons, joined. */
	public record RejectedRow(long ligne, Map<String, String> rawValues, String reasons) {
	}

	public void insertRun(Run run) {
		jdbc.sql("""
				insert into import_run (id, import_source, file_name, file_format, schema_version, started_at,
				  finished_at, lues, acceptees, rejetees, columns)
				values (:id, :source, :file, :format, :version, :started, :finished, :lues, :acceptees, :rejetees,
				  :columns)""")
			.param("id", run.id())
			.param("source", run.importSource())
			.param("file", run.fileName())
			.param("format", run.fileFormat())
			.param("version", run.schemaVersion())
			.param("started", Timestamp.from(run.startedAt()))
			.param("finished", Timestamp.from(run.finishedAt()))
			.param("lues", run.lues())
			.param("acceptees", run.acceptees())
			.param("rejetees", run.rejetees())
			.param("columns", run.columns().toArray(String[]::new))
			.update();
	}

	public void finishRun(Run run) {
		jdbc.sql("""
				update import_run set file_format = :format, schema_version = :version, finished_at = :finished,
				  lues = :lues, acceptees = :acceptees, rejetees = :rejetees, nouvelles = :nouvelles,
				  modifiees = :modifiees, inchangees = :inchangees, columns = :columns
				where id = :id""")
			.param("nouvelles", run.nouvelles())
			.param("modifiees", run.modifiees())
			.param("inchangees", run.inchangees())
			.param("id", run.id())
			.param("format", run.fileFormat())
			.param("version", run.schemaVersion())
			.param("finished", Timestamp.from(run.finishedAt()))
			.param("lues", run.lues())
			.param("acceptees", run.acceptees())
			.param("rejetees", run.rejetees())
			.param("columns", run.columns().toArray(String[]::new))
			.update();
	}

	public Optional<Run> findRun(UUID id) {
		return jdbc.sql("select * from import_run where id = :id").param("id", id).query((rs, row) -> {
			Array columns = rs.getArray("columns");
			return new Run(rs.getObject("id", UUID.class), rs.getString("import_source"), rs.getString("file_name"),
					rs.getString("file_format"), rs.getString("schema_version"),
					rs.getTimestamp("started_at").toInstant(), rs.getTimestamp("finished_at").toInstant(),
					rs.getInt("lues"), rs.getInt("acceptees"), rs.getInt("rejetees"), rs.getInt("nouvelles"),
					rs.getInt("modifiees"), rs.getInt("inchangees"), Arrays.asList((String[]) columns.getArray()));
		}).optional();
	}

	/**
	 * @param firstPosition position of the first issue of the batch in the run's issue
	 * list
	 */
	public void insertIssues(UUID importId, String severity, int firstPosition, List<ImportIssue> issues) {
		List<List<Object>> rows = new ArrayList<>(issues.size());
		for (int i = 0; i < issues.size(); i++) {
			ImportIssue issue = issues.get(i);
			rows.add(Arrays.asList(importId, firstPosition + i, severity, issue.ligne(), issue.champ(), issue.valeur(),
					issue.message()));
		}
		PostgresCopy.copyIn(dataSource, "copy import_issue (import_id, position, severity, ligne, champ, valeur, "
				+ "message) from stdin with (format csv)", rows);
	}

	public void insertRejectedRows(UUID importId, List<RejectedRow> rows) {
		if (rows.isEmpty()) {
			return;
		}
		MapSqlParameterSource[] batch = rows.stream()
			.map(row -> new MapSqlParameterSource().addValue("id", importId)
				.addValue("ligne", row.ligne())
				.addValue("raw", JSON.writeValueAsString(row.rawValues()))
				.addValue("reasons", row.reasons()))
			.toArray(MapSqlParameterSource[]::new);
		named.batchUpdate("""
				insert into import_rejected_row (import_id, ligne, raw_values, reasons)
				values (:id, :ligne, cast(:raw as jsonb), :reasons)""", batch);
	}

	public List<ImportIssue> listIssues(UUID importId, String severity, int limit) {
		return jdbc.sql("""
				select ligne, champ, valeur, message from import_issue
				where import_id = :id and severity = :severity order by position limit :limit""")
			.param("id", importId)
			.param("severity", severity)
			.param("limit", limit)
			.query((rs, row) -> new ImportIssue((Long) rs.getObject("ligne"), rs.getString("champ"),
					rs.getString("valeur"), rs.getString("message")))
			.list();
	}

	public int countIssues(UUID importId, String severity) {
		return jdbc.sql("select count(*) from import_issue where import_id = :id and severity = :severity")
			.param("id", importId)
			.param("severity", severity)
			.query(Integer.class)
			.single();
	}

	public void forEachIssue(UUID importId, Consumer<Map.Entry<String, ImportIssue>> consumer) {
		streaming.query("""
				select severity, ligne, champ, valeur, message from import_issue
				where import_id = :id order by position""", Map.of("id", importId), rs -> {
			consumer.accept(Map.entry(rs.getString("severity"), new ImportIssue((Long) rs.getObject("ligne"),
					rs.getString("champ"), rs.getString("valeur"), rs.getString("message"))));
		});
	}

	public void forEachRejectedRow(UUID importId, Consumer<RejectedRow> consumer) {
		streaming.query("""
				select ligne, raw_values::text as raw, reasons from import_rejected_row
				where import_id = :id order by ligne""", Map.of("id", importId), rs -> {
			Map<String, String> raw = JSON.readValue(rs.getString("raw"),
					new TypeReference<LinkedHashMap<String, String>>() {
					});
			consumer.accept(new RejectedRow(rs.getLong("ligne"), raw, rs.getString("reasons")));
		});
	}

}
