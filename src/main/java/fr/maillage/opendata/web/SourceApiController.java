package fr.maillage.opendata.web;

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

	SourceApiController(SourceConnectors connectors) {
		this.connectors = connectors;
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
	ResponseEntity<ImportReport> run(@PathVariable String nom,
			@RequestPart(name = "fichier", required = false) @Nullable MultipartFile file) {
		ImportReport report = file == null ? connectors.run(nom, null, null)
				: connectors.run(nom, file.getOriginalFilename(), file::getInputStream);
		return ResponseEntity.status(HttpStatus.CREATED).body(report);
	}

}
