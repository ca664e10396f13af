package fr.maillage.opendata.importing;

import java.util.Map;

/**
 * One record as read from a file, before any interpretation.
 *
 * @param line the spreadsheet row for CSV (header = 1), the 1-based rank of the object
 * for JSON and GeoJSON
 * @param values column → value: {@code String} for CSV; for JSON the JSON type
 * ({@code String}, {@code Number}, {@code Boolean}, {@code List} of strings) so that
 * "numbers written as text" can be reported
 * @param typed whether the format has types (JSON) or only text (CSV)
 */
public record RawRecord(long line, Map<String, Object> values, boolean typed) {
}
