package fr.maillage.coverage.web;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import fr.maillage.coverage.CoverageAnalyses;
import fr.maillage.coverage.SitingResult;
import fr.maillage.coverage.TerritoryCoverage;
import fr.maillage.places.vocabulary.MediationService;
import fr.maillage.places.vocabulary.Vocabulary;
import fr.maillage.shared.csv.SpreadsheetSafe;
import fr.maillage.shared.web.BadRequestException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Coverage API. Public: it computes on public data and writes nothing (the suggestions'
 * POST included, see the accounts module's rule).
 */
@RestController
@RequestMapping("/api/v1/couverture")
class CoverageApiController {

	private final CoverageAnalyses analyses;

	CoverageApiController(CoverageAnalyses analyses) {
		this.analyses = analyses;
	}

	@GetMapping("/departements/{code}")
	TerritoryCoverage departement(@PathVariable String code, @RequestParam(required = false) @Nullable String service) {
		return analyses.analyseDepartement(code, service(service));
	}

	/**
	 * The communes of a département as CSV, the setting (service, thresholds) on every
	 * row.
	 */
	@GetMapping("/departements/{code}.csv")
	ResponseEntity<StreamingResponseBody> departementCsv(@PathVariable String code,
			@RequestParam(required = false) @Nullable String service) {
		TerritoryCoverage coverage = analyses.analyseDepartement(code, service(service));
		String thresholds = coverage.seuilsKm()
			.entrySet()
			.stream()
			.map(entry -> entry.getKey() + "=" + entry.getValue())
			.reduce((a, b) -> a + "|" + b)
			.orElse("");
		StreamingResponseBody body = out -> {
			Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
			try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180)) {
				csv.printRecord("code_insee", "nom", "population", "distance_km", "lieu_le_plus_proche_id",
						"lieu_le_plus_proche_nom", "palier", "ifn", "service", "seuils_km");
				for (TerritoryCoverage.CommuneRow row : coverage.communes()) {
					csv.printRecord(row.code(), SpreadsheetSafe.cell(row.nom()), row.population(),
							row.distanceKm() == null ? "" : row.distanceKm(),
							row.lieuLePlusProche() == null ? "" : row.lieuLePlusProche().id(),
							row.lieuLePlusProche() == null ? "" : SpreadsheetSafe.cell(row.lieuLePlusProche().nom()),
							row.palier(), row.ifn() == null ? "" : row.ifn(), coverage.service(), thresholds);
				}
			}
		};
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					"attachment; filename=\"couverture-" + coverage.code() + "-communes.csv\"")
			.body(body);
	}

	@GetMapping("/epci/{siren}")
	TerritoryCoverage epci(@PathVariable String siren, @RequestParam(required = false) @Nullable String service) {
		return analyses.analyseEpci(siren, service(service));
	}

	/**
	 * {@code {"departement": "69", "service": "…", "nombre": 5, "rayon_km": 10}}
	 */
	record SuggestionRequest(@Nullable String departement, @Nullable String service, @Nullable Integer nombre,
			@com.fasterxml.jackson.annotation.JsonProperty("rayon_km") @Nullable Double rayonKm) {
	}

	@PostMapping("/suggestions")
	SitingResult suggestions(@RequestBody SuggestionRequest request) {
		if (request.departement() == null || request.departement().isBlank()) {
			throw new BadRequestException("departement_manquant", "Indiquez le département (« departement »).");
		}
		return analyses.suggestSites(request.departement().strip(), service(request.service()),
				request.nombre() == null ? 5 : request.nombre(),
				request.rayonKm() == null ? analyses.thresholds().coveredKm() : request.rayonKm());
	}

	/** A service by the standard's label; absent, empty or "tout" for any service. */
	static @Nullable MediationService service(@Nullable String label) {
		if (label == null || label.isBlank() || label.equals("tout") || label.equals("tout service")) {
			return null;
		}
		return Vocabulary.findByLabel(MediationService.class, label.strip())
			.orElseThrow(() -> new BadRequestException("service_inconnu",
					"Service inconnu : « " + label + " ». Utilisez un libellé du standard, par exemple « "
							+ MediationService.ADMINISTRATIVE_PROCEDURES.label() + " », ou « tout »."));
	}

}
