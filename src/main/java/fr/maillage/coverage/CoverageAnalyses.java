package fr.maillage.coverage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.maillage.coverage.domain.Area;
import fr.maillage.coverage.domain.CommuneCoverage;
import fr.maillage.coverage.domain.CoverageSummary;
import fr.maillage.coverage.domain.CoverageThresholds;
import fr.maillage.coverage.domain.CoverageTier;
import fr.maillage.coverage.domain.NearestSiteIndex;
import fr.maillage.coverage.domain.Site;
import fr.maillage.coverage.domain.SitingSuggestions;
import fr.maillage.fragility.FragilityIndexes;
import fr.maillage.places.PlaceDirectory;
import fr.maillage.places.PlacePoint;
import fr.maillage.places.vocabulary.MediationService;
import fr.maillage.shared.geo.Coordinates;
import fr.maillage.shared.web.BadRequestException;
import fr.maillage.territories.CommuneProfile;
import fr.maillage.territories.CommuneRef;
import fr.maillage.territories.Territories;
import fr.maillage.territories.TerritoryDetails;
import fr.maillage.territories.TerritoryLevel;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The module's API: coverage of a territory for a service, and siting suggestions.
 * Computed on demand from the current directory (places read as lean points), so an
 * import is reflected at once and instances share nothing.
 */
@Service
public class CoverageAnalyses {

	/** Fragility from which a far commune comes first in the priority list. */
	static final double PRIORITY_FRAGILITY = 7;

	public static final int MAX_SUGGESTIONS = 50;

	private final PlaceDirectory directory;

	private final Territories territories;

	private final FragilityIndexes fragility;

	private final CoverageThresholds thresholds;

	CoverageAnalyses(PlaceDirectory directory, Territories territories, FragilityIndexes fragility,
			@Value("${maillage.couverture.seuils-km.couvert:5}") double coveredKm,
			@Value("${maillage.couverture.seuils-km.proche:10}") double nearKm,
			@Value("${maillage.couverture.seuils-km.eloigne:15}") double farKm) {
		this.directory = directory;
		this.territories = territories;
		this.fragility = fragility;
		this.thresholds = new CoverageThresholds(coveredKm, nearKm, farKm);
	}

	public CoverageThresholds thresholds() {
		return thresholds;
	}

	/**
	 * @param service {@code null} for any service
	 */
	public TerritoryCoverage analyseDepartement(String code, @Nullable MediationService service) {
		TerritoryDetails departement = territories.getDepartement(code);
		return analyse(departement, "departement", TerritoryLevel.DEPARTEMENT, service);
	}

	/**
	 * @param service {@code null} for any service
	 */
	public TerritoryCoverage analyseEpci(String siren, @Nullable MediationService service) {
		TerritoryDetails epci = territories.getEpci(siren);
		return analyse(epci, "epci", TerritoryLevel.EPCI, service);
	}

	/**
	 * Every commune of France for each service and for any service: tier counts, keyed by
	 * service label. What the benchmark measures.
	 */
	public Map<String, Map<CoverageTier, Integer>> countTiersInFrance() {
		List<PlacePoint> points = directory.listPlacePoints(null);
		List<Area> areas = areas(territories.listCurrentCommunes());
		Map<String, Map<CoverageTier, Integer>> counts = new LinkedHashMap<>();
		List<@Nullable MediationService> services = new ArrayList<>(List.of(MediationService.values()));
		services.add(null);
		for (MediationService service : services) {
			NearestSiteIndex index = new NearestSiteIndex(sites(points, service));
			Map<CoverageTier, Integer> tiers = new EnumMap<>(CoverageTier.class);
			for (Area area : areas) {
				tiers.merge(CommuneCoverage.of(area, index, thresholds).tier(), 1, Integer::sum);
			}
			counts.put(label(service), tiers);
		}
		return counts;
	}

	/**
	 * K communes of a département where a new place (or an itinerant stop) would bring
	 * the most people within {@code radiusKm}, weighted by fragility when known.
	 */
	public SitingResult suggestSites(String departementCode, @Nullable MediationService service, int count,
			double radiusKm) {
		return suggestSites(TerritoryLevel.DEPARTEMENT, departementCode, service, count, radiusKm, false);
	}

	/**
	 * K communes of a département or an EPCI where a new place (or an itinerant stop)
	 * would bring the most people within {@code radiusKm}, weighted by fragility when
	 * known; with {@code favourZonesBlanches}, sites that reach zones blanches first
	 * ({@link SitingSuggestions}). Each suggestion says why.
	 */
	public SitingResult suggestSites(TerritoryLevel level, String code, @Nullable MediationService service, int count,
			double radiusKm, boolean favourZonesBlanches) {
		if (count < 1 || count > MAX_SUGGESTIONS) {
			throw new BadRequestException("nombre_invalide",
					"Le nombre de suggestions doit être compris entre 1 et " + MAX_SUGGESTIONS + ".");
		}
		if (!(radiusKm > 0 && radiusKm <= 100)) {
			throw new BadRequestException("rayon_invalide", "Le rayon doit être compris entre 0 et 100 km.");
		}
		TerritoryDetails territory = switch (level) {
			case DEPARTEMENT -> territories.getDepartement(code);
			case EPCI -> territories.getEpci(code);
			case REGION -> throw new BadRequestException("niveau_inconnu",
					"Les suggestions se calculent pour un département ou un EPCI.");
		};
		List<CommuneProfile> members = members(level, territory.code());
		List<Area> areas = areas(members);
		NearestSiteIndex index = new NearestSiteIndex(sites(directory.listPlacePoints(null), service));
		Map<String, Double> scores = fragility.listOfficialCommuneScores();
		double meanScore = areas.stream()
			.map(area -> scores.get(area.code()))
			.filter(score -> score != null)
			.mapToDouble(Double::doubleValue)
			.average()
			.orElse(Double.NaN);
		boolean weighted = !Double.isNaN(meanScore);
		List<CommuneCoverage> before = new ArrayList<>();
		List<SitingSuggestions.Demand> demand = new ArrayList<>();
		for (Area area : areas) {
			CommuneCoverage coverage = CommuneCoverage.of(area, index, thresholds);
			before.add(coverage);
			Double distance = coverage.distanceKm();
			boolean covered = distance != null && distance <= radiusKm;
			Double score = scores.get(area.code());
			// communes without a score weigh as the territory's mean fragility
			double fragilityFactor = !weighted ? 1 : score != null ? score : meanScore;
			demand.add(new SitingSuggestions.Demand(area, area.population() * fragilityFactor, covered,
					coverage.tier() == CoverageTier.ZONE_BLANCHE));
		}
		List<SitingSuggestions.Pick> picks = SitingSuggestions.choose(demand, areas, radiusKm, count,
				favourZonesBlanches);
		List<CommuneCoverage> after = new ArrayList<>();
		for (CommuneCoverage coverage : before) {
			Double distance = coverage.distanceKm();
			boolean inCommune = coverage.tier() == CoverageTier.COUVERT && distance != null && distance == 0;
			Coordinates centre = new Coordinates(coverage.area().latitude(), coverage.area().longitude());
			for (SitingSuggestions.Pick pick : picks) {
				double toPick = centre.distanceKmTo(new Coordinates(pick.site().latitude(), pick.site().longitude()));
				inCommune |= pick.site().code().equals(coverage.area().code());
				distance = distance == null ? toPick : Math.min(distance, toPick);
			}
			after.add(new CommuneCoverage(coverage.area(), null, thresholds.tierOf(distance, inCommune)));
		}
		SitingReasons reasons = new SitingReasons(areas, scores, radiusKm, thresholds.farKm());
		List<SitingResult.Suggestion> suggestions = new ArrayList<>();
		for (SitingSuggestions.Pick pick : picks) {
			suggestions.add(new SitingResult.Suggestion(suggestions.size() + 1, pick.site().code(), pick.site().name(),
					pick.site().latitude(), pick.site().longitude(), pick.populationGained(),
					pick.zoneBlanchePopulation(), pick.communesReached(), reasons.meanScore(pick.communesReached()),
					reasons.explain(pick)));
		}
		String niveau = level == TerritoryLevel.EPCI ? "epci" : "departement";
		return new SitingResult(level == TerritoryLevel.DEPARTEMENT ? territory.code() : null, niveau, territory.code(),
				territory.nom(), label(service), radiusKm, weighted ? "population × IFN" : "population",
				favourZonesBlanches, suggestions, tiers(CoverageSummary.of(before, 0)),
				tiers(CoverageSummary.of(after, 0)),
				"glouton de couverture maximale (garantie : au moins 1 − 1/e ≈ 63 % de l'optimum)"
						+ (favourZonesBlanches ? ", les zones blanches d'abord" : ""));
	}

	/**
	 * Coverage of a territory named by its code alone: nine digits are an EPCI's SIREN,
	 * anything else a département (or 69D/69M).
	 */
	public TerritoryCoverage analyseTerritory(String code, @Nullable MediationService service) {
		return isEpci(code) ? analyseEpci(code, service) : analyseDepartement(code, service);
	}

	/** Whether a territory code is an EPCI's SIREN (nine digits). */
	public static boolean isEpci(String code) {
		return code.matches("\\d{9}");
	}

	private TerritoryCoverage analyse(TerritoryDetails territory, String level, TerritoryLevel territoryLevel,
			@Nullable MediationService service) {
		List<CommuneProfile> members = members(territoryLevel, territory.code());
		List<PlacePoint> points = directory.listPlacePoints(null);
		List<Site> sites = sites(points, service);
		NearestSiteIndex index = new NearestSiteIndex(sites);
		Map<String, Double> scores = fragility.listOfficialCommuneScores();
		Set<String> memberCodes = new HashSet<>();
		members.forEach(member -> memberCodes.add(member.code()));
		List<CommuneCoverage> coverages = areas(members).stream()
			.map(area -> CommuneCoverage.of(area, index, thresholds))
			.toList();
		List<TerritoryCoverage.CommuneRow> rows = coverages.stream()
			.map(coverage -> row(coverage, scores, territories))
			.toList();
		int placesInTerritory = (int) sites.stream()
			.filter(site -> site.communeCode() != null && memberCodes.contains(site.communeCode()))
			.count();
		Set<String> withAccess = new HashSet<>();
		points.stream()
			.filter(point -> point.offers(MediationService.INTERNET_AND_EQUIPMENT_ACCESS))
			.filter(point -> point.codeInsee() != null && memberCodes.contains(point.codeInsee()))
			.forEach(point -> withAccess.add(point.codeInsee()));
		CoverageSummary summary = CoverageSummary.of(coverages, placesInTerritory);
		List<TerritoryCoverage.CommuneRow> priorities = rows.stream()
			.filter(row -> row.palier().equals(CoverageTier.ZONE_BLANCHE.code())
					|| row.palier().equals(CoverageTier.ELOIGNE.code()))
			.sorted(PRIORITY_ORDER)
			.toList();
		Map<String, Double> thresholdsKm = new LinkedHashMap<>();
		thresholdsKm.put("couvert", thresholds.coveredKm());
		thresholdsKm.put("proche", thresholds.nearKm());
		thresholdsKm.put("eloigne", thresholds.farKm());
		return new TerritoryCoverage(territory.code(), territory.nom(), level, label(service), thresholdsKm, rows,
				new TerritoryCoverage.Summary(tiers(summary), summary.population(), coverages.size(), summary.places(),
						Math.round(summary.placesPer10000() * 100) / 100.0, withAccess.size()),
				priorities);
	}

	/** Fragile first (IFN ≥ 7, most fragile first), then the most populated. */
	static final Comparator<TerritoryCoverage.CommuneRow> PRIORITY_ORDER = Comparator
		.comparing((TerritoryCoverage.CommuneRow row) -> row.ifn() != null && row.ifn() >= PRIORITY_FRAGILITY ? 0 : 1)
		.thenComparing(row -> row.ifn() != null && row.ifn() >= PRIORITY_FRAGILITY ? -row.ifn() : 0)
		.thenComparing(row -> -row.population())
		.thenComparing(TerritoryCoverage.CommuneRow::code);

	private static TerritoryCoverage.CommuneRow row(CommuneCoverage coverage, Map<String, Double> scores,
			Territories territories) {
		NearestSiteIndex.Nearest nearest = coverage.nearest();
		Double score = scores.get(coverage.area().code());
		Double ifn = score != null ? Math.round(score * 100) / 100.0 : null;
		return new TerritoryCoverage.CommuneRow(coverage.area().code(), coverage.area().name(),
				coverage.area().population(), nearest == null ? null : Math.round(nearest.distanceKm() * 100) / 100.0,
				nearest == null ? null
						: new TerritoryCoverage.NearestPlace(nearest.site().id(), nearest.site().name(),
								nearest.site().communeCode(), communeName(territories, nearest.site().communeCode())),
				coverage.tier().code(), ifn);
	}

	private static @Nullable String communeName(Territories territories, @Nullable String code) {
		return code == null ? null : territories.findCommune(code).map(CommuneRef::nom).orElse(null);
	}

	private static Map<String, TerritoryCoverage.TierFigures> tiers(CoverageSummary summary) {
		Map<String, TerritoryCoverage.TierFigures> tiers = new LinkedHashMap<>();
		summary.tiers()
			.forEach((tier, count) -> tiers.put(tier.code(),
					new TerritoryCoverage.TierFigures(count.communes(), count.population())));
		return tiers;
	}

	private List<CommuneProfile> members(TerritoryLevel level, String code) {
		return territories.listCurrentCommunes().stream().filter(commune -> commune.isIn(level, code)).toList();
	}

	/** Communes with a known centre (all but a few overseas collectivities). */
	private static List<Area> areas(List<CommuneProfile> communes) {
		return communes.stream()
			.filter(commune -> commune.centre() != null)
			.map(commune -> new Area(commune.code(), commune.nom(), commune.population(), commune.centre().lat(),
					commune.centre().lon()))
			.toList();
	}

	private static List<Site> sites(List<PlacePoint> points, @Nullable MediationService service) {
		return points.stream()
			.filter(point -> service == null || point.offers(service))
			.map(point -> new Site(point.id(), point.name(), point.codeInsee(), point.latitude(), point.longitude()))
			.toList();
	}

	public static String label(@Nullable MediationService service) {
		return service == null ? "tout service" : service.label();
	}

}
