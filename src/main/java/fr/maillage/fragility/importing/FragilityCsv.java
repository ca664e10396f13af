package fr.maillage.fragility.importing;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Collectors;

import fr.maillage.shared.importing.ImportIssue;
import fr.maillage.fragility.domain.FragilityIndicator;
import fr.maillage.fragility.importing.FragilityImportReport.Warning;
import fr.maillage.fragility.domain.MergedCommuneScores;
import fr.maillage.fragility.domain.MergedCommuneScores.FormerCommune;
import fr.maillage.fragility.domain.MergedCommuneScores.Merged;
import fr.maillage.fragility.persistence.JdbcFragilityRepository.PublishedRow;
import fr.maillage.fragility.persistence.JdbcFragilityRepository.ValueRow;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * Reads the two kinds of fragility files, told apart by their header.
 * <ul>
 * <li>Published scores of La Mednum: {@code name,division,code,no_thd_coverage_rate,…,
 * total}, division {@code city} or {@code epci}, scores on the 1–10 scale (0
 * accepted).</li>
 * <li>Indicator values: a code column ({@code code_insee}, {@code codgeo} or
 * {@code code_iris}), an optional {@code population}, and one column per indicator named
 * by its code (e.g. {@code taux_pauvrete}), values in % (decimal point or comma).</li>
 * </ul>
 * Tolerant: a bad value is left out and reported (line, column, value, reason), the rest
 * of its row is kept; a row whose commune is unknown, or whose code was already given, is
 * rejected whole. Rows of communes that merged since the file was made are combined into
 * their current commune by {@link MergedCommuneScores}, with a warning each.
 */
public final class FragilityCsv {

	private static final List<String> COMMUNE_COLUMNS = List.of("code_insee", "codgeo", "code_commune", "com");

	private static final List<String> IRIS_COLUMNS = List.of("code_iris", "iris");

	/** What a file gave: rows to store and every issue. */
	public record Parsed(String type, int read, int accepted, List<ValueRow> values, List<PublishedRow> published,
			List<String> indicators, List<String> ignoredColumns, List<ImportIssue> issues, List<Warning> warnings) {
	}

	/**
	 * A commune row as read, before rows of former communes of one current commune are
	 * combined.
	 */
	private record CommuneRow(long line, String code, String current, @Nullable String name, @Nullable Long population,
			Map<String, Double> figures) {
	}

	private FragilityCsv() {
	}

	/** {@link #parse(String, Function, Function)} with no population known. */
	public static Parsed parse(String text, Function<String, Optional<String>> currentCommune) {
		return parse(text, currentCommune, code -> OptionalLong.empty());
	}

	/**
	 * @param currentCommune the current INSEE code of a commune code (following former
	 * codes), empty when unknown
	 * @param lastKnownPopulation the last population of a commune that merged since, to
	 * weigh its figures when the file gives several former communes of one current
	 * commune
	 */
	public static Parsed parse(String text, Function<String, Optional<String>> currentCommune,
			Function<String, OptionalLong> lastKnownPopulation) {
		String firstLine = text.lines().findFirst().orElse("");
		char delimiter = count(firstLine, ';') > count(firstLine, ',') ? ';' : ',';
		CSVFormat format = CSVFormat.RFC4180.builder()
			.setDelimiter(delimiter)
			.setHeader()
			.setSkipHeaderRecord(true)
			.setIgnoreSurroundingSpaces(true)
			.setAllowMissingColumnNames(true)
			.get();
		try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
			Map<String, String> columns = new LinkedHashMap<>();
			for (String header : parser.getHeaderNames()) {
				columns.put(header.strip().toLowerCase(Locale.ROOT), header);
			}
			if (columns.containsKey("division") && columns.containsKey("total") && columns.containsKey("code")) {
				return parsePublished(parser, columns, currentCommune, lastKnownPopulation);
			}
			return parseValues(parser, columns, currentCommune, lastKnownPopulation);
		}
		catch (IOException | UncheckedIOException e) {
			throw new FragilityImportRefusedException("fichier_illisible",
					"Le fichier n'est pas un CSV lisible : " + e.getMessage());
		}
	}

	private static Parsed parsePublished(CSVParser parser, Map<String, String> columns,
			Function<String, Optional<String>> currentCommune, Function<String, OptionalLong> lastKnownPopulation) {
		Map<String, String> scoreColumns = new LinkedHashMap<>();
		List<String> ignored = new ArrayList<>();
		for (String column : columns.keySet()) {
			if (column.equals("total")) {
				scoreColumns.put(column, "total");
			}
			else if (FragilityIndicator.findByPublishedColumn(column).isPresent()) {
				scoreColumns.put(column, FragilityIndicator.findByPublishedColumn(column).get().code());
			}
			else if (!List.of("name", "division", "code").contains(column)) {
				ignored.add(columns.get(column));
			}
		}
		List<PublishedRow> rows = new ArrayList<>();
		List<CommuneRow> communes = new ArrayList<>();
		List<ImportIssue> issues = new ArrayList<>();
		Map<String, Long> firstLines = new HashMap<>();
		int read = 0;
		int accepted = 0;
		for (CSVRecord record : parser) {
			read++;
			long line = record.getRecordNumber() + 1;
			String divisionValue = get(record, columns, "division");
			String division = switch (divisionValue) {
				case "city", "commune" -> "commune";
				case "epci" -> "epci";
				default -> null;
			};
			if (division == null) {
				issues.add(new ImportIssue((long) line, "division", divisionValue,
						"Division inconnue : « city » ou « epci » attendu."));
				continue;
			}
			String code = get(record, columns, "code");
			String current = code;
			if (division.equals("commune")) {
				code = code.length() == 4 ? "0" + code : code;
				Optional<String> found = currentCommune.apply(code);
				if (found.isEmpty()) {
					issues.add(new ImportIssue((long) line, "code", code,
							"Commune inconnue du Code officiel géographique 2026."));
					continue;
				}
				current = found.get();
			}
			else if (!code.matches("\\d{9}")) {
				issues
					.add(new ImportIssue((long) line, "code", code, "Un EPCI est désigné par son SIREN (9 chiffres)."));
				continue;
			}
			Long first = firstLines.putIfAbsent(division + ":" + code, line);
			if (first != null) {
				issues.add(new ImportIssue((long) line, "code", code,
						"Code déjà donné ligne " + first + " : ligne écartée."));
				continue;
			}
			String name = get(record, columns, "name");
			Map<String, Double> figures = new LinkedHashMap<>();
			for (Map.Entry<String, String> column : scoreColumns.entrySet()) {
				String raw = get(record, columns, column.getKey());
				if (raw.isEmpty()) {
					continue;
				}
				Optional<Double> score = number(raw);
				// 0 is outside the method's scale but La Mednum publishes it for a few
				// communes: their figure is kept as published
				if (score.isEmpty() || score.get() < 0 || score.get() > 10) {
					issues.add(new ImportIssue((long) line, columns.get(column.getKey()), raw,
							"Score attendu : un nombre entre 0 et 10."));
					continue;
				}
				figures.put(column.getValue(), score.get());
			}
			if (figures.isEmpty()) {
				if (issues.isEmpty() || issues.get(issues.size() - 1).ligne() != line) {
					// La Mednum publishes Marseille (13055) without any score
					issues.add(
							new ImportIssue((long) line, "code", code, "Aucun score sur cette ligne : ligne écartée."));
				}
				continue;
			}
			accepted++;
			if (division.equals("commune")) {
				communes.add(new CommuneRow(line, code, current, name.isEmpty() ? null : name, null, figures));
			}
			else {
				String epci = code;
				String epciName = name.isEmpty() ? null : name;
				figures.forEach(
						(indicator, score) -> rows.add(new PublishedRow("epci", epci, epciName, indicator, score)));
			}
		}
		List<Warning> warnings = new ArrayList<>();
		for (CommuneRow commune : combineMergedCommunes(communes, lastKnownPopulation, warnings)) {
			commune.figures()
				.forEach((indicator, score) -> rows
					.add(new PublishedRow("commune", commune.current(), commune.name(), indicator, score)));
		}
		List<String> indicators = scoreColumns.values().stream().filter(code -> !code.equals("total")).toList();
		return new Parsed("scores_publies", read, accepted, List.of(), rows, indicators, ignored, issues, warnings);
	}

	/**
	 * One row per current commune: rows of former communes that merged since are combined
	 * ({@link MergedCommuneScores}), with one warning per current commune.
	 */
	private static List<CommuneRow> combineMergedCommunes(List<CommuneRow> rows,
			Function<String, OptionalLong> lastKnownPopulation, List<Warning> warnings) {
		Map<String, List<CommuneRow>> byCurrent = rows.stream()
			.collect(Collectors.groupingBy(CommuneRow::current, LinkedHashMap::new, Collectors.toList()));
		List<CommuneRow> combined = new ArrayList<>();
		for (List<CommuneRow> group : byCurrent.values()) {
			if (group.size() == 1) {
				combined.add(group.get(0));
				continue;
			}
			List<FormerCommune> formers = new ArrayList<>();
			Map<String, Long> populations = new LinkedHashMap<>();
			for (CommuneRow row : group) {
				Long population = row.population();
				if (population == null) {
					OptionalLong known = lastKnownPopulation.apply(row.code());
					population = known.isPresent() ? known.getAsLong() : null;
				}
				populations.put(row.code(), population);
				formers.add(new FormerCommune(row.code(), population, row.figures()));
			}
			Merged merged = MergedCommuneScores.merge(formers);
			String current = group.get(0).current();
			String names = group.stream()
				.map(row -> row.name() == null ? row.code() : row.name())
				.collect(Collectors.joining(" + "));
			Long population = merged.populationWeighted()
					? populations.values().stream().mapToLong(Long::longValue).sum() : null;
			combined.add(new CommuneRow(group.get(0).line(), group.get(0).code(), current, names, population,
					merged.figures()));
			warnings.add(mergeWarning(current, group, populations, merged));
		}
		return combined;
	}

	private static Warning mergeWarning(String current, List<CommuneRow> group, Map<String, Long> populations,
			Merged merged) {
		NumberFormat integer = NumberFormat.getIntegerInstance(Locale.FRANCE);
		List<String> described = new ArrayList<>();
		for (CommuneRow row : group) {
			Long population = populations.get(row.code());
			described.add(row.code() + (row.name() == null ? "" : " " + row.name()) + " ("
					+ (population == null ? "population inconnue" : integer.format(population) + " hab.") + ", poids "
					+ Math.round(100 * merged.weights().get(row.code())) + " %)");
		}
		String formers = String.join(", ", described.subList(0, described.size() - 1)) + " et "
				+ described.get(described.size() - 1);
		String message = "Communes fusionnées depuis ce fichier : " + formers + " forment aujourd'hui la commune "
				+ current + ". Ses chiffres sont la moyenne des leurs, "
				+ (merged.populationWeighted() ? "pondérée par leur dernière population connue."
						: "à poids égaux, car une population est inconnue.");
		return new Warning(current, group.stream().map(CommuneRow::code).toList(), merged.weights(),
				merged.populationWeighted() ? "population" : "egale", group.stream().map(CommuneRow::line).toList(),
				message);
	}

	private static Parsed parseValues(CSVParser parser, Map<String, String> columns,
			Function<String, Optional<String>> currentCommune, Function<String, OptionalLong> lastKnownPopulation) {
		String irisColumn = IRIS_COLUMNS.stream().filter(columns::containsKey).findFirst().orElse(null);
		String communeColumn = COMMUNE_COLUMNS.stream().filter(columns::containsKey).findFirst().orElse(null);
		if (irisColumn == null && communeColumn == null) {
			throw new FragilityImportRefusedException("colonne_manquante",
					"Colonne de code manquante : « code_insee » (ou « codgeo ») pour des communes, « code_iris » pour des IRIS. "
							+ "Pour des scores publiés par La Mednum, les colonnes « division », « code » et « total » sont attendues.");
		}
		Map<String, FragilityIndicator> indicatorColumns = new LinkedHashMap<>();
		List<String> ignored = new ArrayList<>();
		for (String column : columns.keySet()) {
			Optional<FragilityIndicator> indicator = FragilityIndicator.findByCode(column);
			if (indicator.isPresent()) {
				indicatorColumns.put(column, indicator.get());
			}
			else if (!column.equals(irisColumn) && !column.equals(communeColumn) && !column.equals("population")
					&& !column.equals("nom") && !column.equals("libgeo")) {
				ignored.add(columns.get(column));
			}
		}
		if (indicatorColumns.isEmpty()) {
			throw new FragilityImportRefusedException("aucun_indicateur",
					"Aucune colonne d'indicateur reconnue. Noms attendus : " + String.join(", ",
							java.util.Arrays.stream(FragilityIndicator.values()).map(FragilityIndicator::code).toList())
							+ ".");
		}
		List<ValueRow> rows = new ArrayList<>();
		List<CommuneRow> communes = new ArrayList<>();
		List<ImportIssue> issues = new ArrayList<>();
		Map<String, Long> firstLines = new HashMap<>();
		int read = 0;
		int accepted = 0;
		String level = irisColumn != null ? "iris" : "commune";
		for (CSVRecord record : parser) {
			read++;
			long line = record.getRecordNumber() + 1;
			String codeColumn = irisColumn != null ? irisColumn : communeColumn;
			String code = get(record, columns, codeColumn);
			String communeCode = level.equals("iris") ? (code.length() == 9 ? code.substring(0, 5) : "")
					: code.length() == 4 ? "0" + code : code;
			if (level.equals("iris") && !code.matches("[0-9AB]{5}\\d{4}")) {
				issues.add(new ImportIssue((long) line, columns.get(codeColumn), code,
						"Code IRIS attendu : 9 caractères."));
				continue;
			}
			Optional<String> commune = currentCommune.apply(communeCode);
			if (commune.isEmpty()) {
				issues.add(new ImportIssue((long) line, columns.get(codeColumn), code,
						"Commune inconnue du Code officiel géographique 2026."));
				continue;
			}
			String unitCode = level.equals("iris") ? code : communeCode;
			Long first = firstLines.putIfAbsent(unitCode, line);
			if (first != null) {
				issues.add(new ImportIssue((long) line, columns.get(codeColumn), code,
						"Code déjà donné ligne " + first + " : ligne écartée."));
				continue;
			}
			Long population = null;
			if (columns.containsKey("population")) {
				String raw = get(record, columns, "population");
				Optional<Double> number = number(raw);
				if (number.isPresent() && number.get() >= 0) {
					population = Math.round(number.get());
				}
				else if (!raw.isEmpty()) {
					issues.add(new ImportIssue((long) line, columns.get("population"), raw,
							"Population attendue : un nombre positif ; ignorée."));
				}
			}
			Map<String, Double> figures = new LinkedHashMap<>();
			for (Map.Entry<String, FragilityIndicator> column : indicatorColumns.entrySet()) {
				String raw = get(record, columns, column.getKey());
				if (raw.isEmpty()) {
					continue;
				}
				Optional<Double> value = number(raw);
				boolean isShare = column.getValue() != FragilityIndicator.DISTANCE_SERVICES;
				if (value.isEmpty() || value.get() < 0 || (isShare && value.get() > 100)) {
					issues.add(new ImportIssue((long) line, columns.get(column.getKey()), raw,
							isShare ? "Part attendue en % : un nombre entre 0 et 100." : "Durée attendue en minutes."));
					continue;
				}
				figures.put(column.getValue().code(), value.get());
			}
			if (figures.isEmpty()) {
				continue;
			}
			accepted++;
			if (level.equals("iris")) {
				Long irisPopulation = population;
				figures.forEach((indicator, value) -> rows
					.add(new ValueRow("iris", code, commune.get(), indicator, value, irisPopulation)));
			}
			else {
				communes.add(new CommuneRow(line, communeCode, commune.get(), null, population, figures));
			}
		}
		List<Warning> warnings = new ArrayList<>();
		for (CommuneRow commune : combineMergedCommunes(communes, lastKnownPopulation, warnings)) {
			commune.figures()
				.forEach((indicator, value) -> rows.add(new ValueRow("commune", commune.current(), commune.current(),
						indicator, value, commune.population())));
		}
		return new Parsed("indicateurs", read, accepted, rows, List.of(),
				indicatorColumns.values().stream().map(FragilityIndicator::code).toList(), ignored, issues, warnings);
	}

	private static String get(CSVRecord record, Map<String, String> columns, String column) {
		String header = columns.get(column);
		if (header == null || !record.isSet(header)) {
			return "";
		}
		return record.get(header).strip();
	}

	private static Optional<Double> number(String raw) {
		try {
			double value = Double.parseDouble(raw.replace(',', '.').replace(" ", "").replace("\u00a0", ""));
			return Double.isFinite(value) ? Optional.of(value) : Optional.empty();
		}
		catch (NumberFormatException notANumber) {
			return Optional.empty();
		}
	}

	private static long count(String line, char c) {
		return line.chars().filter(ch -> ch == c).count();
	}

}
