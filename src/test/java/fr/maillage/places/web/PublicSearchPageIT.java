package fr.maillage.places.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import fr.maillage.opendata.importing.SourceImport;
import fr.maillage.testing.Browser;
import fr.maillage.testing.CleanDatabase;
import fr.maillage.testing.Fixtures;
import fr.maillage.testing.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The public search, as a person uses it, in a real Chromium: by mouse, by keyboard, and
 * checked by axe-core.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicSearchPageIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SourceImport sourceImport;

	Browser browser;

	@BeforeAll
	void start() {
		CleanDatabase.empty(jdbc);
		Fixtures.importHinaura(sourceImport);
		browser = new Browser();
	}

	@AfterAll
	void stop() {
		browser.close();
	}

	@Test
	void searchingACommuneListsThePlacesAroundItWithoutJavaScriptTricks() {
		ChromeDriver driver = browser.open(port, "/");
		assertThat(driver.getTitle()).contains("Trouver de l’aide");
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();

		driver.findElement(By.id("q")).sendKeys("Villeurbanne", Keys.ENTER);
		browser.waitFor(ExpectedConditions.urlContains("q=Villeurbanne"));
		assertThat(driver.findElement(By.id("titre-resultats")).getText()).contains("Villeurbanne (69)");
		assertThat(driver.findElements(By.cssSelector("ol.resultats > li"))).hasSize(PublicSearchController.RESULTS);
		assertThat(driver.findElement(By.cssSelector("ol.resultats")).getText()).contains("La MIETE");
		browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#carte.leaflet-container")));
		browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#carte .leaflet-marker-icon")));
		browser.screenshot("recherche-villeurbanne");
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();
	}

	@Test
	void suggestsTerritoriesWhileTyping() {
		ChromeDriver driver = browser.open(port, "/");
		driver.findElement(By.id("q")).sendKeys("villeurb");
		browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("ul.suggestions a")));
		WebElement suggestion = driver.findElement(By.cssSelector("ul.suggestions a"));
		assertThat(suggestion.getText()).isEqualTo("Villeurbanne (69)");
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();
		suggestion.click();
		browser
			.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("titre-resultats"), "Villeurbanne (69)"));
	}

	@Test
	void aServiceFilterLivesInTheUrl() {
		ChromeDriver driver = browser.open(port, "/");
		// the filter first, then the postcode and Enter: the territory suggestions, which
		// arrive 250 ms after typing and push the filters down, cannot move a target
		// between locating it and clicking it
		driver.findElement(By.xpath("//label[contains(., 'Parentalité')]/input")).click();
		driver.findElement(By.id("q")).sendKeys("69100", Keys.ENTER);
		browser.waitFor(ExpectedConditions.urlContains("services=Parentalit"));
		assertThat(driver.findElement(By.id("titre-resultats")).getText()).startsWith("Aucun lieu trouvé");
		driver.navigate().back();
		browser.waitFor(ExpectedConditions.not(ExpectedConditions.urlContains("services=")));
	}

	@Test
	void aPersonCanGoFromTheSearchFieldToAPlaceWithTheKeyboardOnly() {
		ChromeDriver driver = browser.open(port, "/?q=Villeurbanne");
		driver.findElement(By.id("q")).click();
		WebElement firstResult = driver.findElement(By.cssSelector("ol.resultats > li h3 a"));
		String name = firstResult.getText();
		for (int i = 0; i < 40 && !firstResult.equals(driver.switchTo().activeElement()); i++) {
			driver.switchTo().activeElement().sendKeys(Keys.TAB);
		}
		assertThat(driver.switchTo().activeElement()).isEqualTo(firstResult);
		// the map follows the list: the focused place is highlighted
		assertThat(driver.findElement(By.cssSelector("ol.resultats > li")).getAttribute("class")).contains("choisi");
		driver.switchTo().activeElement().sendKeys(Keys.ENTER);
		browser.waitFor(ExpectedConditions.urlContains("/lieux/"));

		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(name);
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("Horaires");
		browser.screenshot("fiche-lieu");
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();
	}

	@Test
	void aPersonCanReportAnErrorFromThePlacePage() throws InterruptedException {
		ChromeDriver driver = browser.open(port, "/?q=Villeurbanne");
		driver.findElement(By.cssSelector("ol.resultats > li h3 a")).click();
		browser.waitFor(ExpectedConditions.urlContains("/lieux/"));
		driver.findElement(By.id("titre-signalement")).click();
		driver.findElement(By.id("message")).sendKeys("Le lieu est fermé le lundi.");
		Thread.sleep(ErrorReportController.MIN_MILLIS_TO_FILL + 200);
		driver.findElement(By.cssSelector(".signalement button")).click();
		browser.screenshot("signalement-envoye");
		browser.waitFor(ExpectedConditions.urlContains("signalement=merci"));

		assertThat(driver.findElement(By.cssSelector(".signalement .message")).getText()).startsWith("Merci !");
		assertThat(jdbc.sql("select message from signalement").query(String.class).list())
			.contains("Le lieu est fermé le lundi.");
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();
	}

	@Test
	void understandsAHomonymWrittenWithItsDepartement() {
		ChromeDriver driver = browser.open(port,
				"/?q=" + java.net.URLEncoder.encode("Saint-Pierre (972)", StandardCharsets.UTF_8));
		assertThat(driver.findElement(By.id("titre-resultats")).getText()).endsWith("de Saint-Pierre (972)");
	}

	@Test
	void keepsThePlacesOpenOnSaturday() {
		// counted on the real hours of the 36 places within 15 km: 11 have Saturday hours
		ChromeDriver driver = browser.open(port, "/?q=Villeurbanne&samedi=true");
		assertThat(driver.findElement(By.id("titre-resultats")).getText()).startsWith("11 lieux");
		assertThat(driver.findElement(By.xpath("//label[contains(., 'Ouvert le samedi')]/input")).isSelected())
			.isTrue();
	}

	@Test
	void showsATerritorysMapWithItsContourAndPlaces() {
		ChromeDriver driver = browser.open(port, "/carte?departement=69");
		assertThat(driver.findElement(By.tagName("h1")).getText()).contains("Rhône");
		// the 48 Hinaura places whose commune is in the Rhône, all with coordinates
		assertThat(driver.findElements(By.cssSelector(".liste-carte li"))).hasSize(48);
		browser.waitFor(ExpectedConditions.attributeToBe(By.id("carte"), "data-contour-dessine", "oui"));
		assertThat(driver.findElements(By.cssSelector("#carte path"))).isNotEmpty();
		assertThat(driver.findElements(By.cssSelector("#carte .leaflet-marker-icon"))).isNotEmpty();
		browser.screenshot("carte-rhone");
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();
	}

	@Test
	void drawsTheContourOfAnEpciAndOfACommuneToo() {
		for (String path : List.of("/carte?epci=246900625", "/carte?commune=69266")) {
			ChromeDriver driver = browser.open(port, path);
			browser.waitFor(ExpectedConditions.attributeToBe(By.id("carte"), "data-contour-dessine", "oui"));
			assertThat(driver.findElements(By.cssSelector("#carte path"))).as(path).isNotEmpty();
		}
	}

	@Test
	void givesPartnersASnippetThatEmbedsTheMap() throws IOException {
		ChromeDriver driver = browser.open(port, "/integrer?departement=69m");
		String snippet = driver.findElement(By.id("code-integration")).getAttribute("value");
		assertThat(snippet).startsWith("<iframe src=\"http://localhost:" + port + "/carte?departement=69M\"");
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();

		// a partner's site on another origin (on loopback: the browser lets local pages
		// embed local pages)
		byte[] partnerPage = ("<!DOCTYPE html><html lang=fr><meta charset=utf-8><body><h1>Site partenaire</h1>"
				+ snippet + "</body></html>")
			.getBytes(StandardCharsets.UTF_8);
		HttpServer partner = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		partner.createContext("/", exchange -> {
			exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
			exchange.sendResponseHeaders(200, partnerPage.length);
			exchange.getResponseBody().write(partnerPage);
			exchange.close();
		});
		partner.start();
		try {
			driver.get("http://127.0.0.1:" + partner.getAddress().getPort() + "/");
			driver.switchTo().frame(0);
			browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Métropole de Lyon"));
			assertThat(driver.findElements(By.cssSelector(".liste-carte li"))).hasSize(29);
			driver.switchTo().defaultContent();
		}
		finally {
			partner.stop(0);
		}
	}

	@Test
	void aroundMeAsksThePositionOnlyOnClickAndSearchesAroundIt() {
		ChromeDriver driver = browser.open(port, "/");
		driver.executeCdpCommand("Browser.grantPermissions",
				Map.of("origin", "http://localhost:" + port, "permissions", List.of("geolocation")));
		// at the door of Villeurbanne's town hall
		driver.executeCdpCommand("Emulation.setGeolocationOverride",
				Map.of("latitude", 45.76653, "longitude", 4.87961, "accuracy", 30));
		try {
			browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("autour-de-moi")));
			driver.findElement(By.xpath("//label[contains(., 'Ouvert le samedi')]/input")).click();
			driver.findElement(By.id("autour-de-moi")).click();
			browser.waitFor(ExpectedConditions.urlContains("lat=45.767"));
			// rounded to about 100 m, and the other criteria are kept
			assertThat(driver.getCurrentUrl()).contains("lon=4.880").contains("samedi=true").doesNotContain("q=");
			assertThat(driver.findElement(By.id("titre-resultats")).getText()).endsWith("de votre position");
			assertThat(driver.findElement(By.cssSelector("ol.resultats > li")).getText()).contains("· à ");
			assertThat(browser.seriousAccessibilityViolations()).isEmpty();
		}
		finally {
			driver.executeCdpCommand("Emulation.clearGeolocationOverride", Map.of());
			driver.executeCdpCommand("Browser.resetPermissions", Map.of());
		}
	}

	@Test
	void aroundMeExplainsInFrenchWhenThePositionIsRefused() {
		ChromeDriver driver = browser.open(port, "/");
		driver.executeCdpCommand("Browser.setPermission", Map.of("origin", "http://localhost:" + port, "permission",
				Map.of("name", "geolocation"), "setting", "denied"));
		try {
			browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("autour-de-moi")));
			driver.findElement(By.id("autour-de-moi")).click();
			browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("position-message"),
					"Écrivez votre commune ou votre code postal"));
			assertThat(driver.getCurrentUrl()).doesNotContain("lat=");
			assertThat(driver.findElement(By.id("autour-de-moi")).isEnabled()).isTrue();
		}
		finally {
			driver.executeCdpCommand("Browser.resetPermissions", Map.of());
		}
	}

	@Test
	void everyPublicPageReadsOnA320PixelScreenWithoutScrollingSideways() {
		ChromeDriver driver = browser.driver();
		Dimension usual = driver.manage().window().getSize();
		driver.manage().window().setSize(new Dimension(320, 800));
		try {
			assertThat(((Number) driver.executeScript("return window.innerWidth")).intValue()).isEqualTo(320);
			ChromeDriver results = browser.open(port, "/?q=Villeurbanne");
			String placePath = results.findElement(By.cssSelector("ol.resultats > li h3 a")).getAttribute("href");
			for (String path : List.of("/", "/?q=Villeurbanne", placePath.substring(placePath.indexOf("/lieux/")),
					"/carte?departement=69", "/integrer?departement=69")) {
				driver = browser.open(port, path);
				Number overflow = (Number) driver.executeScript(
						"return document.documentElement.scrollWidth - document.documentElement.clientWidth");
				assertThat(overflow.intValue()).as("horizontal scroll on %s", path).isLessThanOrEqualTo(0);
			}
			browser.open(port, "/?q=Villeurbanne");
			browser.screenshot("recherche-320px");
		}
		finally {
			driver.manage().window().setSize(usual);
		}
	}

	/**
	 * Budget of issue 4: home, results and map assets together ≤ 300 KB transferred
	 * (compressed, no tiles), as the browser counts it with its cache disabled.
	 */
	@Test
	void homeAndResultsWithTheirMapWeighLessThan300Kilobytes() {
		ChromeDriver driver = browser.driver();
		driver.executeCdpCommand("Network.enable", Map.of());
		driver.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
		try {
			long total = 0;
			for (String path : List.of("/", "/?q=Villeurbanne")) {
				browser.open(port, path);
				browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("footer")));
				if (path.contains("q=")) {
					browser.waitFor(
							ExpectedConditions.presenceOfElementLocated(By.cssSelector("#carte .leaflet-marker-icon")));
				}
				Number bytes = (Number) driver.executeScript(
						"""
								return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
								  .reduce((sum, entry) => sum + entry.transferSize, 0)""");
				assertThat(bytes.longValue()).as("bytes of %s", path).isPositive();
				total += bytes.longValue();
			}
			System.out.printf("Home + results + map assets: %d bytes transferred%n", total);
			// and browsers may keep them: their URLs change with their content
			assertThat(driver.findElement(By.cssSelector("link[rel=stylesheet]")).getAttribute("href"))
				.matches(".*/css/maillage-[0-9a-f]{32}\\.css");
			assertThat(total).isLessThanOrEqualTo(300 * 1024);
		}
		finally {
			driver.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", false));
			driver.executeCdpCommand("Network.disable", Map.of());
		}
	}

	@Test
	void explainsAnUnknownCommuneAndAnUnknownPlaceInFrench() {
		ChromeDriver driver = browser.open(port, "/?q=Zzyzx");
		assertThat(driver.findElement(By.cssSelector("p.message")).getText()).contains("Aucune commune");
		driver = browser.open(port, "/lieux/inconnu");
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Page introuvable");
	}

	// Issue 17, part 5: a search that never leaves a person stuck

	@Test
	void afterASearchTheFocusAndTheViewGoToTheResultsHeadingEvenOnAPhone() {
		ChromeDriver driver = browser.driver();
		Dimension usual = driver.manage().window().getSize();
		for (int width : List.of(375, 1280)) {
			driver.manage().window().setSize(new Dimension(width, 800));
			try {
				browser.open(port, "/");
				driver.findElement(By.id("q")).sendKeys("Villeurbanne", Keys.ENTER);
				browser.waitFor(ExpectedConditions.urlContains("q=Villeurbanne"));
				assertThat(driver.getCurrentUrl()).endsWith("#resultats");
				browser.waitFor(d -> "resultats".equals(d.switchTo().activeElement().getAttribute("id")));
				WebElement heading = driver.findElement(By.id("resultats"));
				assertThat(heading.getTagName()).isEqualTo("h2");
				assertThat(heading.getText()).startsWith("36 lieux à moins de 15 km de Villeurbanne");
				Number top = (Number) driver.executeScript("return arguments[0].getBoundingClientRect().top", heading);
				Number height = (Number) driver.executeScript("return window.innerHeight");
				assertThat(top.doubleValue()).as("heading in view at %d px", width)
					.isBetween(0.0, height.doubleValue() / 2);
				browser.screenshot("recherche-focus-" + width + "px");
			}
			finally {
				driver.manage().window().setSize(usual);
			}
		}
	}

	@Test
	void everyResultIsReachableOnePageAfterTheOtherWithItsPhone() {
		ChromeDriver driver = browser.open(port, "/?q=Villeurbanne");
		java.util.Set<String> seen = new java.util.HashSet<>();
		driver.findElements(By.cssSelector("ol.resultats > li")).forEach(item -> seen.add(item.getAttribute("id")));
		assertThat(driver.findElement(By.cssSelector(".page-resultats")).getText()).startsWith("Lieux 1 à 20");
		assertThat(driver.findElements(By.cssSelector("ol.resultats > li .telephone a[href^='tel:']"))).isNotEmpty();
		WebElement next = driver.findElement(By.cssSelector("nav.pages-resultats a[rel=next]"));
		assertThat(next.getText()).isEqualTo("Voir les 16 lieux suivants");
		next.click();
		browser.waitFor(ExpectedConditions.urlContains("page=2"));
		List<WebElement> second = driver.findElements(By.cssSelector("ol.resultats > li"));
		assertThat(second).hasSize(16);
		second.forEach(item -> seen.add(item.getAttribute("id")));
		assertThat(seen).as("every one of the 36 places, once").hasSize(36);
		assertThat(driver.findElement(By.cssSelector("ol.resultats")).getAttribute("start")).isEqualTo("21");
		assertThat(driver.findElements(By.cssSelector("nav.pages-resultats a[rel=next]"))).isEmpty();
		assertThat(driver.findElement(By.cssSelector("nav.pages-resultats a[rel=prev]")).getText())
			.isEqualTo("Voir les 20 lieux précédents");
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();
		// a page beyond the last, or a mangled one, is never an error
		driver = browser.open(port, "/?q=Villeurbanne&page=9");
		assertThat(driver.getCurrentUrl()).contains("page=2");
		driver = browser.open(port, "/?q=Villeurbanne&page=deux");
		assertThat(driver.findElements(By.cssSelector("ol.resultats > li"))).hasSize(20);
	}

	@Test
	void theMapDrawsMarkersWithoutImagesAndTheCommunesAroundTheResultsWithoutTiles() {
		ChromeDriver driver = browser.open(port, "/?q=Villeurbanne");
		browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#carte .leaflet-marker-icon")));
		// a single marker (not in a cluster) is drawn by CSS: no image to miss
		assertThat(driver.findElements(By.cssSelector("#carte .repere-carte"))).isNotEmpty();
		@SuppressWarnings("unchecked")
		List<String> requested = (List<String>) driver
			.executeScript("return performance.getEntriesByType('resource').map(e => e.name)");
		assertThat(requested).noneMatch(name -> name.contains("marker-icon") || name.contains("marker-shadow"));
		Number broken = (Number) driver
			.executeScript("return Array.from(document.images).filter(i => i.complete && i.naturalWidth === 0).length");
		assertThat(broken.intValue()).isZero();
		// no tile server in tests: the communes' outlines and names are what the map
		// shows
		int outlines = Integer.parseInt(driver.findElement(By.id("carte")).getAttribute("data-contours-dessines"));
		assertThat(outlines).isBetween(10, CommuneOutlines.MAX_COMMUNES);
		assertThat(driver.findElements(By.cssSelector("#carte path"))).hasSizeGreaterThanOrEqualTo(10);
		assertThat(driver.findElement(By.id("carte")).getText()).contains("Villeurbanne").contains("Bron");
		browser.screenshot("recherche-carte-contours");
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();
	}

	@Test
	void aMisspeltCommuneGetsASuggestionThatSearchesIt() {
		ChromeDriver driver = browser.open(port, "/?q=Villeurbane");
		browser.waitFor(d -> "resultats".equals(d.switchTo().activeElement().getAttribute("id")));
		assertThat(driver.findElement(By.id("resultats")).getText()).contains("« Villeurbane »")
			.contains("Vouliez-vous dire")
			.doesNotContain("Aucun lieu trouvé");
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();
		browser.screenshot("recherche-faute-de-frappe");
		driver.findElement(By.linkText("Villeurbanne (69)")).click();
		browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("titre-resultats"), "36 lieux"));
	}

	@Test
	void aPlaceOutsideTheCoveredTerritoryIsExplainedWithTheNearestPlace() {
		ChromeDriver driver = browser.open(port, "/?q=Paris");
		String help = driver.findElement(By.cssSelector("section .aide-recherche")).getText();
		assertThat(help).contains("ne couvrent pas encore tout le pays").contains("Le lieu le plus proche");
		WebElement nearest = driver.findElement(By.cssSelector("section .liens-aide a"));
		assertThat(nearest.getAttribute("href")).contains("/lieux/");
		assertThat(help).contains("cartographie nationale");
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();
		// with criteria that no place nearby meets: the same search without them
		driver = browser.open(port, "/?q=69100&services="
				+ java.net.URLEncoder.encode("Parentalité et éducation avec le numérique", StandardCharsets.UTF_8));
		WebElement without = driver.findElement(By.cssSelector("section .liens-aide a"));
		assertThat(without.getText()).matches("Voir les \\d+ lieux sans ces critères");
		without.click();
		browser.waitFor(ExpectedConditions.not(ExpectedConditions.urlContains("services=")));
		assertThat(driver.findElement(By.id("titre-resultats")).getText()).doesNotStartWith("Aucun");
	}

	@Test
	void servicesReadInPlainWordsFirstAndTheStandardsTermSecond() {
		ChromeDriver driver = browser.open(port, "/");
		WebElement first = driver.findElement(By.xpath("//label[input[@id='service-0']]"));
		assertThat(first.getText()).startsWith("Faire mes démarches en ligne")
			.contains("Aide aux démarches administratives");
		Number box = (Number) driver
			.executeScript("return document.getElementById('service-0').getBoundingClientRect().height");
		assertThat(box.doubleValue()).as("check box target").isGreaterThanOrEqualTo(24);
		first.click();
		driver.findElement(By.id("q")).sendKeys("Villeurbanne", Keys.ENTER);
		browser.waitFor(ExpectedConditions.urlContains("services="));
		assertThat(driver.findElement(By.cssSelector("ol.resultats")).getText())
			.contains("Faire mes démarches en ligne");
	}

	@Test
	void theTerritoryMapListsPlacesInFrenchOrderAndEmbeddingOffersACodeAtOnce() {
		ChromeDriver driver = browser.open(port, "/carte?departement=69");
		List<String> names = driver.findElements(By.cssSelector(".liste-carte li a"))
			.stream()
			.map(WebElement::getText)
			.toList();
		java.text.Collator french = java.text.Collator.getInstance(java.util.Locale.FRENCH);
		french.setStrength(java.text.Collator.PRIMARY);
		assertThat(names).isSortedAccordingTo(french);
		driver = browser.open(port, "/integrer");
		assertThat(driver.findElement(By.id("code-integration")).getAttribute("value")).contains("/carte?departement=");
		driver.findElement(By.id("territoire")).sendKeys("Tarare", Keys.ENTER);
		browser.waitFor(ExpectedConditions.urlContains("territoire=Tarare"));
		assertThat(driver.findElement(By.id("code-integration")).getAttribute("value"))
			.contains("/carte?commune=69243");
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();
		driver = browser.open(port, "/integrer?territoire=Zzyzx");
		assertThat(driver.findElement(By.cssSelector("p.message")).getText()).contains("« Zzyzx »");
	}

	@Test
	void aPlacePageGivesATextToSendByTextMessageAQrCodeAndItsPoster() {
		ChromeDriver driver = browser.open(port, "/?q=Villeurbanne");
		driver.findElement(By.linkText("Bureau Information Jeunesse de Villeurbanne")).click();
		browser.waitFor(ExpectedConditions.urlContains("/lieux/"));
		String pageUrl = driver.getCurrentUrl();
		String text = driver.findElement(By.id("texte-fiche")).getAttribute("value");
		assertThat(text).startsWith("Bureau Information Jeunesse de Villeurbanne\n15 rue Michel Servet")
			.contains("Tél. 04")
			.contains("Horaires : ")
			.endsWith(pageUrl);
		assertThat(driver.findElement(By.id("envoyer-sms")).getAttribute("href")).startsWith("sms:?&body=Bureau");
		assertThat(driver.findElement(By.id("envoyer-courriel")).getAttribute("href")).startsWith("mailto:?subject=");
		assertThat(driver.findElement(By.cssSelector(".qr-image svg")).getAttribute("aria-label"))
			.isEqualTo("QR code de la fiche de Bureau Information Jeunesse de Villeurbanne");
		assertThat(driver.findElement(By.id("lien-affiche")).getAttribute("href")).isEqualTo(pageUrl + "/affiche.pdf");
		assertThat(driver.findElement(By.id("copier-fiche")).isDisplayed()).isTrue();
		browser.screenshot("fiche-envoyer");
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();
	}

	@Test
	void aCounterPrintsAnOrientationSheetWithoutAnythingAboutThePerson() {
		ChromeDriver driver = browser.open(port, "/orientation");
		assertThat(driver.findElements(By.cssSelector("main form [name]")).stream().map(e -> e.getAttribute("name")))
			.as("nothing asked about the person")
			.containsExactlyInAnyOrder("besoin", "commune", "jour");
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();
		new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("besoin")))
			.selectByVisibleText("Faire mes démarches en ligne");
		new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("jour"))).selectByVisibleText("Mardi");
		driver.findElement(By.id("commune-orientation")).sendKeys("Villeurbanne", Keys.ENTER);
		browser.waitFor(ExpectedConditions.urlContains("commune=Villeurbanne"));
		assertThat(driver.findElement(By.id("titre-orientation")).getText())
			.isEqualTo("Faire mes démarches en ligne — près de Villeurbanne (69), le mardi");
		List<WebElement> places = driver.findElements(By.cssSelector("ol.orientation > li"));
		assertThat(places).hasSize(OrientationController.PLACES)
			.allSatisfy(place -> assertThat(place.getText()).contains("Mardi :")
				.doesNotContain("Mardi : fermé")
				.containsPattern("Pour y aller : à [0-9,]+ k?m")
				.contains("de Villeurbanne (69)"));
		assertThat(driver.findElements(By.cssSelector("ol.orientation .qr-orientation svg"))).hasSize(3);
		browser.screenshot("fiche-orientation");
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();
		driver = browser.open(port, "/orientation?besoin=x&commune=Villeurbane&jour=9");
		assertThat(driver.findElement(By.cssSelector("p.message")).getText())
			.isEqualTo("Choisissez un besoin dans la liste.");
		driver = browser.open(port,
				"/orientation?besoin="
						+ java.net.URLEncoder.encode("Aide aux démarches administratives", StandardCharsets.UTF_8)
						+ "&commune=Villeurbane");
		assertThat(driver.findElement(By.cssSelector("p.message")).getText()).contains("« Villeurbanne (69) »");
	}

	@Test
	void theDirectoryOfATerritoryReadsInTheBrowserToo() {
		ChromeDriver driver = browser.open(port, "/territoires/69M/annuaire?gros_caracteres=true");
		assertThat(driver.findElement(By.tagName("h1")).getText()).contains("Métropole de Lyon");
		assertThat(driver.findElements(By.cssSelector(".lieu"))).hasSize(29);
		assertThat(driver.findElement(By.linkText("Télécharger cet annuaire en PDF")).getAttribute("href"))
			.endsWith("/territoires/69M/annuaire.pdf?gros_caracteres=true");
		browser.screenshot("annuaire-html");
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();
	}

}
