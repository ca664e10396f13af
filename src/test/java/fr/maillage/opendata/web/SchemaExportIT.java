package fr.maillage.opendata.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import fr.maillage.testing.ApiClient;
import fr.maillage.testing.Fixtures;
import fr.maillage.testing.EmptyDirectoryApiTest;
import fr.maillage.testing.TableSchemaValidator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The exports are valid against the official schema.json, and the official example
 * survives a round trip.
 */
class SchemaExportIT extends EmptyDirectoryApiTest {

	private static final List<String> REAL_FILES = List.of(
			"20230517-hub-du-sud-lieux-de-mediation-numeriques-provence-alpes-cote-d-azur.json",
			"20230711-charente-lieux-de-mediation-numeriques-nouvelle-aquitaine.json",
			"20231003-bus-france-services-en-charente-lieux-de-mediation-numeriques-nouvelle-aquitaine.json",
			"20240320-nouvelle-caledonie-lieux-de-mediation-numeriques-nouvelle-caledonie.json",
			"data-inclusion-hauts-de-france.geojson");

	private static final TableSchemaValidator VALIDATOR = new TableSchemaValidator(
			new String(Fixtures.bytes("fixtures/schema/v1.0.2/schema.json"), StandardCharsets.UTF_8));

	@Test
	void theCsvExportOfEveryRealFilePassesTheOfficialSchema() {
		int imported = 0;
		for (String file : REAL_FILES) {
			imported += api.importFile(file.substring(0, 12), file, Fixtures.lieux(file))
				.json()
				.get("acceptees")
				.asInt();
		}
		imported += api
			.importFile("hinaura", "hinaura.json", Fixtures.bytes("demo/hinaura-lieux-auvergne-rhone-alpes.json"))
			.json()
			.get("acceptees")
			.asInt();

		ApiClient.Response export = api.get("/api/v1/lieux/export.csv");

		assertThat(export.status()).isEqualTo(200);
		assertThat(export.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("text/csv").containsIgnoringCase("utf-8"));
		assertThat(VALIDATOR.validate(export.body())).isEmpty();
		assertThat(imported).isEqualTo(3364);
		// one row per published lieu: records of the same place are merged
		assertThat(records(export.body())).hasSize(api.get("/api/v1/lieux?taille=1").json().get("total").asInt())
			.hasSizeLessThan(imported);
	}

	@Test
	void theValidatorCatchesWhatTheSchemaForbids() {
		String header = String.join(",", VALIDATOR.columnNames());
		String badRow = "\"x\",\"123\",\"Nom\",\"Lyon\",\"6900\",\"\",\"1 rue\",,,,,\"0472\",,,,,,,,\"Mobile\",,"
				+ "\"2024-13-01\",\"Cuisine\",,,,,,,,,,";
		assertThat(VALIDATOR.validate(header + "\n" + badRow + "\n")).hasSize(6);
	}

	@Test
	void theOfficialExampleSurvivesARoundTrip() throws Exception {
		String example = new String(Fixtures.bytes("fixtures/schema/v1.0.2/exemple-valide.csv"),
				StandardCharsets.UTF_8);
		api.importFile("exemple", "exemple-valide.csv", example.getBytes(StandardCharsets.UTF_8));

		String exported = api.get("/api/v1/lieux/export.csv").body();

		assertThat(VALIDATOR.validate(exported)).isEmpty();
		CSVRecord original = records(example).get(0);
		CSVRecord roundTripped = records(exported).get(0);
		for (String column : VALIDATOR.columnNames()) {
			if (!column.equals("id")) {
				assertThat(roundTripped.get(column)).as(column).isEqualTo(original.get(column));
			}
		}
	}

	@Test
	void exportsJsonAndGeoJsonWithTheSameFiltersAsTheSearch() {
		api.importFile("hinaura", "hinaura.json", Fixtures.bytes("demo/hinaura-lieux-auvergne-rhone-alpes.json"));

		JsonNode json = api.get("/api/v1/lieux/export.json?departement=69").json();
		JsonNode geojson = api.get("/api/v1/lieux/export.geojson?departement=69").json();
		String csv = api.get("/api/v1/lieux/export.csv?departement=69").body();

		assertThat(json).hasSize(48);
		assertThat(json.get(0).get("services").isString()).isTrue();
		assertThat(geojson.get("type").asString()).isEqualTo("FeatureCollection");
		assertThat(geojson.get("features")).hasSize(48);
		JsonNode feature = geojson.get("features").get(0);
		assertThat(feature.get("geometry").get("coordinates").get(0).asDouble())
			.isEqualTo(feature.get("properties").get("longitude").asDouble());
		assertThat(records(csv)).hasSize(48);
		assertThat(records(api.get("/api/v1/lieux/export.csv?departement=69M").body())).hasSize(29);
		assertThat(api.get("/api/v1/lieux/export.geojson?epci=200046977").json().get("features")).hasSize(29);
	}

	private static List<CSVRecord> records(String csv) {
		try {
			return CSVFormat.RFC4180.builder()
				.setHeader()
				.setSkipHeaderRecord(true)
				.get()
				.parse(new StringReader(csv))
				.getRecords();
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	@SuppressWarnings("unused")
	private static Map<String, String> row(CSVRecord record) {
		return record.toMap();
	}

}
