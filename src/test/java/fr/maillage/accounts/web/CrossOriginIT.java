package fr.maillage.accounts.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import fr.maillage.testing.ApiClient;
import fr.maillage.testing.CleanDatabase;
import fr.maillage.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * CORS (issue 19): every route of the application, asked from another origin, both as the
 * request itself and as its preflight. Only GET (and HEAD) on the public read routes of
 * the API answer with {@code Access-Control-Allow-Origin}; no write, no route that needs
 * a token, no page (sessions live there) ever does; none allows credentials; and a
 * preflight that wants to send an {@code Authorization} header is refused.
 */
@IntegrationTest
class CrossOriginIT {

	private static final String OTHER_SITE = "https://www.rhone.example";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	private final HttpClient http = HttpClient.newHttpClient();

	private List<String[]> listRoutes() {
		List<String[]> routes = new ArrayList<>();
		mappings.getHandlerMethods().forEach((info, method) -> {
			if (info.getPathPatternsCondition() == null) {
				return;
			}
			for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
				if (!pattern.equals("/error")) {
					info.getMethodsCondition()
						.getMethods()
						.forEach(verb -> routes.add(new String[] { verb.name(), pattern }));
				}
			}
		});
		return routes;
	}

	/** A concrete path for a pattern: a département code, an unknown id. */
	private static String sample(String pattern) {
		return pattern.replaceAll("\\{niveau[^}]*}", "departement")
			.replaceAll("\\{code}", "69")
			.replaceAll("\\{siren}", "200046977")
			.replaceAll("\\{codeInsee}", "69123")
			.replaceAll("\\{nom}", "france-services")
			.replaceAll("\\{[^}]+}", "00000000-0000-0000-0000-000000000000");
	}

	private HttpResponse<String> send(String method, String path, String... headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Origin", OTHER_SITE);
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		HttpRequest built = method.equals("GET") ? request.GET().build()
				: request.header("Content-Type", "application/json")
					.method(method, HttpRequest.BodyPublishers.ofString(method.equals("OPTIONS") ? "" : "{}"))
					.build();
		return http.send(built, HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void onlyThePublicReadRoutesOfTheApiAreOpenToOtherSites() throws Exception {
		CleanDatabase.empty(jdbc);
		TreeSet<String> open = new TreeSet<>();
		List<String> credentials = new ArrayList<>();
		for (String[] route : listRoutes()) {
			String path = sample(route[1]);
			HttpResponse<String> actual = send(route[0], path);
			HttpResponse<String> preflight = send("OPTIONS", path, "Access-Control-Request-Method", route[0]);
			boolean actualOpen = actual.headers().firstValue("Access-Control-Allow-Origin").isPresent();
			boolean preflightOpen = preflight.headers().firstValue("Access-Control-Allow-Origin").isPresent();
			if (actualOpen || preflightOpen) {
				open.add(route[0] + " " + route[1]);
			}
			if (actual.headers().firstValue("Access-Control-Allow-Credentials").isPresent()
					|| preflight.headers().firstValue("Access-Control-Allow-Credentials").isPresent()) {
				credentials.add(route[0] + " " + route[1]);
			}
		}
		assertThat(credentials).isEmpty();
		TreeSet<String> expected = new TreeSet<>();
		for (String[] route : listRoutes()) {
			if (route[0].equals("GET") && route[1].startsWith("/api/")
					&& ApiAccessRules.required("GET", sample(route[1])) == ApiAccessRules.Who.EVERYONE) {
				expected.add(route[0] + " " + route[1]);
			}
		}
		assertThat(open).isEqualTo(expected);
		// what a département's site needs is there; writes, tokens and pages are not
		assertThat(open).contains("GET /api/v1/lieux", "GET /api/v1/lieux/{id}", "GET /api/v1/openapi.json")
			.doesNotContain("POST /api/v1/couverture/suggestions", "POST /api/v1/imports", "GET /api/v1/signalements",
					"GET /api/v1/doublons", "POST /api/v1/comptes", "GET /espace", "POST /espace/jetons", "GET /",
					"POST /lieux/{id}/signalements");
		assertThat(open.stream().filter(route -> !route.startsWith("GET /api/"))).isEmpty();
	}

	@Test
	void aPreflightThatWouldSendATokenIsRefused() throws Exception {
		HttpResponse<String> preflight = send("OPTIONS", "/api/v1/lieux", "Access-Control-Request-Method", "GET",
				"Access-Control-Request-Headers", "authorization");
		assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
		assertThat(preflight.statusCode()).isEqualTo(403);
		// and the administrator's token, sent anyway, opens no CORS on a protected route
		HttpResponse<String> withToken = send("GET", "/api/v1/signalements", "Authorization",
				"Bearer " + ApiClient.ADMIN_TOKEN);
		assertThat(withToken.statusCode()).isEqualTo(200);
		assertThat(withToken.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
	}

}
