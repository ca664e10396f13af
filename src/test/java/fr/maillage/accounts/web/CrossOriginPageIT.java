package fr.maillage.accounts.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import fr.maillage.testing.Browser;
import fr.maillage.testing.CleanDatabase;
import fr.maillage.testing.Fixtures;
import fr.maillage.testing.IntegrationTest;
import fr.maillage.opendata.importing.SourceImport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A département's own site, on another origin, in a real browser (issue 19): its page's
 * script reads Maillage's public API, and the browser refuses it a write (the import
 * route) and a route that needs a token.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrossOriginPageIT {

	private static final String FETCH = """
			const done = arguments[arguments.length - 1];
			fetch(arguments[0], arguments[1])
			  .then(r => r.text().then(body => done({status: r.status, body: body})))
			  .catch(e => done({error: String(e)}));""";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SourceImport sourceImport;

	HttpServer otherSite;

	Browser browser;

	@BeforeAll
	void start() throws Exception {
		CleanDatabase.empty(jdbc);
		Fixtures.importHinaura(sourceImport);
		// the département's site: a plain page on another port, so another origin
		otherSite = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		otherSite.createContext("/", exchange -> {
			byte[] page = "<!DOCTYPE html><html lang=\"fr\"><title>Site du département</title><h1>Lieux</h1></html>"
				.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
			exchange.sendResponseHeaders(200, page.length);
			exchange.getResponseBody().write(page);
			exchange.close();
		});
		otherSite.start();
		browser = new Browser();
		browser.driver().get("http://127.0.0.1:" + otherSite.getAddress().getPort() + "/");
	}

	@AfterAll
	void stop() {
		browser.close();
		otherSite.stop(0);
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> fetch(String path, Map<String, Object> options) {
		return (Map<String, Object>) browser.driver()
			.executeAsyncScript(FETCH, "http://localhost:" + port + path, options);
	}

	@Test
	void theOtherSiteReadsThePublicApi() {
		Map<String, Object> answer = fetch("/api/v1/lieux?departement=69&taille=3", Map.of());
		assertThat(answer).doesNotContainKey("error");
		assertThat(answer.get("status")).isEqualTo(200L);
		assertThat((String) answer.get("body")).contains("\"total\"").contains("\"lieux\"");
	}

	@Test
	void theBrowserRefusesItAWriteAndAProtectedRoute() {
		Map<String, Object> write = fetch("/api/v1/imports",
				Map.of("method", "POST", "body", "x", "headers", Map.of("Content-Type", "text/plain")));
		assertThat(write).containsKey("error");
		assertThat(String.valueOf(write.get("error"))).contains("Failed to fetch");
		Map<String, Object> protectedRead = fetch("/api/v1/signalements", Map.of());
		assertThat(protectedRead).containsKey("error");
		Map<String, Object> publicWrite = fetch("/api/v1/couverture/suggestions",
				Map.of("method", "POST", "body", "{}", "headers", Map.of("Content-Type", "application/json")));
		assertThat(publicWrite).containsKey("error");
	}

}
