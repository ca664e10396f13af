package fr.maillage.testing;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small Frictionless Table Schema validator, written from the specification and driven
 * by the official {@code schema.json}: header order, and for each cell the constraints
 * required, unique, pattern (anchored), enum, minLength/maxLength and the types string,
 * number, integer, date, boolean. Independent of the production code on purpose: it is
 * what checks that code.
 */
public final class TableSchemaValidator {

	private final List<Field> fields = new ArrayList<>();

	private record Field(String name, String type, boolean required, boolean unique, Pattern pattern,
			Set<String> allowed, Integer minLength, Integer maxLength) {
	}

	public TableSchemaValidator(String schemaJson) {
		JsonNode schema = JsonMapper.builder().build().readTree(schemaJson);
		for (JsonNode field : schema.get("fields")) {
			JsonNode constraints = field.path("constraints");
			Set<String> allowed = new HashSet<>();
			constraints.path("enum").forEach(value -> allowed.add(value.asString()));
			fields.add(new Field(field.get("name").asString(), field.path("type").asString("string"),
					constraints.path("required").asBoolean(false), constraints.path("unique").asBoolean(false),
					constraints.has("pattern") ? Pattern.compile(constraints.get("pattern").asString()) : null, allowed,
					constraints.has("minLength") ? constraints.get("minLength").asInt() : null,
					constraints.has("maxLength") ? constraints.get("maxLength").asInt() : null));
		}
	}

	public List<String> columnNames() {
		return fields.stream().map(Field::name).toList();
	}

	/** Every violation, as "line N, field: reason"; empty when the CSV is valid. */
	public List<String> validate(String csv) {
		List<String> errors = new ArrayList<>();
		try (CSVParser parser = CSVFormat.RFC4180.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.get()
			.parse(new StringReader(csv))) {
			if (!parser.getHeaderNames().equals(columnNames())) {
				errors.add("header: " + parser.getHeaderNames() + " instead of " + columnNames());
				return errors;
			}
			List<Set<String>> seen = new ArrayList<>();
			fields.forEach(field -> seen.add(new HashSet<>()));
			for (CSVRecord record : parser) {
				for (int i = 0; i < fields.size(); i++) {
					String value = record.get(i);
					Field field = fields.get(i);
					String where = "line " + (record.getRecordNumber() + 1) + ", " + field.name() + " '" + value
							+ "': ";
					if (value.isEmpty()) {
						if (field.required()) {
							errors.add(where + "required");
						}
						continue;
					}
					if (field.unique() && !seen.get(i).add(value)) {
						errors.add(where + "not unique");
					}
					if (field.pattern() != null && !field.pattern().matcher(value).matches()) {
						errors.add(where + "does not match " + field.pattern());
					}
					if (!field.allowed().isEmpty() && !field.allowed().contains(value)) {
						errors.add(where + "not in enum");
					}
					if (field.maxLength() != null && value.codePointCount(0, value.length()) > field.maxLength()) {
						errors.add(where + "longer than " + field.maxLength());
					}
					if (field.minLength() != null && value.codePointCount(0, value.length()) < field.minLength()) {
						errors.add(where + "shorter than " + field.minLength());
					}
					checkType(field, value, where, errors);
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return errors;
	}

	private static void checkType(Field field, String value, String where, List<String> errors) {
		try {
			switch (field.type()) {
				case "number" -> Double.parseDouble(value);
				case "integer" -> Long.parseLong(value);
				case "date" -> LocalDate.parse(value);
				case "boolean" -> {
					if (!Set.of("true", "false").contains(value)) {
						errors.add(where + "not a boolean");
					}
				}
				default -> {
				}
			}
		}
		catch (NumberFormatException | DateTimeParseException e) {
			errors.add(where + "not a " + field.type());
		}
	}

}
