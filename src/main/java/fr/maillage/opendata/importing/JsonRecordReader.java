package fr.maillage.opendata.importing;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON array of objects (the national exchange format) or GeoJSON FeatureCollection
 * (data·inclusion export), read object by object with Jackson's streaming parser. For a
 * Feature, the properties are the record and a Point geometry gives the coordinates when
 * the properties have none.
 */
final class JsonRecordReader implements RecordReader {

	static final String GEOMETRY_LATITUDE = "__geometry_latitude";

	static final String GEOMETRY_LONGITUDE = "__geometry_longitude";

	private static final ObjectMapper MAPPER = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private final JsonParser parser;

	private final Set<String> columns = new LinkedHashSet<>();

	private String format = "json";

	private long rank;

	private @Nullable JsonToken pending;

	JsonRecordReader(Reader reader) {
		try {
			this.parser = MAPPER.createParser(reader);
			positionOnRecords();
			advance();
		}
		catch (JacksonException e) {
			throw malformed(e);
		}
	}

	/** Moves the parser to the start of the array of records. */
	private void positionOnRecords() {
		JsonToken first = parser.nextToken();
		if (first == JsonToken.START_ARRAY) {
			return;
		}
		if (first != JsonToken.START_OBJECT) {
			throw new ImportRefusedException("json_inattendu",
					"Le fichier JSON doit contenir un tableau de lieux ou une FeatureCollection GeoJSON.");
		}
		while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = parser.currentName();
			JsonToken value = parser.nextToken();
			if (value == JsonToken.START_ARRAY && ("features".equals(name) || "data".equals(name)
					|| "lieux".equals(name) || "results".equals(name))) {
				format = "features".equals(name) ? "geojson" : "json";
				return;
			}
			parser.skipChildren();
		}
		throw new ImportRefusedException("json_inattendu",
				"Aucun tableau de lieux trouvé dans le fichier JSON (clé « features » ou tableau à la racine attendu).");
	}

	private void advance() {
		pending = parser.nextToken();
	}

	@Override
	public String format() {
		return format;
	}

	@Override
	public List<String> columns() {
		return List.copyOf(columns);
	}

	@Override
	public boolean hasNext() {
		return pending != null && pending != JsonToken.END_ARRAY;
	}

	@Override
	public RawRecord next() {
		if (!hasNext()) {
			throw new NoSuchElementException();
		}
		rank++;
		try {
			JsonNode node = MAPPER.readTree(parser);
			advance();
			Map<String, Object> values = new LinkedHashMap<>();
			if (node != null && node.isObject()) {
				JsonNode properties = "geojson".equals(format) ? node.get("properties") : node;
				if (properties != null && properties.isObject()) {
					for (Map.Entry<String, JsonNode> property : properties.properties()) {
						add(property.getKey(), property.getValue(), values);
					}
				}
				if ("geojson".equals(format)) {
					addGeometry(node.get("geometry"), values);
				}
			}
			return new RawRecord(rank, values, true);
		}
		catch (JacksonException e) {
			throw malformed(e);
		}
	}

	/**
	 * A nested object's members become columns "parent.member" (a producer's
	 * {@code "geolocalisation": {"lat": …, "lon": …}}), so that mappings can name them.
	 */
	private void add(String name, JsonNode value, Map<String, Object> values) {
		refuseNul(name, name);
		if (value.isObject()) {
			for (Map.Entry<String, JsonNode> member : value.properties()) {
				add(name + "." + member.getKey(), member.getValue(), values);
			}
			return;
		}
		columns.add(name);
		if (value.isString()) {
			refuseNul(name, value.stringValue());
		}
		else if (value.isArray()) {
			for (JsonNode item : value.values()) {
				if (item.isString()) {
					refuseNul(name, item.stringValue());
				}
			}
		}
		Object converted = toValue(value);
		if (converted != null) {
			values.put(name, converted);
		}
	}

	/**
	 * An escaped U+0000 is valid JSON but no text (PostgreSQL stores none): the file is
	 * refused as a whole, like a zero byte in a CSV file (ADR 0004, file-level problem).
	 */
	private void refuseNul(String field, String text) {
		if (text.indexOf('\0') >= 0) {
			throw new ImportRefusedException("caractere_nul",
					"Le fichier contient un caractère nul (\\u0000) dans le lieu n° " + rank + ", champ « "
							+ field.replace('\0', '?') + " » : ce n'est pas du texte ; rien n'a été importé.");
		}
	}

	private static void addGeometry(@Nullable JsonNode geometry, Map<String, Object> values) {
		if (geometry == null || !geometry.isObject() || !"Point".equals(geometry.path("type").asString(""))) {
			return;
		}
		JsonNode coordinates = geometry.get("coordinates");
		if (coordinates != null && coordinates.isArray() && coordinates.size() >= 2 && coordinates.get(0).isNumber()
				&& coordinates.get(1).isNumber()) {
			values.put(GEOMETRY_LONGITUDE, coordinates.get(0).decimalValue());
			values.put(GEOMETRY_LATITUDE, coordinates.get(1).decimalValue());
		}
	}

	private static @Nullable Object toValue(JsonNode node) {
		switch (node.getNodeType()) {
			case NULL, MISSING:
				return null;
			case STRING:
				return node.stringValue();
			case NUMBER:
				return node.decimalValue();
			case BOOLEAN:
				return node.booleanValue();
			case ARRAY: {
				List<Object> items = new ArrayList<>();
				for (JsonNode item : node.values()) {
					Object value = toValue(item);
					if (value != null) {
						items.add(value);
					}
				}
				return items.isEmpty() ? null : items;
			}
			default:
				return node.toString();
		}
	}

	private static ImportRefusedException malformed(JacksonException e) {
		var location = e.getLocation();
		String where = location == null ? ""
				: " (ligne " + location.getLineNr() + ", colonne " + location.getColumnNr() + ")";
		return new ImportRefusedException("json_mal_forme",
				"Le fichier JSON est mal formé" + where + " : rien n'a été importé.");
	}

	@Override
	public void close() throws IOException {
		parser.close();
	}

}
