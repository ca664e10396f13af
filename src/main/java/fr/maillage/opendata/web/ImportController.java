package fr.maillage.opendata.web;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import fr.maillage.opendata.importing.ImportRefusedException;
import fr.maillage.opendata.importing.ImportReport;
import fr.maillage.opendata.importing.ImportReports;
import fr.maillage.opendata.importing.SourceImport;
import fr.maillage.opendata.persistence.JdbcImportRepository;
import fr.maillage.shared.csv.SpreadsheetSafe;
import fr.maillage.shared.web.ApiError;
import fr.maillage.shared.web.NotFoundException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
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
 * Imports of producer files and their reports. Administrators only (checked by the
 * accounts module).
 */
@RestController
@RequestMapping("/api/v1/imports")
class ImportController {

	private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	private final SourceImport sourceImport;

	private final ImportReports reports;

	ImportController(SourceImport sourceImport, ImportReports reports) {
		this.sourceImport = sourceImport;
		this.reports = reports;
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<ImportReport> importFile(@RequestPart("fichier") MultipartFile file,
			@RequestParam(name = "source", required = false) String source) {
		ImportReport report = sourceImport.importFile(source, file.getOriginalFilename(), file::getInputStream);
		return ResponseEntity.status(HttpStatus.CREATED).body(report);
	}

	@GetMapping(path = "/{importId}", produces = MediaType.APPLICATION_JSON_VALUE)
	ImportReport report(@PathVariable String importId) {
		return reports.getReport(parse(importId));
	}

	@GetMapping("/{importId}/rejets.csv")
	ResponseEntity<StreamingResponseBody> rejectedRows(@PathVariable String importId) {
		UUID id = parse(importId);
		JdbcImportRepository.Run run = reports.getRun(id);
		return csv("rejets-" + id + ".csv", printer -> {
			List<String> header = new ArrayList<>();
			header.add("ligne");
			header.addAll(run.columns());
			header.add("motif_rejet");
			printer.printRecord(header);
			reports.forEachRejectedRow(id, row -> {
				List<String> cells = new ArrayList<>();
				cells.add(Long.toString(row.ligne()));
				for (String column : run.columns()) {
					cells.add(SpreadsheetSafe.cell(row.rawValues().getOrDefault(column, "")));
				}
				cells.add(SpreadsheetSafe.cell(row.reasons()));
				print(printer, cells);
			});
		});
	}

	@GetMapping("/{importId}/avertissements.csv")
	ResponseEntity<StreamingResponseBody> issues(@PathVariable String importId) {
		UUID id = parse(importId);
		reports.getRun(id);
		return csv("signalements-" + id + ".csv", printer -> {
			printer.printRecord("gravite", "ligne", "champ", "valeur", "message");
			reports.forEachIssue(id,
					(severity, issue) -> print(printer,
							List.of(severity, issue.ligne() == null ? "" : issue.ligne().toString(),
									issue.champ() == null ? "" : SpreadsheetSafe.cell(issue.champ()),
									issue.valeur() == null ? "" : SpreadsheetSafe.cell(issue.valeur()),
									SpreadsheetSafe.cell(issue.message()))));
		});
	}

	private static UUID parse(String importId) {
		try {
			return UUID.fromString(importId);
		}
		catch (IllegalArgumentException e) {
			throw new NotFoundException("Aucun import ne porte l'identifiant « " + importId + " ».");
		}
	}

	private static void print(CSVPrinter printer, List<String> cells) {
		try {
			printer.printRecord(cells);
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	private static ResponseEntity<StreamingResponseBody> csv(String fileName, CsvBody body) {
		return ResponseEntity.ok()
			.contentType(CSV)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
			.body(out -> {
				try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
						CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180)) {
					body.write(printer);
				}
			});
	}

	@FunctionalInterface
	private interface CsvBody {

		void write(CSVPrinter printer) throws java.io.IOException;

	}

}
