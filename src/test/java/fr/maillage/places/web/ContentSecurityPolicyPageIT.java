package fr.maillage.places.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import fr.maillage.fragility.FragilityIndexes;
import fr.maillage.opendata.importing.SourceImport;
import fr.maillage.testing.ApiClient;
import fr.maillage.testing.Browser;
import fr.maillage.testing.CleanDatabase;
import fr.maillage.testing.Fixtures;
import fr.maillage.testing.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 14: every page carries the Content-Security-Policy, Referrer-Policy and
 * Permissions-Policy, and still works under them in a real Chromium — the maps (Leaflet,
 * clusters, contours), the htmx suggestions, the place page — without a single policy
 * violation (each would also be logged in the console).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContentSecurityPolicyPageIT {

	/**
	 * Collects the violations from the first line of every document, before any page
	 * script (DevTools scripts are not subject to the page's policy).
	 */
	private static final String VIOLATION_RECORDER = """
			window.__violations = [];
			document.addEventListener('securitypolicyviolation', function (e) {
			  window.__violations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber);
			});""";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SourceImport sourceImport;

	@Autowired
	FragilityIndexes fragility;

	Browser browser;

	@BeforeAll
	void start() {
		CleanDatabase.empty(jdbc);
		Fixtures.importHinaura(sourceImport);
		fragility.importFile("indicateurs.csv", Fixtures.bytes("fixtures/fragilite/indicateurs-ccpa-invente.csv"));
		browser = new Browser();
		browser.driver()
			.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", VIOLATION_RECORDER));
	}

	@AfterAll
	void stop() {
		browser.close();
	}

	@SuppressWarnings("unchecked")
	private List<String> violations() {
		Object found = browser.driver().executeScript("return window.__violations || ['recorder missing'];");
		return (List<String>) found;
	}

	@Test
	void everyAnswerCarriesThePolicies() {
		ApiClient api = new ApiClient(port);
		for (String path : List.of("/", "/?q=Villeurbanne", "/integrer?departement=69", "/territoires/69", "/connexion",
				"/api/v1/lieux", "/lieux/inconnu")) {
			ApiClient.Response response = api.get(path);
			String policy = response.headers().firstValue("Content-Security-Policy").orElse("");
			assertThat(policy).as(path)
				.contains("default-src 'self'", "script-src 'self';", "style-src 'self';", "object-src 'none'",
						"base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'")
				.doesNotContain("unsafe-inline");
			assertThat(response.headers().firstValue("Referrer-Policy")).as(path)
				.hasValue("strict-origin-when-cross-origin");
			assertThat(response.headers().firstValue("Permissions-Policy").orElse("")).as(path)
				.contains("geolocation=(self)", "camera=()", "microphone=()");
		}
		// only the map made to be embedded may be framed, by any site
		ApiClient.Response map = api.get("/carte?departement=69");
		assertThat(map.headers().firstValue("Content-Security-Policy").orElse("")).contains("frame-ancestors *")
			.doesNotContain("frame-ancestors 'none'");
	}

	@Test
	void theSearchPageItsMapAndItsHtmxSuggestionsWorkWithoutViolation() {
		ChromeDriver driver = browser.open(port, "/?q=Villeurbanne");
		browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#carte .leaflet-marker-icon")));
		// a place of the list, focused, opens its marker's popup (built by carte.js)
		driver.executeScript("document.querySelector('ol.resultats > li h3 a').focus();");
		browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".leaflet-popup-content a")));
		assertThat(driver.findElement(By.cssSelector(".leaflet-popup-content a")).getAttribute("href"))
			.contains("/lieux/");

		driver.findElement(By.id("q")).clear();
		driver.findElement(By.id("q")).sendKeys("villeurb");
		browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("ul.suggestions a")));
		assertThat(violations()).isEmpty();

		driver.findElement(By.cssSelector("ol.resultats > li h3 a")).click();
		browser.waitFor(ExpectedConditions.urlContains("/lieux/"));
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("Horaires");
		assertThat(violations()).isEmpty();
	}

	@Test
	void theEmbeddableMapAndTheTerritoryMapWorkWithoutViolation() {
		browser.open(port, "/carte?departement=69");
		browser.waitFor(ExpectedConditions.attributeToBe(By.id("carte"), "data-contour-dessine", "oui"));
		browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#carte .marker-cluster")));
		assertThat(violations()).isEmpty();

		browser.open(port, "/integrer?departement=69");
		assertThat(browser.driver().findElement(By.id("code-integration")).getAttribute("value")).contains("<iframe");
		assertThat(violations()).isEmpty();

		browser.open(port, "/territoires/69");
		browser.waitFor(ExpectedConditions.attributeToBe(By.id("carte"), "data-communes-dessinees", "266"));
		assertThat(violations()).isEmpty();
	}

	@Test
	void theRecorderSeesAViolationWhenThereIsOne() {
		browser.open(port, "/");
		// an inline script added to the page, as an injection would: refused and reported
		browser.driver()
			.executeScript("var s = document.createElement('script'); s.textContent = 'window.__ran = 1;';"
					+ " document.body.appendChild(s);");
		browser.waitFor(driver -> !violations().isEmpty());
		assertThat(violations()).anySatisfy(v -> assertThat(v).startsWith("script-src"));
		assertThat(browser.driver().executeScript("return window.__ran === undefined;")).isEqualTo(true);
	}

}
