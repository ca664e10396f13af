package fr.maillage.opendata.publishing.hsds;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import fr.maillage.places.Place;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The whole directory as an HSDS 3.0 tabular data package (issue 19, docs/hsds.md): a zip
 * of one CSV per HSDS table and a Frictionless {@code datapackage.json} whose field lists
 * come from the official HSDS 3.0 schemas shipped in {@code hsds-3.0/schema}. The lieux
 * are read once, each table written to its own temporary file, then the files are copied
 * into the zip: memory stays bounded whatever the size of the directory.
 */
public final class HsdsDataPackage {

	/** Buffers of the temporary files and of the copy into the zip. */
	private static final int BUFFER = 1 << 16;

	/** The tables written, in the order of the package. */
	static final List<String> TABLES = List.of("organization", "organization_identifier", "location", "address",
			"phone", "accessibility", "schedule", "service", "service_at_location", "cost_option", "taxonomy",
			"taxonomy_term", "attribute");

	/**
	 * What a package's format is: part of the state a stored package reflects (ADR 0028),
	 * so that a package written by an older Maillage is built again. Raise it when the
	 * package's content changes.
	 */
	public static final int FORMAT = 2;

	/** Before the first instant a zip entry can carry (MS-DOS time). */
	private static final LocalDateTime ZIP_EPOCH = LocalDateTime.of(1980, 1, 1, 0, 0);

	/** One organization: its key and name, and how many lieux it has. */
	public record Organization(String key, String name, int lieux) {
	}

	private final ObjectMapper json;

	/** Table → the official schema of its rows. */
	private final Map<String, JsonNode> schemas = new LinkedHashMap<>();

	/**
	 * Table → its columns, read once: computed from the schema for each row, they were a
	 * large part of the package's time on 100 000 lieux (1,5 million rows).
	 */
	private final Map<String, List<String>> columns = new LinkedHashMap<>();

	public HsdsDataPackage(ObjectMapper json) {
		this.json = json;
		for (String table : TABLES) {
			try (InputStream in = HsdsDataPackage.class.getResourceAsStream("/hsds-3.0/schema/" + table + ".json")) {
				if (in == null) {
					throw new IllegalStateException("missing HSDS schema " + table);
				}
				schemas.put(table, json.readTree(in));
				columns.put(table, List.copyOf(readColumns(schemas.get(table))));
			}
			catch (IOException unreadable) {
				throw new UncheckedIOException(unreadable);
			}
		}
	}

	/** The columns of a table: the official schema's one-to-one properties, in order. */
	List<String> columns(String table) {
		return columns.get(table);
	}

	private static List<String> readColumns(JsonNode schema) {
		List<String> columns = new ArrayList<>();
		schema.get("properties").properties().forEach(property -> {
			String type = property.getValue().path("type").asString("");
			if (!type.equals("array") && !type.equals("object") && !type.isEmpty()) {
				columns.add(property.getKey());
			}
		});
		return columns;
	}

	/**
	 * Writes the package: the same directory and instant give the same bytes.
	 * @param directoryAt the instant of the directory's last change: the package's
	 * {@code created} and the date of its files
	 * @param forEachPlace streams every published lieu
	 * @param organizations every organization of the directory
	 */
	public void write(OutputStream out, Instant directoryAt, Consumer<Consumer<Place>> forEachPlace,
			List<Organization> organizations) throws IOException {
		Path directory = Files.createTempDirectory("maillage-hsds-");
		Map<String, CSVPrinter> tables = new LinkedHashMap<>();
		try {
			for (String table : TABLES) {
				Writer writer = new BufferedWriter(new OutputStreamWriter(
						Files.newOutputStream(directory.resolve(table + ".csv")), StandardCharsets.UTF_8), BUFFER);
				tables.put(table, new CSVPrinter(writer,
						CSVFormat.RFC4180.builder().setHeader(columns(table).toArray(String[]::new)).get()));
			}
			writeOrganizations(tables, organizations);
			Set<String> terms = new HashSet<>();
			Set<String> taxonomies = new HashSet<>();
			forEachPlace.accept(place -> writePlace(tables, place, terms, taxonomies));
			for (CSVPrinter printer : tables.values()) {
				printer.close();
			}
			try (ZipOutputStream zip = new ZipOutputStream(out)) {
				// the fastest compression: CSV compresses well at any level, and the time
				// is the target
				zip.setLevel(java.util.zip.Deflater.BEST_SPEED);
				LocalDateTime time = LocalDateTime.ofInstant(directoryAt, ZoneOffset.UTC);
				time = time.isBefore(ZIP_EPOCH) ? ZIP_EPOCH : time;
				zip.putNextEntry(entry("datapackage.json", time));
				zip.write(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(descriptor(directoryAt)));
				zip.closeEntry();
				byte[] buffer = new byte[BUFFER];
				for (String table : TABLES) {
					zip.putNextEntry(entry(path(table), time));
					try (InputStream csv = Files.newInputStream(directory.resolve(table + ".csv"))) {
						for (int read = csv.read(buffer); read >= 0; read = csv.read(buffer)) {
							zip.write(buffer, 0, read);
						}
					}
					zip.closeEntry();
				}
			}
		}
		catch (UncheckedIOException failed) {
			throw failed.getCause();
		}
		finally {
			for (CSVPrinter printer : tables.values()) {
				try {
					printer.close();
				}
				catch (IOException alreadyFailing) {
					// the first failure is the one reported
				}
			}
			for (String table : TABLES) {
				Files.deleteIfExists(directory.resolve(table + ".csv"));
			}
			Files.deleteIfExists(directory);
		}
	}

	private static ZipEntry entry(String name, LocalDateTime time) {
		ZipEntry entry = new ZipEntry(name);
		entry.setTimeLocal(time);
		return entry;
	}

	private void writeOrganizations(Map<String, CSVPrinter> tables, List<Organization> organizations) {
		for (Organization organization : organizations) {
			print(tables, "organization",
					HsdsRecords.organization(organization.key(), organization.name(), organization.lieux()));
			children(HsdsRecords.fullOrganization(organization.key(), organization.name(), List.of()),
					"organization_identifiers")
				.forEach(child -> print(tables, "organization_identifier", child));
		}
	}

	private void writePlace(Map<String, CSVPrinter> tables, Place place, Set<String> terms, Set<String> taxonomies) {
		String key = HsdsRecords.organizationKey(place);
		Map<String, Object> location = HsdsRecords.location(place, key);
		print(tables, "location", location);
		children(location, "addresses").forEach(child -> print(tables, "address", child));
		children(location, "phones").forEach(child -> print(tables, "phone", child));
		children(location, "accessibility").forEach(child -> print(tables, "accessibility", child));
		children(location, "schedules").forEach(child -> print(tables, "schedule", child));
		Map<String, Object> service = HsdsRecords.service(place, key);
		print(tables, "service", service);
		print(tables, "service_at_location", HsdsRecords.serviceAtLocation(place, key, false));
		HsdsRecords.costOptions(place, HsdsRecords.serviceId(place.id()))
			.forEach(child -> print(tables, "cost_option", child));
		for (Map<String, Object> attribute : HsdsRecords.attributes(place, HsdsRecords.serviceId(place.id()))) {
			print(tables, "attribute", attribute);
			@SuppressWarnings("unchecked")
			Map<String, Object> term = (Map<String, Object>) attribute.get("taxonomy_term");
			if (terms.add((String) term.get("id"))) {
				print(tables, "taxonomy_term", term);
			}
			String taxonomy = (String) term.get("taxonomy");
			if (taxonomies.add(taxonomy)) {
				Map<String, Object> row = new LinkedHashMap<>();
				row.put("id", term.get("taxonomy_id"));
				row.put("name", taxonomy);
				row.put("description", "Vocabulaire du schéma national des lieux de médiation numérique v1.0.2 "
						+ "(La Mednum, LaMednum/standard-mediation-num).");
				row.put("uri", "https://lamednum.coop/schema-de-donnees-des-lieux-de-mediation-numerique-2/");
				row.put("version", "1.0.2");
				print(tables, "taxonomy", row);
			}
		}
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> children(Map<String, Object> parent, String name) {
		Object value = parent.get(name);
		return value instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
	}

	private void print(Map<String, CSVPrinter> tables, String table, Map<String, Object> row) {
		List<String> values = new ArrayList<>();
		for (String column : columns(table)) {
			Object value = row.get(column);
			values.add(value == null || value instanceof Map || value instanceof List ? "" : String.valueOf(value));
		}
		try {
			tables.get(table).printRecord(values);
		}
		catch (IOException failed) {
			throw new UncheckedIOException(failed);
		}
	}

	private String path(String table) {
		return schemas.get(table).path("path").asString(table + "s.csv");
	}

	/**
	 * The Frictionless descriptor: each table's fields as the official schema types them.
	 */
	ObjectNode descriptor(Instant directoryAt) {
		ObjectNode descriptor = json.createObjectNode();
		descriptor.put("name", "maillage-hsds");
		descriptor.put("title", "Lieux de médiation numérique — Open Referral HSDS 3.0");
		descriptor.put("profile", "tabular-data-package");
		descriptor.put("version", HsdsRecords.VERSION);
		// the state of the directory the package holds (a stored package may be older
		// than the directory: ADR 0028)
		descriptor.put("created", directoryAt.truncatedTo(ChronoUnit.SECONDS).toString());
		ArrayNode licenses = descriptor.putArray("licenses");
		licenses.addObject()
			.put("name", "etalab-2.0")
			.put("title", "Licence Ouverte 2.0")
			.put("path", "https://www.etalab.gouv.fr/licence-ouverte-open-licence/");
		ArrayNode resources = descriptor.putArray("resources");
		for (String table : TABLES) {
			JsonNode official = schemas.get(table);
			ObjectNode resource = resources.addObject();
			resource.put("name", table);
			resource.put("path", path(table));
			resource.put("profile", "tabular-data-resource");
			resource.put("format", "csv");
			resource.put("mediatype", "text/csv");
			resource.put("encoding", "utf-8");
			ObjectNode schema = resource.putObject("schema");
			ArrayNode fields = schema.putArray("fields");
			Set<String> required = new HashSet<>();
			official.path("required").forEach(name -> required.add(name.asString()));
			for (String column : columns(table)) {
				JsonNode property = official.get("properties").get(column);
				ObjectNode field = fields.addObject();
				field.put("name", column);
				field.put("type", property.path("datapackage_type").asString(property.path("type").asString()));
				String format = property.path("format").asString("");
				if (List.of("uuid", "uri", "email").contains(format)) {
					field.put("format", format);
				}
				ObjectNode constraints = field.putObject("constraints");
				constraints.put("required", required.contains(column));
				constraints.put("unique", property.path("constraints").path("unique").asBoolean(false));
				if (property.has("enum")) {
					constraints.set("enum", property.get("enum"));
				}
			}
			schema.put("primaryKey", "id");
		}
		return descriptor;
	}

}
