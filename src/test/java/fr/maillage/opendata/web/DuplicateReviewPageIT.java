package fr.maillage.opendata.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.testing.ApiClient;
import fr.maillage.testing.Browser;
import fr.maillage.testing.CleanDatabase;
import fr.maillage.testing.Fixtures;
import fr.maillage.testing.IntegrationTest;
import fr.maillage.testing.WebSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The review queue, a pair and a provenance page in a real Chromium (issue 15), on the
 * Charente file: a coordinator signs in, compares, sees the two points on the map,
 * decides; each page passes axe-core and fits 320 px.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DuplicateReviewPageIT {

	private static final String CHARENTE = "20230711-charente-lieux-de-mediation-numeriques-nouvelle-aquitaine.json";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Browser browser;

	String email;

	@BeforeAll
	void start() throws Exception {
		CleanDatabase.empty(jdbc);
		ApiClient api = new ApiClient(port);
		assertThat(api.importFile("charente", CHARENTE, Fixtures.lieux(CHARENTE)).status()).isEqualTo(201);
		email = WebSession.newAccount(port, jdbc, "Camille Charente", "coordinateur", "departement:16");
		browser = new Browser();
		browser.signIn(port, email, WebSession.PASSWORD);
	}

	@AfterAll
	void stop() {
		browser.close();
	}

	@Test
	void theCoordinatorComparesOnTheMapAndDecidesSameLieu() {
		ChromeDriver driver = browser.open(port, "/espace");
		driver.findElement(By.linkText("Doublons à examiner")).click();
		browser.waitFor(ExpectedConditions.titleContains("Doublons à examiner"));
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("Charente (16)");
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();
		browser.screenshot("doublons-file");

		driver.findElement(By.partialLinkText("Comparer et décider")).click();
		browser.waitFor(ExpectedConditions.titleContains("Même lieu ?"));
		// both records on the map, as markers (no tile server in tests)
		browser.waitFor(ExpectedConditions.attributeToBe(By.id("carte-doublon"), "data-points-dessines", "2"));
		assertThat(driver.findElements(By.cssSelector("#carte-doublon .leaflet-marker-icon"))).hasSize(2);
		// a difference is said in words, not only in colour
		assertThat(driver.findElements(By.cssSelector("tr.different .etiquette-difference")))
			.allSatisfy(tag -> assertThat(tag.getText()).isEqualTo("différent"))
			.isNotEmpty();
		assertThat(driver.findElement(By.cssSelector("ul.doublon-raisons")).getText()).contains("Score");
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();
		browser.screenshot("doublon-comparaison");
		driver.manage().window().setSize(new Dimension(320, 900));
		try {
			browser.screenshot("doublon-comparaison-320");
			// nothing but the wide table scrolls sideways
			Long overflow = (Long) driver
				.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
			assertThat(overflow).isLessThanOrEqualTo(0L);
		}
		finally {
			driver.manage().window().setSize(new Dimension(1280, 1000));
		}

		driver.findElement(By.xpath("//button[normalize-space()='Même lieu']")).click();
		browser.waitFor(ExpectedConditions.urlContains("decision=fusionner"));
		WebElement confirmation = driver.findElement(By.cssSelector("[role=status]"));
		assertThat(confirmation.getText()).contains("Décision enregistrée : « Même lieu »");
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();

		driver.findElement(By.linkText("Même lieu")).click();
		browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.partialLinkText("Voir la décision")));
		driver.findElement(By.partialLinkText("Voir la décision")).click();
		browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".doublon-decision")));
		assertThat(driver.findElement(By.cssSelector(".doublon-decision")).getText()).contains("Décidé le",
				"par Camille Charente", "« Même lieu »");
		assertThat(driver.findElements(By.xpath("//button[normalize-space()='Lieux différents']"))).isEmpty();
	}

	@Test
	void theProvenanceSaysWhichValueWasKeptAndWhichWasNot() {
		String apej = null;
		for (var lieu : new ApiClient(port).get("/api/v1/lieux?taille=500&q=APEJ").json().get("lieux")) {
			if (lieu.get("nom").asString().equals("APEJ")) {
				apej = lieu.get("id").asString();
			}
		}
		ChromeDriver driver = browser.open(port, "/lieux/" + apej);
		driver.findElement(By.linkText("D'où viennent ces informations ?")).click();
		browser.waitFor(ExpectedConditions.titleContains("D’où viennent les informations de APEJ"));
		String page = driver.findElement(By.tagName("main")).getText();
		assertThat(page).contains("retenue APEJ", "non retenue APEJ COGNAC");
		assertThat(driver.findElements(By.cssSelector("li.non-retenue del"))).isNotEmpty();
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();
		browser.screenshot("provenance");
		driver.manage().window().setSize(new Dimension(320, 900));
		try {
			browser.screenshot("provenance-320");
			Long overflow = (Long) driver
				.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
			assertThat(overflow).isLessThanOrEqualTo(0L);
		}
		finally {
			driver.manage().window().setSize(new Dimension(1280, 1000));
		}
	}

}
