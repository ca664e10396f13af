package fr.maillage.opendata.web;

import java.net.URI;
import java.util.LinkedHashMap;

import fr.maillage.opendata.persistence.JdbcSourceRunRepository.SourceRun;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import java.util.List;
import java.util.Map;

import fr.maillage.opendata.importing.ImportReport;
import fr.maillage.opendata.sources.SourceConnectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Declared source connectors and their runs. Running one writes: administrator only
 * (accounts module).
 */
@RestController
@RequestMapping("/api/v1/sources")
class SourceApiController {

	private final SourceConnectors connectors;

	private final ObjectMapper json;

	SourceApiController(SourceConnectors connectors, ObjectMapper json) {
		this.connectors = connectors;
		this.json = json;
	}

	@GetMapping
	List<Map<String, String>> sources() {
		return connectors.listSources()
			.stream()
			.map(source -> Map.of("nom", source.name(), "libelle", source.label()))
			.toList();
	}

	/**
	 * With the producer's file in part {@code fichier}, or without to read the configured
	 * path.
	 */
	@PostMapping("/{nom}/executions")
	ResponseEntity<Map<String, Object>> run(@PathVariable String nom,
			@RequestPart(name = "fichier", required = false) @Nullable MultipartFile file) {
		SourceConnectors.RunResult run = file == null ? connectors.run(nom, null, null, "manuel")
				: connectors.run(nom, file.getOriginalFilename(), file::getInputStream, "manuel");
		Map<String, Object> body = json.convertValue(run.report(), new TypeReference<Map<String, Object>>() {
		});
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("executionId", run.executionId());
		answer.putAll(body);
		return ResponseEntity.status(HttpStatus.CREATED)
			.location(URI.create("/api/v1/sources/" + nom + "/executions/" + run.executionId()))
			.body(answer);
	}

	/** The source's latest runs, most recent first. */
	@GetMapping("/{nom}/executions")
	List<Map<String, Object>> runs(@PathVariable String nom) {
		return connectors.listRuns(nom).stream().map(SourceApiController::toJson).toList();
	}

	/** One run: while it runs, its stage and the records read so far. */
	@GetMapping("/{nom}/executions/{id}")
	Map<String, Object> run(@PathVariable String nom, @PathVariable String id) {
		return toJson(connectors.getRun(nom, id));
	}

	private static Map<String, Object> toJson(SourceRun run) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", run.id());
		json.put("source", run.source());
		json.put("statut", run.status());
		json.put("declenchement", run.trigger());
		json.put("debut", run.startedAt());
		json.put("fin", run.finishedAt());
		json.put("etape", run.stage());
		json.put("lues", run.read());
		json.put("importId", run.importId());
		json.put("message", run.message());
		return json;
	}

}
