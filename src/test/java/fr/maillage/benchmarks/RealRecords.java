package fr.maillage.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import fr.maillage.testing.Fixtures;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The real records of every fixture file, concatenated, and replicated with jittered
 * coordinates for load.
 */
final class RealRecords {

	static final List<String> FILES = List.of(
			"fixtures/lieux/20230517-hub-du-sud-lieux-de-mediation-numeriques-provence-alpes-cote-d-azur.json",
			"fixtures/lieux/20230711-charente-lieux-de-mediation-numeriques-nouvelle-aquitaine.json",
			"fixtures/lieux/20231003-bus-france-services-en-charente-lieux-de-mediation-numeriques-nouvelle-aquitaine.json",
			"fixtures/lieux/20240320-nouvelle-caledonie-lieux-de-mediation-numeriques-nouvelle-caledonie.json",
			"fixtures/lieux/data-inclusion-hauts-de-france.geojson", "demo/hinaura-lieux-auvergne-rhone-alpes.json");

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	private RealRecords() {
	}

	static List<ObjectNode> all() {
		List<ObjectNode> records = new ArrayList<>();
		for (String file : FILES) {
			JsonNode root = JSON.readTree(Fixtures.bytes(file));
			JsonNode array = root.isArray() ? root : root.get("features");
			int rank = 0;
			for (JsonNode node : array) {
				ObjectNode record = (ObjectNode) (root.isArray() ? node : node.get("properties")).deepCopy();
				record.put("id", file.hashCode() + "-" + rank++);
				records.add(record);
			}
		}
		return records;
	}

	/**
	 * Writes {@code copies} copies of every real record as one JSON array; copy k > 0
	 * gets a new id and its point moved by up to ±{@code jitterDegrees} in each
	 * direction: a look-alike of the original, which the directory's merge groups with
	 * it.
	 */
	static Path writeReplicated(int copies, double jitterDegrees) throws IOException {
		return write(copies, jitterDegrees, false);
	}

	/**
	 * As {@link #writeReplicated}, each copy k > 0 also under a generated name and
	 * street, so that the directory's merge (ADR 0010) keeps it as a distinct place.
	 * Every other field (services, publics, hours, commune…) stays the real one.
	 */
	static Path writeDistinct(int copies, double jitterDegrees) throws IOException {
		return write(copies, jitterDegrees, true);
	}

	/**
	 * Writes {@code count} real records (the first ones) under generated names and
	 * streets and ids ending in {@code suffix}: new distinct places for a small import.
	 */
	static Path writeDistinctSample(int count, String suffix, long seed) throws IOException {
		List<ObjectNode> records = all();
		Random random = new Random(seed);
		Path file = Files.createTempFile("maillage-bench-", ".json");
		try (OutputStream out = Files.newOutputStream(file); JsonGenerator generator = JSON.createGenerator(out)) {
			generator.writeStartArray();
			for (ObjectNode original : records.subList(0, Math.min(count, records.size()))) {
				ObjectNode record = original.deepCopy();
				record.put("id", original.get("id").asString() + "-" + suffix);
				jitter(record, "latitude", 0.02, random);
				jitter(record, "longitude", 0.02, random);
				giveAnotherNameAndStreet(record, random);
				JSON.writeValue(generator, record);
			}
			generator.writeEndArray();
		}
		return file;
	}

	private static Path write(int copies, double jitterDegrees, boolean distinct) throws IOException {
		List<ObjectNode> records = all();
		Random random = new Random(42);
		Path file = Files.createTempFile("maillage-bench-", ".json");
		try (OutputStream out = Files.newOutputStream(file); JsonGenerator generator = JSON.createGenerator(out)) {
			generator.writeStartArray();
			for (int copy = 0; copy < copies; copy++) {
				for (ObjectNode original : records) {
					ObjectNode record = original.deepCopy();
					record.put("id", original.get("id").asString() + "-" + copy);
					if (copy > 0) {
						jitter(record, "latitude", jitterDegrees, random);
						jitter(record, "longitude", jitterDegrees, random);
					}
					if (copy > 0 && distinct) {
						giveAnotherNameAndStreet(record, random);
					}
					JSON.writeValue(generator, record);
				}
			}
			generator.writeEndArray();
		}
		return file;
	}

	/** A generated name and street, so that the copy is a place of its own. */
	private static void giveAnotherNameAndStreet(ObjectNode record, Random random) {
		record.put("nom", capitalized(word(random)) + " " + capitalized(word(random)));
		if (record.hasNonNull("adresse")) {
			record.put("adresse", (1 + random.nextInt(120)) + " rue " + capitalized(word(random)));
		}
	}

	private static final String[] SYLLABLES = { "ba", "bo", "ca", "cu", "da", "di", "fa", "fo", "ga", "gi", "la", "lo",
			"ma", "mi", "na", "nu", "pa", "po", "ra", "ri", "sa", "so", "ta", "te", "va", "vi", "za", "zo", "bre",
			"cla", "dro", "fri", "gla", "pro", "tri", "vel", "mar", "lin", "tor", "sen" };

	/** A pronounceable word of 3 to 5 syllables: 40^3 to 40^5 possibilities. */
	private static String word(Random random) {
		StringBuilder word = new StringBuilder();
		for (int i = 3 + random.nextInt(3); i > 0; i--) {
			word.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
		}
		return word.toString();
	}

	private static String capitalized(String word) {
		return Character.toUpperCase(word.charAt(0)) + word.substring(1);
	}

	private static void jitter(ObjectNode record, String field, double jitterDegrees, Random random) {
		JsonNode value = record.get(field);
		if (value == null || value.isNull()) {
			return;
		}
		try {
			double number = value.isNumber() ? value.doubleValue() : Double.parseDouble(value.asString());
			record.put(field, BigDecimal.valueOf(number + (random.nextDouble() * 2 - 1) * jitterDegrees));
		}
		catch (NumberFormatException notANumber) {
			// left as is: the import reports it
		}
	}

}
