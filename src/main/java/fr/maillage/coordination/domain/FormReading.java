package fr.maillage.coordination.domain;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Reading a form of the coordination's pages: each field's value stripped, and each
 * problem in French next to its field (field → message), so that a form comes back with
 * what was typed and every problem at once.
 */
public final class FormReading {

	private static final DateTimeFormatter FRENCH = DateTimeFormatter.ofPattern("dd/MM/uuuu");

	private final Map<String, String> fields;

	private final Map<String, String> problems = new LinkedHashMap<>();

	public FormReading(Map<String, String> fields) {
		this.fields = fields;
	}

	/** The value typed, stripped; null when blank. */
	public @Nullable String value(String field) {
		String value = fields.get(field);
		return value == null || value.isBlank() ? null : value.strip();
	}

	public @Nullable String required(String field, String label, int maxLength) {
		String value = value(field);
		if (value == null) {
			problem(field, label + " : à renseigner.");
			return null;
		}
		return limited(field, label, value, maxLength);
	}

	public @Nullable String optional(String field, String label, int maxLength) {
		String value = value(field);
		return value == null ? null : limited(field, label, value, maxLength);
	}

	private @Nullable String limited(String field, String label, String value, int maxLength) {
		if (value.length() > maxLength) {
			problem(field, label + " : " + maxLength + " caractères au plus (" + value.length() + " saisis).");
			return null;
		}
		return value;
	}

	/**
	 * A date as a date field sends it (2026-03-31) or as typed in French (31/03/2026).
	 */
	public @Nullable LocalDate date(String field, String label) {
		String value = value(field);
		if (value == null) {
			return null;
		}
		Optional<LocalDate> date = parseDate(value);
		if (date.isEmpty()) {
			problem(field, label + " : date non reconnue « " + value + " » (par exemple 31/03/2026).");
			return null;
		}
		return date.get();
	}

	public static Optional<LocalDate> parseDate(String value) {
		for (DateTimeFormatter format : new DateTimeFormatter[] { DateTimeFormatter.ISO_LOCAL_DATE, FRENCH }) {
			try {
				return Optional.of(LocalDate.parse(value.strip(), format));
			}
			catch (DateTimeParseException notThisFormat) {
				// the next one
			}
		}
		return Optional.empty();
	}

	public void problem(String field, String message) {
		problems.merge(field, message, (a, b) -> a + " " + b);
	}

	public boolean hasProblem(String field) {
		return problems.containsKey(field);
	}

	public Map<String, String> problems() {
		return Map.copyOf(new LinkedHashMap<>(problems));
	}

	public boolean isValid() {
		return problems.isEmpty();
	}

}
