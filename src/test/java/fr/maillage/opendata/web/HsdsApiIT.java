package fr.maillage.opendata.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import fr.maillage.opendata.OpenReferralDirectory;
import fr.maillage.opendata.publishing.hsds.HsdsRecords;
import fr.maillage.places.PlaceDirectory;
import fr.maillage.places.PlaceQuery;
import fr.maillage.testing.ApiClient;
import fr.maillage.testing.CleanDatabase;
import fr.maillage.testing.Fixtures;
import fr.maillage.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Open Referral HSDS 3.0 API (issue 19) against the official HSDS 3.0 JSON schemas
 * copied in {@code src/main/resources/hsds-3.0} (data/SOURCES.md): every lieu of every
 * real fixture, as full service, location, service at location and organization, and the
 * API's pages and objects; the spec's paging and search; bad input is a French 400.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HsdsApiIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlaceDirectory places;

	@Autowired
	OpenReferralDirectory openReferral;

	ApiClient api;

	@BeforeAll
	void importEveryRealFixture() {
		api = new ApiClient(port);
		CleanDatabase.empty(jdbc);
		assertThat(Fixtures.importEveryRealLieuxFile(api)).isEqualTo(6);
	}

	static Schema schema(String name) {
		return SCHEMAS.getSchema(SchemaLocation.of("classpath:hsds-3.0/schema/" + name));
	}

	private static List<String> violations(Schema schema, Object value, String what) {
		JsonNode node = value instanceof JsonNode json ? json : JSON.valueToTree(value);
		return schema.validate(node).stream().map(Error::toString).map(error -> what + ": " + error).toList();
	}

	@Test
	void everyLieuOfEveryRealFixtureIsValidHsds() {
		Schema service = schema("service.json");
		Schema location = schema("location.json");
		Schema serviceAtLocation = schema("service_at_location.json");
		Schema organization = schema("organization.json");
		List<String> wrong = new ArrayList<>();
		int[] count = { 0 };
		Set<String> withSchedules = new HashSet<>();
		places.forEachPlace(PlaceQuery.all(), place -> {
			count[0]++;
			String key = HsdsRecords.organizationKey(place);
			Map<String, Object> full = HsdsRecords.fullService(place, key, "Structure", 1);
			wrong.addAll(violations(service, full, "service " + place.id()));
			wrong.addAll(violations(location, HsdsRecords.location(place, key), "location " + place.id()));
			wrong.addAll(violations(serviceAtLocation, HsdsRecords.serviceAtLocation(place, key, true),
					"service_at_location " + place.id()));
			wrong.addAll(violations(organization, HsdsRecords.fullOrganization(key, place.name(), List.of(place)),
					"organization " + key));
			if (!((List<?>) full.get("schedules")).isEmpty()) {
				withSchedules.add(place.id());
			}
		});
		assertThat(count[0]).isGreaterThan(3_000);
		assertThat(wrong).isEmpty();
		// the hours became schedules for most lieux
		assertThat(withSchedules).hasSizeGreaterThan(1_000);
	}

	/** A wrong shape is caught: the official schema is not a formality. */
	@Test
	void theOfficialSchemaRefusesAWrongShape() {
		Map<String, Object> noStatus = Map.of("id", "x", "name", "Médiation");
		assertThat(violations(schema("service.json"), noStatus, "service")).isNotEmpty();
		Map<String, Object> badSchedule = Map.of("id", "s", "freq", "DAILY");
		assertThat(violations(schema("schedule.json"), badSchedule, "schedule")).isNotEmpty();
		// through the references between the official files
		Map<String, Object> nested = Map.of("id", "x", "name", "Médiation", "status", "active", "schedules",
				List.of(badSchedule));
		assertThat(violations(schema("service.json"), nested, "service"))
			.anySatisfy(error -> assertThat(error).contains("freq"));
	}

	@Test
	void thePagesAndObjectsOfTheApiAreValid() {
		Schema serviceList = schema("compiled/service_list.json");
		Schema organizationList = schema("compiled/organization_list.json");
		Schema salList = schema("compiled/service_at_location_list.json");
		List<String> wrong = new ArrayList<>();
		JsonNode services = page("/api/hsds/v3/services?per_page=100&page=2");
		services.get("contents").forEach(item -> wrong.addAll(violations(serviceList, item, "services")));
		JsonNode locations = page("/api/hsds/v3/locations?per_page=100");
		locations.get("contents").forEach(item -> wrong.addAll(violations(schema("location.json"), item, "locations")));
		JsonNode joins = page("/api/hsds/v3/service_at_locations?per_page=100");
		joins.get("contents").forEach(item -> wrong.addAll(violations(salList, item, "service_at_locations")));
		JsonNode organizations = page("/api/hsds/v3/organizations?per_page=200");
		organizations.get("contents")
			.forEach(item -> wrong.addAll(violations(organizationList, item, "organizations")));
		for (JsonNode item : services.get("contents")) {
			String id = item.get("id").asString();
			wrong.addAll(
					violations(schema("service.json"), api.get("/api/hsds/v3/services/" + id).json(), "service " + id));
			wrong.addAll(violations(schema("service_at_location.json"),
					api.get("/api/hsds/v3/service_at_locations/" + id).json(), "service_at_location " + id));
			wrong.addAll(violations(schema("location.json"), api.get("/api/hsds/v3/locations/" + id).json(),
					"location " + id));
			String organizationId = item.get("organization_id").asString();
			ApiClient.Response organization = api.get("/api/hsds/v3/organizations/" + organizationId);
			assertThat(organization.status()).isEqualTo(200);
			wrong
				.addAll(violations(schema("organization.json"), organization.json(), "organization " + organizationId));
			assertThat(organization.json().get("locations").toString()).contains(id);
		}
		assertThat(wrong).isEmpty();
	}

	private JsonNode page(String path) {
		ApiClient.Response response = api.get(path);
		assertThat(response.status()).as(path).isEqualTo(200);
		JsonNode page = response.json();
		assertThat(page.get("size").asInt()).isEqualTo(page.get("contents").size());
		assertThat(page.get("contents")).isNotEmpty();
		return page;
	}

	@Test
	void pagingAndSearchFollowTheSpec() {
		long lieux = jdbc.sql("select count(*) from lieu").query(Long.class).single();
		JsonNode first = page("/api/hsds/v3/services?per_page=500");
		assertThat(first.get("total_items").asLong()).isEqualTo(lieux);
		assertThat(first.get("total_pages").asLong()).isEqualTo((lieux + 499) / 500);
		assertThat(first.get("page_number").asInt()).isEqualTo(1);
		assertThat(first.get("first_page").asBoolean()).isTrue();
		assertThat(first.get("last_page").asBoolean()).isFalse();
		JsonNode last = api.get("/api/hsds/v3/services?per_page=500&page=" + first.get("total_pages").asLong()).json();
		assertThat(last.get("last_page").asBoolean()).isTrue();
		JsonNode beyond = api.get("/api/hsds/v3/services?per_page=500&page=999").json();
		assertThat(beyond.get("empty").asBoolean()).isTrue();
		// search: words of the name or the commune, accents ignored; q is the same
		JsonNode found = api.get("/api/hsds/v3/services?search=mediatheque").json();
		assertThat(found.get("total_items").asInt()).isPositive().isLessThan((int) lieux);
		assertThat(api.get("/api/hsds/v3/services?q=mediatheque").json().get("total_items"))
			.isEqualTo(found.get("total_items"));
		assertThat(found.get("contents").get(0).get("name").asString().toLowerCase()).contains("médiathèque");
		// organizations: a SIRET shared by several lieux is one organization
		JsonNode organizations = api.get("/api/hsds/v3/organizations?per_page=500").json();
		assertThat(organizations.get("total_items").asLong()).isPositive().isLessThan(lieux);
		assertThat(api.get("/api/hsds/v3").json().get("version").asString()).isEqualTo("3.0");
	}

	/**
	 * The data package: every table's CSV valid against the field list that the official
	 * schema gives it (columns in the official order, required and unique values, enums,
	 * numbers), one service per lieu, every organization of the API.
	 */
	@Test
	void theDataPackageIsValid() throws Exception {
		java.net.http.HttpResponse<byte[]> response = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest
				.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/hsds/v3/datapackage.zip"))
				.build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/zip");
		Map<String, String> entries = new java.util.LinkedHashMap<>();
		try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(
				new java.io.ByteArrayInputStream(response.body()))) {
			for (java.util.zip.ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				entries.put(entry.getName(), new String(zip.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
			}
		}
		JsonNode descriptor = JSON.readTree(entries.get("datapackage.json"));
		assertThat(descriptor.get("profile").asString()).isEqualTo("tabular-data-package");
		List<String> wrong = new ArrayList<>();
		for (JsonNode resource : descriptor.get("resources")) {
			String csv = entries.get(resource.get("path").asString());
			assertThat(csv).as(resource.get("path").asString()).isNotNull();
			// the columns are the official schema's one-to-one properties, in its order
			JsonNode official = JSON.readTree(
					getClass().getResourceAsStream("/hsds-3.0/schema/" + resource.get("name").asString() + ".json"));
			List<String> expected = new ArrayList<>();
			official.get("properties").properties().forEach(property -> {
				String type = property.getValue().path("type").asString("");
				if (!type.isEmpty() && !type.equals("array") && !type.equals("object")) {
					expected.add(property.getKey());
				}
			});
			List<String> declared = new ArrayList<>();
			resource.at("/schema/fields").forEach(field -> declared.add(field.get("name").asString()));
			assertThat(declared).as(resource.get("name").asString()).isEqualTo(expected);
			official.path("required")
				.forEach(name -> assertThat(resource.at("/schema/fields").toString())
					.contains("\"name\":\"" + name.asString() + "\""));
			fr.maillage.testing.TableSchemaValidator validator = new fr.maillage.testing.TableSchemaValidator(
					resource.get("schema").toString());
			validator.validate(csv)
				.stream()
				.limit(20)
				.map(error -> resource.get("path").asString() + " " + error)
				.forEach(wrong::add);
		}
		assertThat(wrong).isEmpty();
		long lieux = jdbc.sql("select count(*) from lieu").query(Long.class).single();
		assertThat(entries.get("services.csv").lines().count() - 1).isGreaterThanOrEqualTo(lieux);
		assertThat(entries.get("locations.csv").lines().count() - 1).isGreaterThanOrEqualTo(lieux);
		assertThat(entries.get("schedules.csv").lines().count()).isGreaterThan(1_000);
		assertThat(entries.get("attributes.csv").lines().count()).isGreaterThan(lieux);
		assertThat(entries.get("organizations.csv")).contains("Structure de ");
	}

	@Test
	void badInputIsAFrenchMessage() {
		for (String path : List.of("/api/hsds/v3/services?page=0", "/api/hsds/v3/services?per_page=501",
				"/api/hsds/v3/organizations?per_page=abc", "/api/hsds/v3/locations?page=-1")) {
			ApiClient.Response response = api.get(path);
			assertThat(response.status()).as(path).isEqualTo(400);
			assertThat(response.json().get("message").asString()).as(path).contains("attend un nombre entier");
		}
		for (String path : List.of("/api/hsds/v3/services/00000000-0000-0000-0000-000000000000",
				"/api/hsds/v3/organizations/inconnue", "/api/hsds/v3/locations/pas-un-uuid")) {
			assertThat(api.get(path).status()).as(path).isEqualTo(404);
		}
	}

}
