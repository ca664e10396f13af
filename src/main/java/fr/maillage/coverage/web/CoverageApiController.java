package fr.maillage.coverage.web;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import fr.maillage.coverage.CommuneTable;
import fr.maillage.coverage.CoverageAnalyses;
import fr.maillage.coverage.SitingResult;
import fr.maillage.coverage.TerritoryCoverage;
import fr.maillage.places.vocabulary.MediationService;
import fr.maillage.places.vocabulary.Vocabulary;
import fr.maillage.shared.csv.SpreadsheetSafe;
import fr.maillage.shared.web.BadRequestException;
import fr.maillage.territories.TerritoryLevel;
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

	/**
	 * @param palier only the communes of this tier (the summary stays the territory's)
	 * @param tri {@code code} (default) or {@code nom} (French order)
	 */
	@GetMapping("/departements/{code}")
	TerritoryCoverage departement(@PathVariable String code, @RequestParam(required = false) @Nullable String service,
			@RequestParam(required = false) @Nullable String palier,
			@RequestParam(required = false) @Nullable String tri) {
		return arranged(analyses.analyseDepartement(code, service(service)), palier, tri);
	}

	/** The communes of one tier, in the order asked for. */
	static TerritoryCoverage arranged(TerritoryCoverage coverage, @Nullable String palier, @Nullable String tri) {
		String tier = CommuneTable.tier(palier);
		boolean byName = order(tri);
		if (tier == null && !byName) {
			return coverage;
		}
		List<TerritoryCoverage.CommuneRow> rows = byName ? CommuneTable.filterAndSort(coverage.communes(), tier)
				: coverage.communes().stream().filter(row -> tier == null || row.palier().equals(tier)).toList();
		return new TerritoryCoverage(coverage.code(), coverage.nom(), coverage.niveau(), coverage.service(),
				coverage.seuilsKm(), rows, coverage.synthese(), coverage.priorites());
	}

	private static boolean order(@Nullable String tri) {
		if (tri == null || tri.isBlank() || tri.equals("code")) {
			return false;
		}
		if (tri.equals("nom")) {
			return true;
		}
		throw new BadRequestException("tri_inconnu", "Tri inconnu : « " + tri + " ». Choisissez code ou nom.");
	}

	/**
	 * The communes of a département as CSV, the setting (service, thresholds) on every
	 * row.
	 */
	@GetMapping("/departements/{code}.csv")
	ResponseEntity<StreamingResponseBody> departementCsv(@PathVariable String code,
			@RequestParam(required = false) @Nullable String service) {
		return csv(analyses.analyseDepartement(code, service(service)));
	}

	/** The communes of an EPCI as CSV, as for a département. */
	@GetMapping("/epci/{siren}.csv")
	ResponseEntity<StreamingResponseBody> epciCsv(@PathVariable String siren,
			@RequestParam(required = false) @Nullable String service) {
		return csv(analyses.analyseEpci(siren, service(service)));
	}

	private static ResponseEntity<StreamingResponseBody> csv(TerritoryCoverage coverage) {
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
						"lieu_le_plus_proche_nom", "palier", "ifn", "service", "seuils_km",
						"lieu_le_plus_proche_commune");
				for (TerritoryCoverage.CommuneRow row : coverage.communes()) {
					csv.printRecord(row.code(), SpreadsheetSafe.cell(row.nom()), row.population(),
							row.distanceKm() == null ? "" : row.distanceKm(),
							row.lieuLePlusProche() == null ? "" : row.lieuLePlusProche().id(),
							row.lieuLePlusProche() == null ? "" : SpreadsheetSafe.cell(row.lieuLePlusProche().nom()),
							row.palier(), row.ifn() == null ? "" : row.ifn(), coverage.service(), thresholds,
							row.lieuLePlusProche() == null || row.lieuLePlusProche().commune() == null ? ""
									: SpreadsheetSafe.cell(row.lieuLePlusProche().commune()));
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
	TerritoryCoverage epci(@PathVariable String siren, @RequestParam(required = false) @Nullable String service,
			@RequestParam(required = false) @Nullable String palier,
			@RequestParam(required = false) @Nullable String tri) {
		return arranged(analyses.analyseEpci(siren, service(service)), palier, tri);
	}

	/**
	 * {@code {"departement": "69", "service": "…", "nombre": 5, "rayon_km": 10}}, or
	 * {@code "epci": "246900625"} instead of the département;
	 * {@code "favoriser_zones_blanches": true} puts the sites that reach zones blanches
	 * first.
	 */
	record SuggestionRequest(@Nullable String departement, @Nullable String epci, @Nullable String service,
			@Nullable Integer nombre, @JsonProperty("rayon_km") @Nullable Double rayonKm,
			@JsonProperty("favoriser_zones_blanches") @Nullable Boolean favoriserZonesBlanches) {
	}

	@PostMapping("/suggestions")
	SitingResult suggestions(@RequestBody SuggestionRequest request) {
		boolean departement = request.departement() != null && !request.departement().isBlank();
		boolean epci = request.epci() != null && !request.epci().isBlank();
		if (departement == epci) {
			throw new BadRequestException(departement ? "territoire_en_double" : "departement_manquant",
					departement ? "Indiquez le département (« departement ») ou l'EPCI (« epci »), pas les deux."
							: "Indiquez le département (« departement ») ou l'EPCI (« epci », son numéro SIREN).");
		}
		return analyses.suggestSites(departement ? TerritoryLevel.DEPARTEMENT : TerritoryLevel.EPCI,
				departement ? request.departement().strip() : request.epci().strip(), service(request.service()),
				request.nombre() == null ? 5 : request.nombre(),
				request.rayonKm() == null ? analyses.thresholds().coveredKm() : request.rayonKm(),
				Boolean.TRUE.equals(request.favoriserZonesBlanches()));
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
