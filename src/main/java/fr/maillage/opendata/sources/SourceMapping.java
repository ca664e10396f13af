package fr.maillage.opendata.sources;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import fr.maillage.opendata.importing.RecordMapping;
import fr.maillage.shared.text.TextFolding;

import org.jspecify.annotations.Nullable;

/**
 * How one producer's own export becomes records of the national schema, declared in
 * {@code resources/sources/<nom>.json} rather than coded: which column gives which schema
 * field, constant fields (a national scheme, a service), value dictionaries, per-weekday
 * hours columns, and which rows to keep. Pure: {@link #apply} turns one row (column →
 * text) into schema fields, or says why the row is left out.
 *
 * @param name the source name records are imported under
 * @param label the producer's name, in French
 * @param columns schema field → the producer's column
 * @param constants schema field → the value every record gets
 * @param dictionaries schema field → (producer's value → schema value)
 * @param hoursByDay OSM day code (Mo…Su) → the producer's column with that day's hours
 * @param keepOnly producer's column → the only value a kept row has in it
 * @param idPrefix prefix of the producer's ids (ids must be unique within a source)
 * @param lists schema list field → the pattern separating items in the producer's column;
 * each item then goes through the field's dictionary, where one item may give several
 * schema values ("a|b") or none ("")
 * @param idFrom for producers without ids: the columns whose values, together, identify a
 * record (hashed into a stable id)
 * @param nationalSchema the producer publishes the national schema itself
 * (data·inclusion): its file is imported as such, without mapping
 */
public record SourceMapping(String name, String label, Map<String, String> columns, Map<String, String> constants,
		Map<String, Map<String, String>> dictionaries, Map<String, String> hoursByDay, Map<String, String> keepOnly,
		String idPrefix, Map<String, String> lists, List<String> idFrom, @Nullable Boolean nationalSchema) {

	public SourceMapping {
		columns = copy(columns);
		constants = copy(constants);
		dictionaries = copy(dictionaries);
		hoursByDay = copy(hoursByDay);
		keepOnly = copy(keepOnly);
		idPrefix = idPrefix == null ? "" : idPrefix;
		lists = copy(lists);
		idFrom = idFrom == null ? List.of() : List.copyOf(idFrom);
		nationalSchema = Boolean.TRUE.equals(nationalSchema);
	}

	/** Whether the producer's file is in the national schema already (no mapping). */
	public boolean isNationalSchema() {
		return Boolean.TRUE.equals(nationalSchema);
	}

	/** Settings a connector's file leaves out are empty. */
	private static <V> Map<String, V> copy(@Nullable Map<String, V> map) {
		return map == null ? Map.of() : Map.copyOf(map);
	}

	/** A mapped row, or the reason it is left out. */
	public record Outcome(@Nullable Map<String, Object> fields, @Nullable String refusal) {

		static Outcome of(Map<String, Object> fields) {
			return new Outcome(fields, null);
		}

		static Outcome refused(String reason) {
			return new Outcome(null, reason);
		}

	}

	/**
	 * @param received when the file arrived. Not a {@code date_maj}: a producer that
	 * gives none per record has an unknown date ({@link RecordMapping#UNKNOWN_DATE}),
	 * since the import day would make stale records look fresh (issue 15)
	 */
	public Outcome apply(Map<String, String> row, LocalDate received) {
		for (Map.Entry<String, String> filter : keepOnly.entrySet()) {
			String value = row.getOrDefault(filter.getKey(), "").strip();
			if (!value.equalsIgnoreCase(filter.getValue())) {
				return Outcome.refused("Ligne non retenue : « " + filter.getKey() + " » vaut « " + value
						+ " » (seules les lignes à « " + filter.getValue() + " » sont publiées).");
			}
		}
		Map<String, Object> fields = new LinkedHashMap<>();
		columns.forEach((field, column) -> {
			String value = row.get(column);
			if (value != null && !value.isBlank()) {
				fields.put(field, translate(field, value.strip()));
			}
		});
		if (fields.get("adresse") instanceof String address && fields.get("code_postal") instanceof String postcode) {
			fields.put("adresse", withoutPostcodeAndCity(address, postcode));
		}
		constants.forEach(fields::putIfAbsent);
		if (fields.get("id") == null && !idFrom.isEmpty()) {
			fields.put("id", stableId(row));
		}
		if (fields.get("id") != null) {
			fields.put("id", idPrefix + fields.get("id"));
		}
		if (fields.get("pivot") instanceof String pivot) {
			fields.put("pivot", cleanIdentifier(pivot));
		}
		if (!hoursByDay.isEmpty()) {
			Map<String, String> byDay = new LinkedHashMap<>();
			hoursByDay.forEach((day, column) -> byDay.put(day, row.getOrDefault(column, "")));
			Optional<String> hours = HumanWeeklyHours.toOpeningHours(byDay);
			if (hours.isPresent()) {
				fields.put("horaires", hours.get());
			}
			else if (byDay.values().stream().anyMatch(text -> text != null && !text.isBlank())) {
				// kept as written: the import reports hours it cannot read, and drops
				// them
				fields.put("horaires",
						String.join(" ; ",
								byDay.entrySet()
									.stream()
									.filter(day -> !day.getValue().isBlank())
									.map(day -> day.getKey() + " " + day.getValue())
									.toList()));
			}
		}
		if (!fields.containsKey("date_maj")) {
			fields.put("date_maj", RecordMapping.UNKNOWN_DATE);
		}
		return Outcome.of(fields);
	}

	/** The columns of the schema records this mapping produces. */
	public List<String> schemaColumns() {
		Set<String> all = new LinkedHashSet<>(columns.keySet());
		all.addAll(constants.keySet());
		if (!idFrom.isEmpty()) {
			all.add("id");
		}
		if (!hoursByDay.isEmpty()) {
			all.add("horaires");
		}
		all.add("date_maj");
		return List.copyOf(all);
	}

	private String translate(String field, String value) {
		Map<String, String> dictionary = dictionaries.getOrDefault(field, Map.of());
		String separator = lists.get(field);
		if (separator == null) {
			return dictionary.getOrDefault(value, value);
		}
		Set<String> items = new LinkedHashSet<>();
		for (String item : value.split(separator)) {
			String cleaned = item.strip();
			if (!cleaned.isEmpty()) {
				for (String translated : dictionary.getOrDefault(cleaned, cleaned).split("\\|")) {
					if (!translated.isBlank()) {
						items.add(translated.strip());
					}
				}
			}
		}
		return String.join("|", items);
	}

	/**
	 * The same record gets the same id on every run as long as its identifying columns
	 * keep their values.
	 */
	private String stableId(Map<String, String> row) {
		StringBuilder key = new StringBuilder();
		for (String column : idFrom) {
			key.append(TextFolding.searchKey(row.getOrDefault(column, ""))).append('\u001f');
		}
		String uuid = UUID.nameUUIDFromBytes(key.toString().getBytes(StandardCharsets.UTF_8)).toString();
		return uuid.substring(0, 13).replace("-", "");
	}

	/**
	 * "20 Avenue de Ségur, 75007 Paris" → "20 Avenue de Ségur" when 75007 is the record's
	 * postcode: the schema has the postcode and commune in their own fields.
	 */
	static String withoutPostcodeAndCity(String address, String postcode) {
		int at = address.lastIndexOf(postcode);
		if (at <= 0) {
			return address;
		}
		String before = address.substring(0, at).replaceAll("[\\s,]+$", "");
		return before.isEmpty() ? address : before;
	}

	/** Spreadsheets turn SIRETs into numbers: "13002603200016.0", "130 026 032 00016". */
	static String cleanIdentifier(String value) {
		String cleaned = value.replace(" ", "").replace("\u00a0", "");
		return cleaned.endsWith(".0") ? cleaned.substring(0, cleaned.length() - 2) : cleaned;
	}

}
