package fr.maillage.accounts.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import fr.maillage.testing.ApiClient;
import fr.maillage.testing.CleanDatabase;
import fr.maillage.testing.Fixtures;
import fr.maillage.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenAPI document (issue 19) against the application itself: every route under
 * {@code /api} that a controller serves is in it with a French summary, with the bearer
 * scheme exactly where {@link ApiAccessRules} asks for a token; and the real answers of
 * the main read routes, and of errors, have the documented shape (checked with a JSON
 * Schema 2020-12 validator against the document's own schemas).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiDocumentIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	ApiClient api;

	JsonNode document;

	@BeforeAll
	void importAndRead() {
		api = new ApiClient(port);
		CleanDatabase.empty(jdbc);
		api.importFile("hinaura", "hinaura.json", Fixtures.bytes("demo/hinaura-lieux-auvergne-rhone-alpes.json"));
		// public: no token
		ApiClient.Response response = api.get("/api/v1/openapi.json");
		assertThat(response.status()).isEqualTo(200);
		document = response.json();
	}

	/**
	 * Routes under /api served by controllers, as "GET /api/v1/…" with plain variables.
	 */
	private List<String> listApiRoutes() {
		List<String> routes = new ArrayList<>();
		mappings.getHandlerMethods().forEach((info, method) -> {
			if (info.getPathPatternsCondition() == null
					|| method.getBeanType().getPackageName().startsWith("org.springdoc")) {
				return;
			}
			for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
				if (pattern.startsWith("/api/")) {
					String plain = pattern.replaceAll("\\{(\\w+):[^}]*}", "{$1}");
					info.getMethodsCondition().getMethods().forEach(verb -> routes.add(verb.name() + " " + plain));
				}
			}
		});
		return routes;
	}

	private List<String> listDocumentedRoutes() {
		List<String> routes = new ArrayList<>();
		document.get("paths")
			.properties()
			.forEach(path -> path.getValue()
				.properties()
				.forEach(operation -> routes.add(operation.getKey().toUpperCase() + " " + path.getKey())));
		return routes;
	}

	@Test
	void isOpenApi31AndDescribesEveryRouteOfTheApi() {
		assertThat(document.get("openapi").asString()).startsWith("3.1");
		assertThat(listApiRoutes()).as("sanity: the application has routes under /api").hasSizeGreaterThan(30);
		assertThat(new TreeSet<>(listDocumentedRoutes())).as("routes of the controllers missing from the document")
			.containsAll(listApiRoutes());
		assertThat(new TreeSet<>(listApiRoutes())).as("documented routes that no controller serves")
			.containsAll(listDocumentedRoutes());
	}

	@Test
	void everyRouteHasAFrenchSummaryATagAndItsSecurity() {
		List<String> wrong = new ArrayList<>();
		document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(entry -> {
			String route = entry.getKey().toUpperCase() + " " + path.getKey();
			JsonNode operation = entry.getValue();
			if (!operation.hasNonNull("summary") || !operation.hasNonNull("tags")) {
				wrong.add(route + ": no summary or tag (openapi/routes.json)");
			}
			boolean open = ApiAccessRules.required(entry.getKey().toUpperCase(),
					path.getKey()) == ApiAccessRules.Who.EVERYONE;
			boolean bearer = operation.has("security")
					&& operation.get("security").toString().contains("\"" + ApiDocumentation.BEARER + "\"");
			if (open == bearer) {
				wrong.add(route + ": security " + operation.get("security") + " but the access rule is "
						+ ApiAccessRules.required(entry.getKey().toUpperCase(), path.getKey()));
			}
			if (!open && !operation.get("responses").has("401")) {
				wrong.add(route + ": no 401 documented");
			}
		}));
		assertThat(wrong).isEmpty();
		assertThat(document.at("/components/securitySchemes/" + ApiDocumentation.BEARER + "/scheme").asString())
			.isEqualTo("bearer");
		assertThat(document.at("/paths/~1api~1v1~1lieux/get/summary").asString())
			.isEqualTo("Chercher des lieux de médiation numérique");
		assertThat(document.at("/paths/~1api~1v1~1lieux/get/parameters").toString()).contains("\"departement\"")
			.contains("\"example\":\"69\"")
			.doesNotContain("MultiValueMap");
	}

	@Test
	void theMainReadRoutesAnswerWithTheDocumentedShape() {
		String id = api.get("/api/v1/lieux?taille=1").json().at("/lieux/0/id").asString();
		Map<String, String> routes = Map.of("/api/v1/lieux?taille=50&departement=69", "/api/v1/lieux",
				"/api/v1/lieux?lat=45.76&lon=4.88&rayon_km=20", "/api/v1/lieux", "/api/v1/lieux/" + id,
				"/api/v1/lieux/{id}", "/api/v1/territoires/departements/69", "/api/v1/territoires/departements/{code}",
				"/api/v1/territoires/communes/69123", "/api/v1/territoires/communes/{codeInsee}", "/api/v1/sources",
				"/api/v1/sources", "/api/v1/lieux/changements?depuis=2000-01-01&limite=20",
				"/api/v1/lieux/changements");
		List<String> wrong = new ArrayList<>();
		routes.forEach((url, path) -> {
			ApiClient.Response response = api.get(url);
			assertThat(response.status()).as(url).isEqualTo(200);
			wrong.addAll(violations(url, responseSchema(path, "get", "200"), response.json()));
		});
		assertThat(wrong).isEmpty();
	}

	@Test
	void errorsHaveTheDocumentedShape() {
		ApiClient.Response badInput = api.get("/api/v1/lieux?taille=0");
		assertThat(badInput.status()).isEqualTo(400);
		assertThat(violations("400", responseSchema("/api/v1/lieux", "get", "400"), badInput.json())).isEmpty();
		ApiClient.Response noToken = api.get("/api/v1/signalements");
		assertThat(noToken.status()).isEqualTo(401);
		assertThat(violations("401", responseSchema("/api/v1/signalements", "get", "401"), noToken.json())).isEmpty();
		ApiClient.Response unknown = api.get("/api/v1/lieux/00000000-0000-0000-0000-000000000000");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(violations("404", responseSchema("/api/v1/lieux/{id}", "get", "404"), unknown.json())).isEmpty();
	}

	/** A wrong shape is caught: the validator is not a formality. */
	@Test
	void aWrongShapeIsReported() {
		ObjectNode notALieu = JSON.createObjectNode();
		notALieu.put("id", "x");
		notALieu.put("nom", 12);
		assertThat(violations("faux", responseSchema("/api/v1/lieux/{id}", "get", "200"), notALieu)).isNotEmpty();
	}

	private JsonNode responseSchema(String path, String method, String status) {
		JsonNode content = document.get("paths").get(path).get(method).get("responses").get(status).get("content");
		assertThat(content).as(method + " " + path + " " + status + " has a documented body").isNotNull();
		return content.properties().iterator().next().getValue().get("schema");
	}

	/** The document's schema, its components beside it so that its references resolve. */
	private List<String> violations(String what, JsonNode schema, JsonNode answer) {
		ObjectNode root = JSON.createObjectNode();
		root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
		root.set("components", document.get("components"));
		root.setAll((ObjectNode) schema);
		Schema validator = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(root);
		return validator.validate(answer).stream().map(Error::toString).map(error -> what + ": " + error).toList();
	}

}
