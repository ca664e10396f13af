package fr.maillage.fragility.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import fr.maillage.fragility.importing.FragilityImportReport;
import fr.maillage.fragility.FragilityIndexes;
import fr.maillage.fragility.FragilitySettingsParameters;
import fr.maillage.fragility.TerritoryFragility;
import fr.maillage.fragility.domain.FragilityIndicator;
import fr.maillage.fragility.domain.FragilitySettings;
import fr.maillage.shared.csv.SpreadsheetSafe;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The IFN API. Reading is public; imports need the administrator (accounts module).
 */
@RestController
@RequestMapping("/api/v1/fragilite")
class FragilityApiController {

	private final FragilityIndexes indexes;

	FragilityApiController(FragilityIndexes indexes) {
		this.indexes = indexes;
	}

	@PostMapping(path = "/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<FragilityImportReport> importFile(@RequestPart("fichier") MultipartFile file) throws IOException {
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(indexes.importFile(file.getOriginalFilename(), file.getBytes()));
	}

	@GetMapping("/{niveau:commune|epci|departement|region}/{code}")
	TerritoryFragility territory(@PathVariable String niveau, @PathVariable String code,
			@RequestParam Map<String, String> parameters) {
		return indexes.scoreTerritory(niveau, code, FragilitySettingsParameters.read(parameters));
	}

	@GetMapping("/departements/{code}/communes")
	List<TerritoryFragility> communes(@PathVariable String code, @RequestParam Map<String, String> parameters) {
		return indexes.listCommunes(code, FragilitySettingsParameters.read(parameters));
	}

	/** The same list as CSV; every row states the method, variant, base and weights. */
	@GetMapping("/departements/{code}/communes.csv")
	ResponseEntity<StreamingResponseBody> communesCsv(@PathVariable String code,
			@RequestParam Map<String, String> parameters) {
		FragilitySettings settings = FragilitySettingsParameters.read(parameters);
		List<TerritoryFragility> communes = indexes.listCommunes(code, settings);
		List<String> header = new ArrayList<>(List.of("code_insee", "nom", "population", "score"));
		settings.variant().indicators().forEach(indicator -> header.add("score_" + indicator.code()));
		List<FragilityIndicator> context = java.util.Arrays.stream(FragilityIndicator.values())
			.filter(indicator -> !indicator.isCore())
			.toList();
		context.forEach(indicator -> header.add(indicator.code()));
		header.addAll(List.of("methode", "variante", "base", "poids", "origine"));
		StreamingResponseBody body = out -> {
			Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
			try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180)) {
				csv.printRecord(header);
				for (TerritoryFragility commune : communes) {
					List<Object> row = new ArrayList<>(List.of(commune.code(), SpreadsheetSafe.cell(commune.nom()),
							commune.population(), format(commune.score())));
					settings.variant()
						.indicators()
						.forEach(indicator -> row.add(format(commune.indicateurs().get(indicator.code()))));
					context.forEach(indicator -> row.add(format(commune.contexte().get(indicator.code()))));
					row.addAll(List.of(commune.methode(), commune.variante(), commune.base(), weights(commune),
							commune.origine()));
					csv.printRecord(row);
				}
			}
		};
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					"attachment; filename=\"fragilite-" + code.toUpperCase() + "-communes.csv\"")
			.body(body);
	}

	private static String weights(TerritoryFragility commune) {
		return String.join("|",
				commune.poids().entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue()).toList());
	}

	private static String format(Double value) {
		return value == null ? "" : String.valueOf(value);
	}

}
