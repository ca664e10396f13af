package fr.maillage.coverage.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.maillage.coverage.CommuneTable;
import fr.maillage.coverage.CoverageAnalyses;
import fr.maillage.coverage.SitingResult;
import fr.maillage.coverage.TerritoryCoverage;
import fr.maillage.fragility.FragilityIndexes;
import fr.maillage.fragility.TerritoryFragility;
import fr.maillage.places.vocabulary.MediationService;
import fr.maillage.places.vocabulary.Vocabulary;
import fr.maillage.shared.web.BadRequestException;
import fr.maillage.territories.Territories;
import fr.maillage.territories.TerritoryLevel;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;
import tools.jackson.databind.ObjectMapper;

/**
 * "Où l'aide manque-t-elle ?" for a département: its communes coloured by coverage tier
 * or by IFN, the same figures as a table, siting suggestions, and a comparison of
 * territories. Every choice is a GET parameter, so a view is a link to share. Public: it
 * shows public data.
 */
@Controller
class TerritoryPageController {

	/** Tier codes and their words, in order. */
	static final Map<String, String> TIERS = new LinkedHashMap<>();

	static {
		TIERS.put("couvert", "Couvert (dans la commune ou à 5 km au plus)");
		TIERS.put("proche", "Proche (5 à 10 km)");
		TIERS.put("eloigne", "Éloigné (10 à 15 km)");
		TIERS.put("zone_blanche", "Zone blanche (plus de 15 km)");
	}

	/** IFN classes of the map: score range and words. */
	static final List<String> IFN_CLASSES = List.of("1 à 2 : peu fragile", "3 à 4", "5 à 6", "7 à 8",
			"9 à 10 : très fragile");

	private final CoverageAnalyses coverage;

	private final FragilityIndexes fragility;

	private final Territories territories;

	private final ObjectMapper json;

	TerritoryPageController(CoverageAnalyses coverage, FragilityIndexes fragility, Territories territories,
			ObjectMapper json) {
		this.coverage = coverage;
		this.fragility = fragility;
		this.territories = territories;
		this.json = json;
	}

	/**
	 * A département (or 69D/69M) or, for nine digits, an EPCI: the map, the summary,
	 * siting suggestions with their reasons, and the communes' table by name, one tier or
	 * all, a page at a time.
	 */
	@GetMapping("/territoires/{code}")
	String territory(@PathVariable String code, @RequestParam(defaultValue = "couverture") String vue,
			@RequestParam(required = false) @Nullable String service,
			@RequestParam(required = false) @Nullable Integer suggestions,
			@RequestParam(required = false) @Nullable Double rayon,
			@RequestParam(name = "zones_blanches", required = false) @Nullable Boolean zonesBlanches,
			@RequestParam(required = false) @Nullable String palier,
			@RequestParam(required = false) @Nullable String page, @RequestParam Map<String, String> parameters,
			Model model) {
		MediationService chosen = CoverageApiController.service(service);
		boolean epci = CoverageAnalyses.isEpci(code);
		TerritoryCoverage result = coverage.analyseTerritory(code, chosen);
		String tier = CommuneTable.tier(palier);
		// the IFN as the coordinator sets it (method, variant, base, weights in the URL)
		TerritoryFragility ifn = fragility.scoreTerritory(result.niveau(), result.code(), parameters);
		Map<String, Double> ifnByCommune = new LinkedHashMap<>();
		(epci ? fragility.listEpciCommunes(result.code(), parameters)
				: fragility.listCommunes(result.code(), parameters))
			.forEach(commune -> {
				if (commune.score() != null) {
					ifnByCommune.put(commune.code(), commune.score());
				}
			});
		boolean v1 = ifn.methode().equals("v1");
		boolean showIfn = vue.equals("ifn");
		Map<String, Map<String, String>> classes = new LinkedHashMap<>();
		for (TerritoryCoverage.CommuneRow row : result.communes()) {
			Double score = ifnByCommune.get(row.code());
			String css = showIfn ? (v1 ? v1Class(score) : ifnClass(score)) : "palier-" + row.palier();
			String words = showIfn ? (score == null ? "IFN inconnu" : "IFN " + format(score)) : TIERS.get(row.palier());
			classes.put(row.code(), Map.of("classe", css, "texte", row.nom() + " : " + words));
		}
		SitingResult siting = null;
		boolean favour = Boolean.TRUE.equals(zonesBlanches);
		if (suggestions != null) {
			siting = coverage.suggestSites(epci ? TerritoryLevel.EPCI : TerritoryLevel.DEPARTEMENT, result.code(),
					chosen, suggestions, rayon == null ? coverage.thresholds().coveredKm() : rayon, favour);
		}
		boolean official = ifn.methode().equals("v3") && ifn.variante().equals("tout_age")
				&& ifn.base().equals("france") && ifn.poids().values().stream().allMatch(weight -> weight == 1.0);
		Map<String, String> ifnParameters = new LinkedHashMap<>();
		parameters.forEach((name, value) -> {
			if (name.equals("methode") || name.equals("variante") || name.equals("base") || name.startsWith("poids.")) {
				ifnParameters.put(name, value);
			}
		});
		CommuneTable.Page table = CommuneTable.page(result.communes(), tier, pageNumber(page));
		model.addAttribute("couverture", result);
		model.addAttribute("epci", epci);
		model.addAttribute("nomTerritoire", epci ? "l’EPCI" : "le département");
		model.addAttribute("tableau", table);
		model.addAttribute("palier", tier == null ? "tous" : tier);
		model.addAttribute("liensPages", pageLinks(parameters, table));
		model.addAttribute("voisins", neighbours(result, epci));
		model.addAttribute("ifn", ifn);
		model.addAttribute("ifnParCommune", ifnByCommune);
		model.addAttribute("reglageOfficiel", official);
		model.addAttribute("reglage", describe(ifn));
		model.addAttribute("parametresIfn", query(ifnParameters));
		model.addAttribute("champsIfn", ifnParameters);
		model.addAttribute("variantes", FragilityIndexes.listVariants());
		model.addAttribute("libellesIndicateurs", FragilityIndexes.listIndicatorLabels());
		model.addAttribute("vue", showIfn ? "ifn" : "couverture");
		model.addAttribute("service", chosen == null ? "tout" : chosen.label());
		model.addAttribute("services", Arrays.stream(MediationService.values()).map(Vocabulary::label).toList());
		model.addAttribute("paliers", TIERS);
		model.addAttribute("classesIfn", v1 ? V1_CLASSES : IFN_CLASSES);
		model.addAttribute("suggestion", siting);
		model.addAttribute("zonesBlanches", favour);
		model.addAttribute("nombre", suggestions == null ? 5 : suggestions);
		model.addAttribute("rayon", rayon == null ? coverage.thresholds().coveredKm() : rayon);
		model.addAttribute("donneesCarte",
				safeJson(Map.of("communes", classes, "contour",
						"/api/v1/territoires/" + (epci ? "epci/" : "departements/") + result.code()
								+ "/communes.geojson",
						"suggestions", siting == null ? List.of() : siting.suggestions())));
		return "coverage/territory";
	}

	/**
	 * A page number as typed: anything that is not a positive number is the first page.
	 */
	private static int pageNumber(@Nullable String page) {
		if (page == null || !page.strip().matches("\\d{1,6}")) {
			return 1;
		}
		return Math.max(1, Integer.parseInt(page.strip()));
	}

	/** A link to one page of the table, keeping every other choice of the page. */
	record PageLink(int number, String href, boolean current) {
	}

	private static List<PageLink> pageLinks(Map<String, String> parameters, CommuneTable.Page table) {
		List<PageLink> links = new ArrayList<>();
		if (table.pages() < 2) {
			return links;
		}
		for (int number = 1; number <= table.pages(); number++) {
			Map<String, String> kept = new LinkedHashMap<>(parameters);
			kept.remove("page");
			kept.put("page", String.valueOf(number));
			links.add(new PageLink(number, "?" + query(kept) + "#titre-communes", number == table.number()));
		}
		return links;
	}

	/**
	 * The territories a coordinator goes to from this one: a département's EPCIs (by
	 * name, French order), an EPCI's départements.
	 */
	private List<Map.Entry<String, String>> neighbours(TerritoryCoverage result, boolean epci) {
		java.util.Set<String> codes = new java.util.HashSet<>();
		for (TerritoryCoverage.CommuneRow row : result.communes()) {
			territories.findCommuneProfile(row.code()).ifPresent(profile -> {
				if (epci) {
					codes.add(profile.departement());
				}
				else if (profile.epci() != null) {
					codes.add(profile.epci());
				}
			});
		}
		Map<String, String> names = territories.mapNames(epci ? TerritoryLevel.DEPARTEMENT : TerritoryLevel.EPCI);
		java.text.Collator french = java.text.Collator.getInstance(java.util.Locale.FRENCH);
		french.setStrength(java.text.Collator.PRIMARY);
		return codes.stream()
			.filter(names::containsKey)
			.map(c -> Map.entry(c, names.get(c)))
			.sorted(Map.Entry.comparingByValue(french))
			.toList();
	}

	/** The setting in words, as every figure of the page states it. */
	private static String describe(TerritoryFragility ifn) {
		String weights = ifn.poids().values().stream().allMatch(weight -> weight == 1.0) ? "poids égaux"
				: "poids " + String.join(", ",
						ifn.poids().entrySet().stream().map(e -> e.getKey() + " " + format(e.getValue())).toList());
		return "méthode " + ifn.methode() + ", variante " + FragilityIndexes.listVariants().get(ifn.variante())
				+ ", base " + ifn.base() + ", " + weights;
	}

	private static String query(Map<String, String> parameters) {
		return String.join("&",
				parameters.entrySet()
					.stream()
					.map(e -> UriUtils.encodeQueryParam(e.getKey(), StandardCharsets.UTF_8) + "="
							+ UriUtils.encodeQueryParam(e.getValue(), StandardCharsets.UTF_8))
					.toList());
	}

	/** v1 is an index, 100 = the reference territory. */
	static final List<String> V1_CLASSES = List.of("moins de 80 : nettement moins fragile que la référence", "80 à 95",
			"95 à 105 : comme la référence", "105 à 120", "plus de 120 : nettement plus fragile");

	static String v1Class(@Nullable Double index) {
		if (index == null) {
			return "ifn-inconnu";
		}
		int band = index < 80 ? 1 : index < 95 ? 2 : index <= 105 ? 3 : index <= 120 ? 4 : 5;
		return "ifn-" + band;
	}

	/** The list of départements, to choose one. */
	@GetMapping("/territoires")
	String index(Model model) {
		model.addAttribute("departements", new java.util.TreeMap<>(territories.mapNames(TerritoryLevel.DEPARTEMENT)));
		return "coverage/index";
	}

	@GetMapping("/territoires/comparer")
	String compare(@RequestParam(name = "codes", defaultValue = "") String codes,
			@RequestParam(required = false) @Nullable String service, Model model) {
		List<String> list = Arrays.stream(codes.split("[,\\s]+")).filter(c -> !c.isBlank()).distinct().toList();
		if (list.size() < 2 || list.size() > 5) {
			throw new BadRequestException("comparaison_invalide",
					"Choisissez de 2 à 5 départements à comparer, par exemple codes=69,42,01.");
		}
		MediationService chosen = CoverageApiController.service(service);
		List<Map<String, Object>> columns = new ArrayList<>();
		for (String code : list) {
			TerritoryCoverage result = coverage.analyseDepartement(code, chosen);
			TerritoryFragility ifn = fragility.scoreTerritoryOfficially("departement", result.code());
			Map<String, Object> column = new LinkedHashMap<>();
			column.put("couverture", result);
			column.put("ifn", ifn);
			columns.add(column);
		}
		model.addAttribute("colonnes", columns);
		model.addAttribute("paliers", TIERS);
		model.addAttribute("service", chosen == null ? "tout" : chosen.label());
		model.addAttribute("services", Arrays.stream(MediationService.values()).map(Vocabulary::label).toList());
		model.addAttribute("codes", String.join(",", list));
		return "coverage/compare";
	}

	static String ifnClass(@Nullable Double score) {
		if (score == null) {
			return "ifn-inconnu";
		}
		int band = (int) Math.min(4, Math.max(0, Math.floor((score - 1) / 2)));
		return "ifn-" + (band + 1);
	}

	private static String format(double value) {
		return String.format(java.util.Locale.FRANCE, "%.1f", value);
	}

	/** JSON for a {@code <script type="application/json">}: no way out of the element. */
	private String safeJson(Object value) {
		// inside <script type="application/json">, which the page writes unescaped: no
		// "<"
		// (neither "</script" nor "<!--" can then change where the element ends), and
		// JSON
		// reads each escape back as the character
		return json.writeValueAsString(value).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
	}

}
