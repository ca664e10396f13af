package fr.maillage.fragility.importing;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import fr.maillage.fragility.FragilityImportRefusedException;
import fr.maillage.fragility.FragilityImportReport.Issue;
import fr.maillage.fragility.domain.FragilityIndicator;
import fr.maillage.fragility.persistence.JdbcFragilityRepository.PublishedRow;
import fr.maillage.fragility.persistence.JdbcFragilityRepository.ValueRow;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

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
 * of its row is kept; a row whose commune is unknown is rejected whole.
 */
public final class FragilityCsv {

	private static final List<String> COMMUNE_COLUMNS = List.of("code_insee", "codgeo", "code_commune", "com");

	private static final List<String> IRIS_COLUMNS = List.of("code_iris", "iris");

	/** What a file gave: rows to store and every issue. */
	public record Parsed(String type, int read, int accepted, List<ValueRow> values, List<PublishedRow> published,
			List<String> indicators, List<String> ignoredColumns, List<Issue> issues) {
	}

	private FragilityCsv() {
	}

	/**
	 * @param currentCommune the current INSEE code of a commune code (following former
	 * codes), empty when unknown
	 */
	public static Parsed parse(String text, Function<String, Optional<String>> currentCommune) {
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
				return parsePublished(parser, columns, currentCommune);
			}
			return parseValues(parser, columns, currentCommune);
		}
		catch (IOException | UncheckedIOException e) {
			throw new FragilityImportRefusedException("fichier_illisible",
					"Le fichier n'est pas un CSV lisible : " + e.getMessage());
		}
	}

	private static Parsed parsePublished(CSVParser parser, Map<String, String> columns,
			Function<String, Optional<String>> currentCommune) {
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
		List<Issue> issues = new ArrayList<>();
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
				issues.add(new Issue(line, "division", divisionValue,
						"Division inconnue : « city » ou « epci » attendu."));
				continue;
			}
			String code = get(record, columns, "code");
			if (division.equals("commune")) {
				String padded = code.length() == 4 ? "0" + code : code;
				Optional<String> current = currentCommune.apply(padded);
				if (current.isEmpty()) {
					issues.add(new Issue(line, "code", code, "Commune inconnue du Code officiel géographique 2026."));
					continue;
				}
				code = current.get();
			}
			else if (!code.matches("\\d{9}")) {
				issues.add(new Issue(line, "code", code, "Un EPCI est désigné par son SIREN (9 chiffres)."));
				continue;
			}
			String name = get(record, columns, "name");
			int kept = 0;
			for (Map.Entry<String, String> column : scoreColumns.entrySet()) {
				String raw = get(record, columns, column.getKey());
				if (raw.isEmpty()) {
					continue;
				}
				Optional<Double> score = number(raw);
				// 0 is outside the method's scale but La Mednum publishes it for a few
				// communes: their figure is kept as published
				if (score.isEmpty() || score.get() < 0 || score.get() > 10) {
					issues.add(new Issue(line, columns.get(column.getKey()), raw,
							"Score attendu : un nombre entre 0 et 10."));
					continue;
				}
				rows.add(
						new PublishedRow(division, code, name.isEmpty() ? null : name, column.getValue(), score.get()));
				kept++;
			}
			if (kept > 0) {
				accepted++;
			}
		}
		List<String> indicators = scoreColumns.values().stream().filter(code -> !code.equals("total")).toList();
		return new Parsed("scores_publies", read, accepted, List.of(), rows, indicators, ignored, issues);
	}

	private static Parsed parseValues(CSVParser parser, Map<String, String> columns,
			Function<String, Optional<String>> currentCommune) {
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
		List<Issue> issues = new ArrayList<>();
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
				issues.add(new Issue(line, columns.get(codeColumn), code, "Code IRIS attendu : 9 caractères."));
				continue;
			}
			Optional<String> commune = currentCommune.apply(communeCode);
			if (commune.isEmpty()) {
				issues.add(new Issue(line, columns.get(codeColumn), code,
						"Commune inconnue du Code officiel géographique 2026."));
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
					issues.add(new Issue(line, columns.get("population"), raw,
							"Population attendue : un nombre positif ; ignorée."));
				}
			}
			String unitCode = level.equals("iris") ? code : commune.get();
			int kept = 0;
			for (Map.Entry<String, FragilityIndicator> column : indicatorColumns.entrySet()) {
				String raw = get(record, columns, column.getKey());
				if (raw.isEmpty()) {
					continue;
				}
				Optional<Double> value = number(raw);
				boolean isShare = column.getValue() != FragilityIndicator.DISTANCE_SERVICES;
				if (value.isEmpty() || value.get() < 0 || (isShare && value.get() > 100)) {
					issues.add(new Issue(line, columns.get(column.getKey()), raw,
							isShare ? "Part attendue en % : un nombre entre 0 et 100." : "Durée attendue en minutes."));
					continue;
				}
				rows.add(new ValueRow(level, unitCode, commune.get(), column.getValue().code(), value.get(),
						population));
				kept++;
			}
			if (kept > 0) {
				accepted++;
			}
		}
		return new Parsed("indicateurs", read, accepted, rows, List.of(),
				indicatorColumns.values().stream().map(FragilityIndicator::code).toList(), ignored, issues);
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
