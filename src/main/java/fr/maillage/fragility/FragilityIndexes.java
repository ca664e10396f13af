package fr.maillage.fragility;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import fr.maillage.fragility.domain.FragilityIndexCalculator;
import fr.maillage.fragility.domain.FragilityIndexCalculator.WeightedScore;
import fr.maillage.fragility.domain.FragilityIndicator;
import fr.maillage.fragility.domain.FragilityScore;
import fr.maillage.fragility.domain.FragilitySettings;
import fr.maillage.fragility.domain.UnitIndicators;
import fr.maillage.fragility.domain.Variant;
import fr.maillage.fragility.importing.FragilityCsv;
import fr.maillage.fragility.importing.FragilityImportRefusedException;
import fr.maillage.fragility.importing.FragilityImportReport;
import fr.maillage.fragility.persistence.JdbcFragilityRepository;
import fr.maillage.fragility.persistence.JdbcFragilityRepository.PublishedRow;
import fr.maillage.fragility.persistence.JdbcFragilityRepository.ValueRow;
import fr.maillage.shared.text.TextDecoding;
import fr.maillage.shared.web.BadRequestException;
import fr.maillage.territories.CommuneProfile;
import fr.maillage.territories.Territories;
import fr.maillage.territories.TerritoryDetails;
import fr.maillage.territories.TerritoryLevel;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * The module's API: import fragility inputs, and score communes and territories for a
 * setting. Commune scores come from La Mednum's published figures when the setting is the
 * official one and the commune has them, otherwise from imported indicator values by the
 * method; territories are population-weighted means of their communes.
 */
@Service
public class FragilityIndexes {

	private static final int MAX_CACHED_SETTINGS = 32;

	private final JdbcFragilityRepository repository;

	private final Territories territories;

	private final ObjectMapper json;

	private volatile Inputs inputs = new Inputs("", Map.of(), Map.of());

	private final Map<FragilitySettings, Map<String, CommuneScore>> scoresBySetting = new ConcurrentHashMap<>();

	FragilityIndexes(JdbcFragilityRepository repository, Territories territories, ObjectMapper json) {
		this.repository = repository;
		this.territories = territories;
		this.json = json;
	}

	/** A commune's score and whether it is La Mednum's published figure. */
	public record CommuneScore(FragilityScore score, boolean published) {
	}

	/**
	 * Imports a CSV of indicator values or of published scores, all or nothing; values
	 * already known for the same unit and indicator are replaced.
	 */
	@Transactional
	public FragilityImportReport importFile(String fileName, byte[] content) {
		String text = TextDecoding.decode(content)
			.orElseThrow(() -> new FragilityImportRefusedException("encodage_inconnu",
					"L'encodage du fichier n'est pas reconnu : enregistrez-le en UTF-8 et réessayez."));
		FragilityCsv.Parsed parsed = FragilityCsv.parse(text, territories::findCurrentCode,
				territories::findLastKnownPopulation);
		UUID id = UUID.randomUUID();
		repository.saveImport(id, parsed.type(), fileName, parsed.read(), parsed.accepted(),
				json.writeValueAsString(parsed.issues()));
		repository.upsertValues(id, parsed.values());
		repository.upsertPublished(id, parsed.published());
		return new FragilityImportReport(id, parsed.type(), parsed.read(), parsed.accepted(),
				parsed.read() - parsed.accepted(), parsed.indicators(), parsed.ignoredColumns(), parsed.issues(),
				parsed.warnings());
	}

	/** The score of every current commune that data covers, for a setting. */
	public Map<String, CommuneScore> scoreCommunes(FragilitySettings settings) {
		return snapshot(settings).scores();
	}

	/**
	 * The inputs and commune scores one answer is computed from, read once per answer:
	 * checking the inputs' version costs a query.
	 */
	private Snapshot snapshot(FragilitySettings settings) {
		Inputs current = currentInputs();
		if (scoresBySetting.size() > MAX_CACHED_SETTINGS) {
			// weights are free: coordinators trying many must not grow the cache forever
			scoresBySetting.clear();
		}
		return new Snapshot(current, scoresBySetting.computeIfAbsent(settings, s -> computeCommuneScores(current, s)));
	}

	private record Snapshot(Inputs inputs, Map<String, CommuneScore> scores) {
	}

	/**
	 * The official score (v3, "tout âge", base France, equal weights) of every commune
	 * that data covers, by INSEE code: what other modules cross with their own figures.
	 */
	public Map<String, Double> listOfficialCommuneScores() {
		Map<String, Double> official = new HashMap<>();
		scoreCommunes(FragilitySettings.OFFICIAL).forEach((code, score) -> {
			if (score.score().isKnown()) {
				official.put(code, score.score().score());
			}
		});
		return official;
	}

	/**
	 * Communes of a département for a setting written as request parameters
	 * ({@link FragilitySettingsParameters}); for pages of other modules.
	 */
	public List<TerritoryFragility> listCommunes(String departement, Map<String, String> parameters) {
		return listCommunes(departement, FragilitySettingsParameters.read(parameters));
	}

	/**
	 * Communes of an EPCI for a setting written as request parameters, ordered by code;
	 * for the EPCI's territory page.
	 */
	public List<TerritoryFragility> listEpciCommunes(String siren, Map<String, String> parameters) {
		FragilitySettings settings = FragilitySettingsParameters.read(parameters);
		TerritoryDetails details = territories.getEpci(siren);
		Snapshot snapshot = snapshot(settings);
		return members(TerritoryLevel.EPCI, details.code()).stream()
			.map(commune -> summarise(commune.code(), commune.nom(), "commune", List.of(commune), settings, snapshot))
			.toList();
	}

	/** {@link #scoreTerritory} for a setting written as request parameters. */
	public TerritoryFragility scoreTerritory(String level, String code, Map<String, String> parameters) {
		return scoreTerritory(level, code, FragilitySettingsParameters.read(parameters));
	}

	/** Variant codes and their French names, for forms. */
	public static Map<String, String> listVariants() {
		Map<String, String> variants = new LinkedHashMap<>();
		for (Variant variant : Variant.values()) {
			variants.put(variant.code(), variant.label());
		}
		return variants;
	}

	/** Indicator codes of every variant and their French labels, for forms. */
	public static Map<String, String> listIndicatorLabels() {
		Map<String, String> labels = new LinkedHashMap<>();
		for (FragilityIndicator indicator : FragilityIndicator.values()) {
			labels.put(indicator.code(), indicator.label());
		}
		return labels;
	}

	/** {@link #scoreTerritory} with the official setting. */
	public TerritoryFragility scoreTerritoryOfficially(String level, String code) {
		return scoreTerritory(level, code, FragilitySettings.OFFICIAL);
	}

	/**
	 * @param level {@code commune}, {@code epci}, {@code departement} or {@code region}
	 */
	public TerritoryFragility scoreTerritory(String level, String code, FragilitySettings settings) {
		TerritoryDetails details = switch (level) {
			case "commune" -> territories.getCommune(code);
			case "epci" -> territories.getEpci(code);
			case "departement" -> territories.getDepartement(code);
			case "region" -> territories.getRegion(code);
			default -> throw new BadRequestException("niveau_inconnu",
					"Niveau inconnu : commune, epci, departement ou region.");
		};
		List<CommuneProfile> members = switch (level) {
			case "commune" -> territories.listCurrentCommunes()
				.stream()
				.filter(commune -> commune.code().equals(details.code()))
				.toList();
			case "epci" -> members(TerritoryLevel.EPCI, details.code());
			case "departement" -> members(TerritoryLevel.DEPARTEMENT, details.code());
			default -> members(TerritoryLevel.REGION, details.code());
		};
		return summarise(details.code(), details.nom(), level, members, settings, snapshot(settings));
	}

	/**
	 * Every EPCI, département or région with its fragility, computed in one pass over the
	 * communes.
	 * @param level {@code epci}, {@code departement} or {@code region}
	 */
	public List<TerritoryFragility> listTerritories(String level, FragilitySettings settings) {
		TerritoryLevel territoryLevel = switch (level) {
			case "epci" -> TerritoryLevel.EPCI;
			case "departement" -> TerritoryLevel.DEPARTEMENT;
			case "region" -> TerritoryLevel.REGION;
			default -> throw new BadRequestException("niveau_inconnu", "Niveau inconnu : epci, departement ou region.");
		};
		Map<String, List<CommuneProfile>> groups = new TreeMap<>();
		for (CommuneProfile commune : territories.listCurrentCommunes()) {
			List<String> keys = switch (territoryLevel) {
				case EPCI -> commune.epci() == null ? List.of() : List.of(commune.epci());
				case DEPARTEMENT -> commune.collectivite() == null ? List.of(commune.departement())
						: List.of(commune.departement(), commune.collectivite());
				case REGION -> List.of(commune.region());
			};
			keys.forEach(key -> groups.computeIfAbsent(key, k -> new ArrayList<>()).add(commune));
		}
		Map<String, String> names = territories.mapNames(territoryLevel);
		Snapshot snapshot = snapshot(settings);
		return groups.entrySet()
			.stream()
			.map(group -> summarise(group.getKey(), names.getOrDefault(group.getKey(), group.getKey()), level,
					group.getValue(), settings, snapshot))
			.toList();
	}

	/** Every commune of a département with its fragility, ordered by code. */
	public List<TerritoryFragility> listCommunes(String departement, FragilitySettings settings) {
		TerritoryDetails details = territories.getDepartement(departement);
		Snapshot snapshot = snapshot(settings);
		return members(TerritoryLevel.DEPARTEMENT, details.code()).stream()
			.map(commune -> summarise(commune.code(), commune.nom(), "commune", List.of(commune), settings, snapshot))
			.toList();
	}

	private List<CommuneProfile> members(TerritoryLevel level, String code) {
		return territories.listCurrentCommunes().stream().filter(commune -> commune.isIn(level, code)).toList();
	}

	private TerritoryFragility summarise(String code, String name, String level, List<CommuneProfile> communes,
			FragilitySettings settings, Snapshot snapshot) {
		Map<String, CommuneScore> scores = snapshot.scores();
		Inputs current = snapshot.inputs();
		List<WeightedScore> weighted = new ArrayList<>();
		int published = 0;
		int computed = 0;
		long population = 0;
		Map<FragilityIndicator, double[]> context = new EnumMap<>(FragilityIndicator.class);
		for (CommuneProfile commune : communes) {
			population += commune.population();
			CommuneScore score = scores.get(commune.code());
			if (score != null && score.score().isKnown()) {
				weighted.add(new WeightedScore(score.score(), commune.population()));
				if (score.published()) {
					published++;
				}
				else {
					computed++;
				}
			}
			UnitIndicators unit = current.communes().get(commune.code());
			if (unit != null) {
				unit.values().forEach((indicator, value) -> {
					if (!indicator.isCore()) {
						double[] sums = context.computeIfAbsent(indicator, i -> new double[2]);
						double weight = Math.max(1, commune.population());
						sums[0] += weight * value;
						sums[1] += weight;
					}
				});
			}
		}
		FragilityScore total = FragilityIndexCalculator.aggregate(weighted);
		Map<String, Double> indicators = new LinkedHashMap<>();
		for (FragilityIndicator indicator : settings.variant().indicators()) {
			Double score = total.indicatorScores().get(indicator);
			if (score != null) {
				indicators.put(indicator.code(), round(score));
			}
		}
		Map<String, Double> contextValues = new LinkedHashMap<>();
		context.forEach((indicator, sums) -> contextValues.put(indicator.code(), round(sums[0] / sums[1])));
		Map<String, Double> weights = new LinkedHashMap<>();
		settings.variant()
			.indicators()
			.forEach(indicator -> weights.put(indicator.code(), settings.weightOf(indicator)));
		String origin = published + computed == 0 ? "aucune"
				: computed == 0 ? "scores_publies" : published == 0 ? "calcule" : "mixte";
		return new TerritoryFragility(code, name, level, total.score() == null ? null : round(total.score()),
				indicators, contextValues, settings.method().code(), settings.variant().code(), settings.base().code(),
				weights, population, origin, communes.size() - published - computed);
	}

	private static double round(double value) {
		return Math.round(value * 100) / 100.0;
	}

	private Map<String, CommuneScore> computeCommuneScores(Inputs current, FragilitySettings settings) {
		Map<String, CommuneScore> scores = new HashMap<>();
		List<CommuneProfile> communes = territories.listCurrentCommunes();
		Function<CommuneProfile, String> baseKey = switch (settings.base()) {
			case FRANCE -> commune -> "";
			case REGION -> CommuneProfile::region;
			case DEPARTEMENT -> CommuneProfile::departement;
		};
		Map<String, List<UnitIndicators>> bases = communes.stream()
			.filter(commune -> current.communes().containsKey(commune.code()))
			.collect(Collectors.groupingBy(baseKey,
					Collectors.mapping(c -> current.communes().get(c.code()), Collectors.toList())));
		for (List<UnitIndicators> base : bases.values()) {
			FragilityIndexCalculator.scoreAll(base, settings)
				.forEach((code, score) -> scores.put(code, new CommuneScore(score, false)));
		}
		// La Mednum's figures are v3 ranks among all communes of France: they answer the
		// official setting and, re-weighted, other weights; not another base or method
		// (ADR 0008).
		boolean publishedApply = settings.method() == FragilitySettings.Method.V3
				&& settings.variant() == Variant.TOUT_AGE && settings.base() == FragilitySettings.Base.FRANCE;
		if (publishedApply) {
			current.published().forEach((code, indicatorScores) -> {
				FragilityScore score = FragilityIndexCalculator.combine(indicatorScores, settings);
				if (score.isKnown()) {
					scores.put(code, new CommuneScore(score, true));
				}
			});
		}
		return scores;
	}

	private Inputs currentInputs() {
		String version = repository.inputsVersion();
		Inputs current = inputs;
		if (!current.version().equals(version)) {
			synchronized (this) {
				current = inputs;
				if (!current.version().equals(version)) {
					current = loadInputs(version);
					scoresBySetting.clear();
					inputs = current;
				}
			}
		}
		return current;
	}

	private Inputs loadInputs(String version) {
		Map<String, Long> populations = new HashMap<>();
		territories.listCurrentCommunes().forEach(commune -> populations.put(commune.code(), commune.population()));
		// IRIS values make their commune's value, weighted by IRIS population; a value
		// given for the commune itself wins
		Map<String, Map<FragilityIndicator, double[]>> fromIris = new HashMap<>();
		Map<String, Map<FragilityIndicator, Double>> direct = new HashMap<>();
		for (ValueRow row : repository.listValues()) {
			Optional<FragilityIndicator> indicator = FragilityIndicator.findByCode(row.indicateur());
			if (indicator.isEmpty()) {
				continue;
			}
			if (row.niveau().equals("commune")) {
				direct.computeIfAbsent(row.commune(), c -> new EnumMap<>(FragilityIndicator.class))
					.put(indicator.get(), row.valeur());
			}
			else {
				double weight = row.population() == null ? 1 : Math.max(0, row.population());
				double[] sums = fromIris.computeIfAbsent(row.commune(), c -> new EnumMap<>(FragilityIndicator.class))
					.computeIfAbsent(indicator.get(), i -> new double[4]);
				sums[0] += weight * row.valeur();
				sums[1] += weight;
				sums[2] += row.valeur();
				sums[3]++;
			}
		}
		Map<String, UnitIndicators> communes = new HashMap<>();
		Set<String> withValues = new LinkedHashSet<>(fromIris.keySet());
		withValues.addAll(direct.keySet());
		for (String commune : withValues) {
			Map<FragilityIndicator, Double> values = new EnumMap<>(FragilityIndicator.class);
			fromIris.getOrDefault(commune, Map.of())
				.forEach((indicator, sums) -> values.put(indicator,
						sums[1] > 0 ? sums[0] / sums[1] : sums[2] / sums[3]));
			values.putAll(direct.getOrDefault(commune, Map.of()));
			communes.put(commune, new UnitIndicators(commune, populations.getOrDefault(commune, 0L), values));
		}
		Map<String, Map<FragilityIndicator, Double>> published = new HashMap<>();
		for (PublishedRow row : repository.listPublished("commune")) {
			FragilityIndicator.findByCode(row.indicateur())
				.ifPresent(
						indicator -> published.computeIfAbsent(row.code(), c -> new EnumMap<>(FragilityIndicator.class))
							.put(indicator, row.score()));
		}
		return new Inputs(version, communes, published);
	}

	private record Inputs(String version, Map<String, UnitIndicators> communes,
			Map<String, Map<FragilityIndicator, Double>> published) {
	}

}
