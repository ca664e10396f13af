package fr.maillage.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.maillage.testing.ApiClient;
import fr.maillage.testing.CleanDatabase;
import fr.maillage.testing.IntegrationTest;
import fr.maillage.testing.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bad input never gives a 500 (issue 14): every write route of the API and of the pages,
 * found in Spring's own route table so that none is left out, receives each class of bad
 * body (empty, {@code null}, not an object, wrong types for each field, 10 000 nested
 * arrays, invalid UTF-8, UTF-16, a U+0000 in a text, a wrong Content-Type or method), as
 * the administrator (so that the body is read) and as a stranger. The answer is always
 * the expected 4xx, in the API's {@link ApiError} JSON with a French message, or a French
 * page — never a parser's English message, never the Whitelabel page.
 */
@IntegrationTest
class BadInputIT {

	private static final String SAMPLE_ID = "00000000-0000-0000-0000-000000000000";

	/** Words of framework and parser messages, which must never reach a user. */
	private static final List<String> ENGLISH = List.of("JSON parse error", "Cannot deserialize", "Required request",
			"Unexpected character", "Unrecognized", "not supported", "Exception", "exception", "tools.jackson", "java.",
			"Whitelabel", "Bad Request", "Not Found", "Forbidden", "Method Not Allowed", "Internal Server",
			"Unsupported Media", "Invalid UTF-8", "at [Source");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	private final HttpClient http = HttpClient.newHttpClient();

	private final List<String> wrong = new ArrayList<>();

	@BeforeEach
	void emptyDatabase() {
		CleanDatabase.empty(jdbc);
	}

	/** A write route and what it reads. */
	record Route(String method, String pattern, Kind kind, List<RecordComponent> fields,
			boolean consumesMultipartOnly) {

		String path() {
			return pattern.replaceAll("\\{id}", SAMPLE_ID)
				.replaceAll("\\{nom}", "france-services")
				.replaceAll("\\{jeton}", "inconnu")
				.replaceAll("\\{[^}]+}", "x");
		}

		@Override
		public String toString() {
			return method + " " + pattern;
		}

	}

	enum Kind {

		JSON, MULTIPART, FORM

	}

	private List<Route> writeRoutes() {
		List<Route> routes = new ArrayList<>();
		mappings.getHandlerMethods().forEach((info, method) -> {
			if (info.getPathPatternsCondition() == null) {
				return;
			}
			for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
				for (var verb : info.getMethodsCondition().getMethods()) {
					if (verb.name().equals("GET") || pattern.equals("/error")) {
						continue;
					}
					routes.add(new Route(verb.name(), pattern, kind(info, method), bodyFields(method),
							info.getConsumesCondition()
								.getConsumableMediaTypes()
								.equals(java.util.Set.of(MediaType.MULTIPART_FORM_DATA))));
				}
			}
		});
		return routes;
	}

	private static Kind kind(RequestMappingInfo info, HandlerMethod method) {
		var consumes = info.getConsumesCondition().getConsumableMediaTypes();
		if (consumes.contains(MediaType.MULTIPART_FORM_DATA)) {
			return Kind.MULTIPART;
		}
		boolean body = false;
		for (MethodParameter parameter : method.getMethodParameters()) {
			body |= parameter.hasParameterAnnotation(RequestBody.class);
		}
		if (body || consumes.contains(MediaType.APPLICATION_JSON)) {
			return Kind.JSON;
		}
		return info.getPathPatternsCondition().getPatternValues().iterator().next().startsWith("/api/") ? Kind.MULTIPART
				: Kind.FORM;
	}

	private static List<RecordComponent> bodyFields(HandlerMethod method) {
		for (MethodParameter parameter : method.getMethodParameters()) {
			if (parameter.hasParameterAnnotation(RequestBody.class) && parameter.getParameterType().isRecord()) {
				return List.of(parameter.getParameterType().getRecordComponents());
			}
		}
		return List.of();
	}

	@Test
	void everyWriteRouteIsCoveredByAClassOfBadInput() {
		// a new kind of route (PUT, PATCH, DELETE, another body) needs its own cases here
		TreeSet<String> kinds = new TreeSet<>();
		writeRoutes().forEach(route -> kinds.add(route.method() + " " + route.kind()));
		assertThat(kinds).isSubsetOf("POST JSON", "POST MULTIPART", "POST FORM");
		assertThat(writeRoutes().stream().filter(route -> route.kind() == Kind.JSON).map(Route::toString)).contains(
				"POST /api/v1/comptes", "POST /api/v1/doublons", "POST /api/v1/doublons/{id}/decision",
				"POST /api/v1/couverture/suggestions");
		assertThat(writeRoutes().stream().filter(route -> route.kind() == Kind.MULTIPART).map(Route::toString))
			.contains("POST /api/v1/imports", "POST /api/v1/sources/{nom}/executions",
					"POST /api/v1/fragilite/imports");
	}

	@Test
	void badJsonBodiesAreRefusedWithAFrenchApiErrorOnEveryJsonRoute() {
		List<Route> routes = writeRoutes().stream().filter(route -> route.kind() == Kind.JSON).toList();
		assertThat(routes).isNotEmpty();
		String nested = "[".repeat(10_000) + "]".repeat(10_000);
		for (Route route : routes) {
			Map<String, byte[]> bodies = new LinkedHashMap<>();
			bodies.put("vide", new byte[0]);
			bodies.put("null", utf8("null"));
			bodies.put("tableau", utf8("[]"));
			bodies.put("texte", utf8("\"x\""));
			bodies.put("nombre", utf8("5"));
			bodies.put("tronqué", utf8("{\"a\": "));
			bodies.put("virgule en trop", utf8("{\"a\": 1,}"));
			bodies.put("mot inconnu", utf8("{\"a\": vrai}"));
			bodies.put("10 000 tableaux imbriqués", utf8(nested));
			bodies.put("10 000 tableaux imbriqués dans un champ", utf8("{\"x\": " + nested + "}"));
			bodies.put("UTF-8 invalide", new byte[] { '{', '"', 'a', '"', ':', '"', (byte) 0xC3, '(', '"', '}' });
			bodies.put("octet nul", new byte[] { '{', '"', 'a', '"', ':', '"', 0, '"', '}' });
			for (RecordComponent field : route.fields()) {
				for (String value : wrongValues(field.getType())) {
					bodies.put("champ " + field.getName() + " = " + value,
							utf8("{\"" + jsonName(field) + "\": " + value + "}"));
				}
				if (field.getType() == String.class) {
					bodies.put("nul dans " + field.getName(), utf8("{\"" + jsonName(field) + "\": \"a\\u0000b\"}"));
				}
				if (field.getType() == List.class) {
					bodies.put("nul dans " + field.getName(), utf8("{\"" + jsonName(field) + "\": [\"a\\u0000b\"]}"));
				}
			}
			for (Map.Entry<String, byte[]> body : bodies.entrySet()) {
				Response answer = send(route.method(), route.path(), "application/json", body.getValue(), true);
				expectApiError(route + " (" + body.getKey() + ")", answer, 400);
				if (body.getKey().startsWith("nul dans")) {
					expectCode(route + " (" + body.getKey() + ")", answer, "caractere_nul");
				}
				// a stranger is refused or answered the same, never with a 500
				expectApiError(route + " (" + body.getKey() + ", inconnu)",
						send(route.method(), route.path(), "application/json", body.getValue(), false), null);
			}
			String object = "{\"departement\": \"69\"}";
			Map<String, Response> encodings = new LinkedHashMap<>();
			encodings.put("UTF-16 avec BOM", send(route.method(), route.path(), "application/json",
					object.getBytes(StandardCharsets.UTF_16), true));
			encodings.put("UTF-16LE sans BOM", send(route.method(), route.path(), "application/json",
					object.getBytes(StandardCharsets.UTF_16LE), true));
			encodings.put("charset=utf-16 déclaré", send(route.method(), route.path(),
					"application/json; charset=utf-16", object.getBytes(StandardCharsets.UTF_16BE), true));
			encodings.forEach((name, answer) -> {
				expectApiError(route + " (" + name + ")", answer, 400);
				expectCode(route + " (" + name + ")", answer, "encodage_non_pris_en_charge");
			});
			for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded")) {
				expectApiError(route + " (" + type + ")", send(route.method(), route.path(), type, utf8("{}"), true),
						415);
			}
			expectApiError(route + " (PUT)", send("PUT", route.path(), "application/json", utf8("{}"), true), 405);
		}
		assertThat(wrong).isEmpty();
	}

	@Test
	void theMessagesOfJsonErrorsSayWhatIsWrongInFrench() {
		String path = "/api/v1/couverture/suggestions";
		assertThat(send("POST", path, "application/json", utf8("{\"nombre\": \"beaucoup\"}"), false).json()
			.get("message")
			.asString()).isEqualTo("Le champ « nombre » attend un nombre entier.");
		assertThat(send("POST", path, "application/json", utf8("{\"rayon_km\": {}}"), false).json()
			.get("message")
			.asString()).isEqualTo("Le champ « rayon_km » attend un nombre.");
		assertThat(send("POST", path, "application/json", utf8("{\"departement\": [1]}"), false).json()
			.get("message")
			.asString()).isEqualTo("Le champ « departement » attend un texte.");
		assertThat(send("POST", path, "application/json", utf8("[]"), false).json().get("message").asString())
			.isEqualTo("Le corps de la requête doit être un objet JSON.");
		assertThat(send("POST", path, "application/json", utf8("null"), false).json().get("message").asString())
			.startsWith("Le corps de la requête est vide");
		assertThat(
				send("POST", path, "application/json", utf8("{\n\"a\": vrai}"), false).json().get("message").asString())
			.startsWith("Le corps de la requête n'est pas un JSON valide : un mot n'est pas reconnu")
			.contains("(ligne 2, colonne");
		assertThat(send("POST", path, "application/json", utf8("{\"x\": " + "[".repeat(10_000)), false).json()
			.get("message")
			.asString()).contains("imbrication de plus de 500 niveaux");
		assertThat(send("POST", path, "application/json", utf8("{\"departement\": \"6\\u00009\"}"), false).json()
			.get("message")
			.asString()).contains("« departement »").contains("caractère nul");
		assertThat(send("POST", "/api/v1/doublons", "application/json", utf8("{\"lieux\": \"x\"}"), true).json()
			.get("message")
			.asString()).isEqualTo("Le champ « lieux » attend une liste.");
	}

	@Test
	void badUploadsAreRefusedWithAFrenchApiErrorOnEveryMultipartRoute() {
		List<Route> routes = writeRoutes().stream().filter(route -> route.kind() == Kind.MULTIPART).toList();
		assertThat(routes).isNotEmpty();
		for (Route route : routes) {
			String path = route.path();
			// 415 where the route takes only a form; a source run may also run without a
			// file
			expectApiError(route + " (JSON au lieu d'un formulaire)",
					send(route.method(), path, "application/json", utf8("{}"), true),
					route.consumesMultipartOnly() ? 415 : null);
			expectApiError(
					route + " (formulaire multipart tronqué)", send(route.method(), path,
							"multipart/form-data; boundary=xyz", utf8("--xyz\r\nContent-Disposition: form-da"), true),
					null);
			expectApiError(route + " (formulaire multipart sans fin)",
					send(route.method(), path, "multipart/form-data", utf8("--xyz\r\n"), true), null);
			expectApiError(route + " (DELETE)", send("DELETE", path, "application/json", new byte[0], true), 405);
			Map<String, byte[]> files = new LinkedHashMap<>();
			String csv = "id,nom,commune,code_postal,adresse,pivot,date_maj\nA1,Médiathèque,Lyon,69001,1 rue X,,2026-01-01\n";
			files.put("lieux.csv", utf8(csv.replace("Médiathèque", "Média\0thèque")));
			files.put("lieux-utf16.csv", csv.getBytes(StandardCharsets.UTF_16));
			files.put("lieux-utf16le.csv", csv.getBytes(StandardCharsets.UTF_16LE));
			files.put("lieux-utf16be.csv", csv.getBytes(StandardCharsets.UTF_16BE));
			files.put("lieux.json", utf8("[{\"id\": \"A1\", \"nom\": \"M\\u0000\", \"commune\": \"Lyon\"}]"));
			files.put("imbrique.json", utf8("[{\"id\": " + "[".repeat(10_000) + "]".repeat(10_000) + "}]"));
			for (Map.Entry<String, byte[]> file : files.entrySet()) {
				ApiClient.Response answer = new ApiClient(port).postFile(path, Map.of("source", "essai"), file.getKey(),
						file.getValue(), ApiClient.ADMIN_TOKEN);
				expectApiError(route + " (" + file.getKey() + ")", response(answer), 400);
				expectApiError(route + " (" + file.getKey() + ", inconnu)", response(new ApiClient(port).postFile(path,
						Map.of("source", "essai"), file.getKey(), file.getValue(), null)), null);
			}
			expectApiError(route + " (nul dans la source)", response(new ApiClient(port).postFile(path,
					Map.of("source", "es\0sai"), "lieux.csv", utf8(csv), ApiClient.ADMIN_TOKEN)), null);
		}
		assertThat(wrong).isEmpty();
	}

	@Test
	void anImportedFileWithAZeroByteOrInUtf16IsRefusedAsSuch() {
		ApiClient api = new ApiClient(port);
		String csv = "id,nom,commune,code_postal,adresse,pivot,date_maj\nA1,Médiathèque,Lyon,69001,1 rue X,,2026-01-01\n";
		ApiClient.Response nul = api.importFile("essai", "lieux.csv", utf8(csv.replace("Lyon", "Ly\0on")));
		assertThat(nul.status()).isEqualTo(400);
		assertThat(nul.json().get("code").asString()).isEqualTo("caractere_nul");
		assertThat(nul.json().get("message").asString()).contains("ligne 2");
		ApiClient.Response escaped = api.importFile("essai", "lieux.json",
				utf8("[{\"id\": \"A1\", \"nom\": \"M\\u0000\", \"commune\": \"Lyon\"}]"));
		assertThat(escaped.json().get("code").asString()).isEqualTo("caractere_nul");
		assertThat(escaped.json().get("message").asString()).contains("« nom »");
		for (var charset : List.of(StandardCharsets.UTF_16, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
			ApiClient.Response utf16 = api.importFile("essai", "lieux.csv", csv.getBytes(charset));
			assertThat(utf16.status()).as(charset.name()).isEqualTo(400);
			assertThat(utf16.json().get("code").asString()).isEqualTo("encodage_non_pris_en_charge");
			assertThat(utf16.json().get("message").asString()).contains("UTF-16").contains("UTF-8");
		}
		assertThat(jdbc.sql("select count(*) from lieu").query(Long.class).single()).isZero();
	}

	@Test
	void aZeroCharacterInAQueryParameterIsA400() {
		for (String path : List.of("/api/v1/lieux?q=%00", "/api/v1/lieux?q=a%00b", "/api/v1/lieux/export.csv?q=%00",
				"/api/v1/territoires/recherche?q=%00", "/api/v1/signalements?statut=%00")) {
			Response answer = send("GET", path, null, null, true);
			expectApiError(path, answer, 400);
			expectCode(path, answer, "caractere_nul");
		}
		for (String path : List.of("/api/v1/lieux/%00", "/api/v1/lieux/a%00b", "/api/v1/territoires/communes/%00")) {
			Response answer = send("GET", path, null, null, true);
			expectApiError(path, answer, 400);
		}
		for (String path : List.of("/lieux/%00", "/territoires/a%00b")) {
			expectPage(path, send("GET", path, null, null, false), 400, "caractères refusés");
		}
		for (String path : List.of("/?q=%00", "/carte?q=%00", "/suggestions?q=%00", "/territoires?q=%00")) {
			expectPage(path, send("GET", path, null, null, false), 400, "caractère nul");
		}
		assertThat(wrong).isEmpty();
	}

	@Test
	void everyPageFormAnswersBadInputWithAFrenchPage() throws Exception {
		List<Route> routes = writeRoutes().stream().filter(route -> route.kind() == Kind.FORM).toList();
		assertThat(routes).isNotEmpty();
		WebSession administrator = WebSession.signedIn(port, jdbc, "administrateur");
		String token = administrator.csrfToken("/espace");
		for (Route route : routes) {
			String path = route.path();
			// a forged or expired form: no CSRF token
			expectPage(route + " (sans jeton CSRF)", response(administrator.post(path, Map.of("nom", "x"))), 403,
					"formulaire a expiré");
			expectPage(route + " (sans jeton CSRF, inconnu)", response(new WebSession(port).post(path, Map.of())), 403,
					"formulaire a expiré");
			expectPage(route + " (nul)", response(administrator.post(path, Map.of("_csrf", token, "nom", "a\0b",
					"message", "a\0b", "courriel", "a\0b@x.fr", "decision", "\0"))), 400, "caractère nul");
			expectPage(route + " (DELETE)",
					response(administrator.send("DELETE", path, "application/x-www-form-urlencoded", token)), 405,
					"n'est pas acceptée");
		}
		expectPage("signalement (affiche_le = abc)",
				response(administrator.post("/lieux/" + SAMPLE_ID + "/signalements",
						Map.of("_csrf", token, "affiche_le", "abc", "message", "x"))),
				400, "« affiche_le »");
		assertThat(wrong).isEmpty();
	}

	@Test
	void unknownAddressesAndWrongMethodsAnswerInTheSameShape() {
		for (String method : List.of("GET", "POST", "DELETE")) {
			expectApiError(method + " /api/v1/inexistant",
					send(method, "/api/v1/inexistant", "application/json", utf8("{}"), true), 404);
			// a route the access table does not list is the administrator's (deny by
			// default, ADR 0006): a stranger is refused in the same shape before the
			// route
			// is looked up
			expectApiError(method + " /api/v1/inexistant (inconnu)",
					send(method, "/api/v1/inexistant", "application/json", utf8("{}"), false), 401);
		}
		expectApiError("GET /api", send("GET", "/api", null, null, true), 404);
		expectApiError("GET /api (inconnu)", send("GET", "/api", null, null, false), 401);
		expectApiError("DELETE /api/v1/lieux", send("DELETE", "/api/v1/lieux", null, null, true), 405);
		expectApiError("DELETE /api/v1/lieux (inconnu)", send("DELETE", "/api/v1/lieux", null, null, false), 401);
		expectApiError("GET /api/v1/couverture/suggestions",
				send("GET", "/api/v1/couverture/suggestions", null, null, true), 405);
		expectApiError("GET /api/v1/imports/{id} (Accept xml)",
				send("GET", "/api/v1/imports/" + SAMPLE_ID, null, null, true, "application/xml"), 406);
		expectPage("GET /nimporte-quoi", send("GET", "/nimporte-quoi", null, null, false), 404, "introuvable");
		expectPage("GET /lieux/inconnu", send("GET", "/lieux/inconnu", null, null, false), 404, "introuvable");
		expectPage("GET /error", send("GET", "/error", null, null, false), 404, "introuvable");
		expectPage("POST /nimporte-quoi (inconnu)", send("POST", "/nimporte-quoi", "text/plain", utf8("x"), false), 403,
				"formulaire a expiré");
		assertThat(wrong).isEmpty();
	}

	// --- checks

	private void expectApiError(String what, Response answer, Integer status) {
		if (answer.status() >= 500 || (status != null && answer.status() != status)
				|| (status == null && answer.status() < 400)) {
			wrong.add(what + ": " + answer.status() + " (attendu " + (status == null ? "4xx" : status) + ") "
					+ abbreviate(answer.body()));
			return;
		}
		JsonNode error;
		try {
			error = answer.json();
		}
		catch (RuntimeException notJson) {
			wrong.add(what + ": pas du JSON : " + abbreviate(answer.body()));
			return;
		}
		if (!answer.contentType().startsWith("application/json") || error.path("statut").asInt() != answer.status()
				|| error.path("code").asString("").isBlank() || !error.path("details").isArray()) {
			wrong.add(what + ": pas la forme ApiError : " + abbreviate(answer.body()));
			return;
		}
		checkFrench(what, error.path("message").asString(""));
	}

	private void expectCode(String what, Response answer, String code) {
		try {
			if (!code.equals(answer.json().path("code").asString(""))) {
				wrong.add(what + ": code attendu " + code + " : " + abbreviate(answer.body()));
			}
		}
		catch (RuntimeException notJson) {
			// reported by expectApiError
		}
	}

	private void expectPage(String what, Response answer, int status, String words) {
		if (answer.status() != status || !answer.contentType().startsWith("text/html")
				|| !answer.body().contains("lang=\"fr\"") || !answer.body().contains(escapeHtml(words))) {
			wrong.add(what + ": " + answer.status() + " " + answer.contentType() + " (attendu " + status
					+ ", page française disant « " + words + " ») " + abbreviate(answer.body()));
			return;
		}
		Matcher main = Pattern.compile("<main[^>]*>(.*)</main>", Pattern.DOTALL).matcher(answer.body());
		checkFrench(what, main.find() ? main.group(1) : answer.body());
	}

	private void checkFrench(String what, String message) {
		if (message.isBlank()) {
			wrong.add(what + ": message vide");
			return;
		}
		for (String english : ENGLISH) {
			if (message.contains(english)) {
				wrong.add(what + ": message non traduit (« " + english + " ») : " + abbreviate(message));
				return;
			}
		}
		String lower = message.toLowerCase(Locale.ROOT);
		if (!lower.matches("(?s).*([éèàêç«']|\\ble\\b|\\bla\\b|\\bdu\\b|\\best\\b).*")) {
			wrong.add(what + ": message qui n'a pas l'air français : " + abbreviate(message));
		}
	}

	private static String escapeHtml(String text) {
		return org.springframework.web.util.HtmlUtils.htmlEscape(text, "UTF-8");
	}

	private static String abbreviate(String text) {
		return text.length() > 300 ? text.substring(0, 300) + "…" : text;
	}

	// --- requests

	record Response(int status, String body, String contentType) {

		JsonNode json() {
			return JSON.readTree(body);
		}

	}

	private static Response response(ApiClient.Response answer) {
		return new Response(answer.status(), answer.body(), answer.headers().firstValue("Content-Type").orElse(""));
	}

	private static Response response(HttpResponse<String> answer) {
		return new Response(answer.statusCode(), answer.body(), answer.headers().firstValue("Content-Type").orElse(""));
	}

	private Response send(String method, String path, String contentType, byte[] body, boolean asAdministrator) {
		return send(method, path, contentType, body, asAdministrator, null);
	}

	private Response send(String method, String path, String contentType, byte[] body, boolean asAdministrator,
			String accept) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.method(method,
					body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		if (asAdministrator) {
			request.header("Authorization", "Bearer " + ApiClient.ADMIN_TOKEN);
		}
		if (accept != null) {
			request.header("Accept", accept);
		}
		try {
			return response(http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
		}
		catch (Exception e) {
			throw new AssertionError(method + " " + path, e);
		}
	}

	private static String jsonName(RecordComponent field) {
		var property = field.getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
		return property == null ? field.getName() : property.value();
	}

	/** Values of the wrong JSON type for a field of that Java type. */
	private static List<String> wrongValues(Class<?> type) {
		if (type == String.class) {
			return List.of("{}", "[\"x\"]", "{\"a\": [1]}");
		}
		if (Number.class.isAssignableFrom(type)) {
			return List.of("\"beaucoup\"", "{}", "[]", "\"1e999999\"", "1e99999999999");
		}
		if (List.class.isAssignableFrom(type)) {
			return List.of("\"x\"", "{}", "[{}]", "[[\"x\"]]", "5");
		}
		return List.of("[]", "\"x\"");
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
