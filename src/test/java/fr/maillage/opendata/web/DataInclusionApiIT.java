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
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import fr.maillage.opendata.publishing.datainclusion.DataInclusionRecords;
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
 * The data·inclusion export (issue 19, docs/data-inclusion.md) against data·inclusion's
 * own schema v1 (copied in {@code src/main/resources/data-inclusion-v1},
 * data/SOURCES.md), formats asserted (e-mails, URIs, dates): every lieu of every real
 * fixture as structure and service, the API's pages and the streamed files; paging as
 * data·inclusion's API; bad input is a French 400.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DataInclusionApiIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Formats are assertions here, not annotations: a malformed e-mail or URL fails. */
	private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
			builder -> builder
				.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

	private static final String SITE = "https://maillage.exemple.fr/lieux/";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlaceDirectory places;

	ApiClient api;

	Schema structureSchema;

	Schema serviceSchema;

	@BeforeAll
	void importEveryRealFixture() {
		api = new ApiClient(port);
		structureSchema = SCHEMAS.getSchema(SchemaLocation.of("classpath:data-inclusion-v1/structure.json"));
		serviceSchema = SCHEMAS.getSchema(SchemaLocation.of("classpath:data-inclusion-v1/service.json"));
		CleanDatabase.empty(jdbc);
		assertThat(Fixtures.importEveryRealLieuxFile(api)).isEqualTo(6);
	}

	private static List<String> violations(Schema schema, Object value, String what) {
		JsonNode node = value instanceof JsonNode json ? json : JSON.valueToTree(value);
		return schema.validate(node).stream().map(Error::toString).map(error -> what + ": " + error).toList();
	}

	@Test
	void everyLieuOfEveryRealFixtureIsAValidStructureAndService() {
		List<String> wrong = new ArrayList<>();
		int[] lieux = { 0 };
		Set<String> themes = new HashSet<>();
		Set<String> withSiret = new HashSet<>();
		places.forEachPlace(PlaceQuery.all(), place -> {
			lieux[0]++;
			Map<String, Object> structure = DataInclusionRecords.structure(place, SITE + place.id());
			wrong.addAll(violations(structureSchema, structure,
					"structure " + place.id() + " " + structure.get("courriel")));
			if (structure.get("siret") != null) {
				withSiret.add(place.id());
			}
			Map<String, Object> service = DataInclusionRecords.service(place, SITE + place.id());
			if (service != null) {
				wrong.addAll(violations(serviceSchema, service, "service " + place.id()));
				themes.addAll((List<String>) service.get("thematiques"));
			}
		});
		assertThat(lieux[0]).isGreaterThan(3_000);
		assertThat(wrong).isEmpty();
		assertThat(themes).contains("numerique--acceder-a-des-services-en-ligne",
				"numerique--maitriser-les-fondamentaux-du-numerique", "numerique--acceder-a-une-connexion-internet");
		// 107 lieux of these files give a real SIRET as pivot
		assertThat(withSiret).hasSizeGreaterThan(100);
	}

	/** The schema is not a formality: a wrong value is caught, a format too. */
	@Test
	void theOfficialSchemaRefusesAWrongShape() {
		Map<String, Object> noDate = Map.of("source", "maillage", "id", "maillage--x", "nom", "Médiathèque");
		assertThat(violations(structureSchema, noDate, "structure"))
			.anySatisfy(e -> assertThat(e).contains("date_maj"));
		Map<String, Object> badTheme = Map.of("source", "maillage", "structure_id", "s", "id", "x", "nom",
				"Médiation numérique", "description", "Aide au numérique", "date_maj", "2026-01-01", "thematiques",
				List.of("numerique--inventee"));
		assertThat(violations(serviceSchema, badTheme, "service")).isNotEmpty();
		Map<String, Object> badMail = Map.of("source", "maillage", "id", "maillage--x", "nom", "Médiathèque",
				"date_maj", "2026-01-01", "courriel", "pas-un-courriel");
		assertThat(violations(structureSchema, badMail, "structure"))
			.anySatisfy(e -> assertThat(e).contains("courriel"));
	}

	@Test
	void thePagesAreValidAndPagedAsDataInclusionPagesThem() {
		long lieux = jdbc.sql("select count(*) from lieu").query(Long.class).single();
		JsonNode first = page("/api/data-inclusion/v1/structures?size=500");
		assertThat(first.get("total").asLong()).isEqualTo(lieux);
		assertThat(first.get("pages").asLong()).isEqualTo((lieux + 499) / 500);
		assertThat(first.get("page").asInt()).isEqualTo(1);
		assertThat(first.get("size").asInt()).isEqualTo(500);
		List<String> wrong = new ArrayList<>();
		first.get("items").forEach(item -> wrong.addAll(violations(structureSchema, item, "structures")));
		JsonNode services = page("/api/data-inclusion/v1/services?size=200&page=3");
		services.get("items").forEach(item -> wrong.addAll(violations(serviceSchema, item, "services")));
		assertThat(wrong).isEmpty();
		// every service belongs to a structure of the same id; its link opens the lieu's
		// page
		JsonNode service = services.get("items").get(0);
		assertThat(service.get("structure_id").asString()).isEqualTo(service.get("id").asString())
			.startsWith("maillage--");
		String lieuId = service.get("id").asString().substring("maillage--".length());
		assertThat(service.get("lien_source").asString()).endsWith("/lieux/" + lieuId);
		assertThat(api.get("/lieux/" + lieuId).status()).isEqualTo(200);
		// beyond the last page: empty, not an error
		JsonNode beyond = api.get("/api/data-inclusion/v1/structures?size=500&page=999").json();
		assertThat(beyond.get("items")).isEmpty();
	}

	@Test
	void aTerritoryFilterAndTheWholeFileAgree() {
		JsonNode charente = page("/api/data-inclusion/v1/services?departement=16&size=500");
		long total = charente.get("total").asLong();
		assertThat(total).isPositive();
		charente.get("items").forEach(item -> assertThat(item.get("code_postal").asString()).startsWith("16"));
		ApiClient.Response file = api.get("/api/data-inclusion/v1/services.json?departement=16");
		assertThat(file.status()).isEqualTo(200);
		assertThat(file.headers().firstValue("Content-Disposition").orElse(""))
			.contains("maillage-data-inclusion-services.json");
		JsonNode all = file.json();
		assertThat(all.size()).isEqualTo(total);
		List<String> wrong = new ArrayList<>();
		all.forEach(item -> wrong.addAll(violations(serviceSchema, item, "services.json")));
		assertThat(wrong).isEmpty();
		long lieux = jdbc.sql("select count(*) from lieu").query(Long.class).single();
		assertThat(api.get("/api/data-inclusion/v1/structures.json").json().size()).isEqualTo(lieux);
	}

	@Test
	void badInputIsAFrenchMessage() {
		Map<String, String> expected = Map.of("/api/data-inclusion/v1/structures?size=501", "« size »",
				"/api/data-inclusion/v1/services?page=0", "« page »", "/api/data-inclusion/v1/structures?taille=10",
				"Paramètre inconnu : « taille »", "/api/data-inclusion/v1/services.json?epci=123456789",
				"Territoire inconnu", "/api/data-inclusion/v1/structures?size=abc", "size");
		expected.forEach((path, message) -> {
			ApiClient.Response response = api.get(path);
			assertThat(response.status()).as(path).isEqualTo(400);
			assertThat(response.json().get("message").asString()).as(path).contains(message);
		});
	}

	private JsonNode page(String path) {
		ApiClient.Response response = api.get(path);
		assertThat(response.status()).as(path).isEqualTo(200);
		JsonNode page = response.json();
		assertThat(page.get("items")).as(path).isNotEmpty();
		return page;
	}

}
