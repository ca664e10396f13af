package fr.maillage.coverage.web;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The territory page of the Rhône in a real Chromium, on the real Hinaura places. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TerritoryPageIT {

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
	}

	@AfterAll
	void stop() {
		browser.close();
	}

	@Test
	void colorsTheCommunesByDistanceToHelpWithTheSameFiguresInATable() {
		ChromeDriver driver = browser.open(port, "/territoires/69");
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Rhône (69) : où l’aide manque-t-elle ?");
		browser.waitFor(ExpectedConditions.attributeToBe(By.id("carte"), "data-communes-dessinees", "266"));
		assertThat(driver.findElements(By.cssSelector("#carte path.palier-couvert"))).isNotEmpty();
		// a page of 50 communes, not 266 rows 20 000 px tall
		assertThat(driver.findElements(By.cssSelector("#communes tbody tr"))).hasSize(50);
		assertThat(driver.findElement(By.id("compte-communes")).getText())
			.isEqualTo("Communes 1 à 50 sur 266 (page 1 sur 6)");
		assertThat(driver.findElement(By.id("legende")).getText()).contains("Zone blanche (plus de 15 km)");
		browser.screenshot("territoire-rhone-couverture");
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();
		driver.findElement(By.cssSelector(".pages-communes a[aria-label='Page 6']")).click();
		browser.waitFor(ExpectedConditions.urlContains("page=6"));
		assertThat(driver.findElements(By.cssSelector("#communes tbody tr"))).hasSize(16);
		assertThat(driver.findElement(By.cssSelector(".pages-communes a[aria-current=page]")).getText()).isEqualTo("6");
		String villeurbanne = driver.findElement(By.xpath("//table[@id='communes']//tr[th='Villeurbanne']")).getText();
		assertThat(villeurbanne).contains("dans la commune", "Couvert");
	}

	@Test
	void theCommunesComeByNameInFrenchOrderAndOneTierCanBeShown() {
		ChromeDriver driver = browser.open(port, "/territoires/69");
		List<String> names = driver.findElements(By.cssSelector("#communes tbody th"))
			.stream()
			.map(element -> element.getText())
			.toList();
		java.text.Collator french = java.text.Collator.getInstance(java.util.Locale.FRENCH);
		french.setStrength(java.text.Collator.PRIMARY);
		assertThat(names).hasSize(50).isSortedAccordingTo(french);
		new Select(driver.findElement(By.id("palier"))).selectByValue("proche");
		driver.findElement(By.xpath("//button[.='Filtrer']")).click();
		browser.waitFor(ExpectedConditions.urlContains("palier=proche"));
		List<WebElement> rows = driver.findElements(By.cssSelector("#communes tbody tr"));
		assertThat(rows).isNotEmpty();
		rows.forEach(row -> assertThat(row.getText()).contains("Proche (5 à 10 km)"));
		// a commune near help but without any: the nearest place says in which commune it
		// is (when its record gives its commune: 47 of these 50)
		int elsewhere = 0;
		for (WebElement row : rows) {
			List<WebElement> where = row.findElements(By.cssSelector(".commune-du-lieu"));
			if (!where.isEmpty()) {
				elsewhere++;
				assertThat(where.get(0).getText()).startsWith("à ")
					.isNotEqualTo("à " + row.findElement(By.tagName("th")).getText());
			}
		}
		assertThat(elsewhere).isGreaterThan(rows.size() / 2);
		assertThat(new Select(driver.findElement(By.id("palier"))).getFirstSelectedOption().getText())
			.isEqualTo("Proche (5 à 10 km)");
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();
		assertThat(browser.open(port, "/territoires/69?palier=loin").findElement(By.tagName("main")).getText())
			.contains("Palier inconnu");
	}

	@Test
	void anEpciHasItsPageWithCoverageAndSuggestionsThatSayWhy() {
		ChromeDriver driver = browser.open(port, "/territoires/69");
		driver.findElement(By.cssSelector("details.voisins summary")).click();
		driver.findElement(By.partialLinkText("Pays de l'Arbresle")).click();
		browser.waitFor(ExpectedConditions.urlContains("/territoires/246900625"));
		assertThat(driver.findElement(By.tagName("h1")).getText()).contains("Pays de l'Arbresle")
			.endsWith(": où l’aide manque-t-elle ?");
		browser.waitFor(ExpectedConditions.attributeToBe(By.id("carte"), "data-communes-dessinees", "17"));
		assertThat(driver.findElements(By.cssSelector("#communes tbody tr"))).hasSize(17);
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("lieux dans l’EPCI");
		driver.findElement(By.id("suggestions")).clear();
		driver.findElement(By.id("suggestions")).sendKeys("2");
		driver.findElement(By.id("zones-blanches")).click();
		driver.findElement(By.xpath("//button[.='Proposer des communes']")).click();
		browser.waitFor(ExpectedConditions.urlContains("zones_blanches=true"));
		List<WebElement> suggestions = driver.findElements(By.cssSelector("ol.suggestions-sites > li"));
		assertThat(suggestions).isNotEmpty();
		assertThat(suggestions.get(0).getText()).contains("habitants de", "auraient un lieu à moins de 5 km",
				"Fragilité numérique des communes atteintes");
		assertThat(driver.findElement(By.id("zones-blanches")).isSelected()).isTrue();
		browser.screenshot("territoire-epci-arbresle-suggestions");
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();
		assertThat(driver.findElement(By.partialLinkText("Télécharger le tableau des communes")).getAttribute("href"))
			.contains("/api/v1/couverture/epci/246900625.csv");
	}

	@Test
	void switchesToTheFragilityIndexAndKeepsTheChoiceInTheUrl() {
		ChromeDriver driver = browser.open(port, "/territoires/69");
		driver.findElement(By.xpath("//label[contains(., 'fragilité numérique')]/input")).click();
		driver.findElement(By.cssSelector("form.recherche button[type=submit]")).click();
		browser.waitFor(ExpectedConditions.urlContains("vue=ifn"));
		assertThat(driver.findElement(By.id("titre-legende")).getText()).contains("fragilité");
		browser.waitFor(ExpectedConditions.attributeToBe(By.id("carte"), "data-communes-dessinees", "266"));
		assertThat(driver.findElements(By.cssSelector("#carte path.ifn-inconnu"))).hasSize(261);
		// the EPCI of the study: one page, L'Arbresle's IFN in the table
		driver = browser.open(port, "/territoires/246900625?vue=ifn");
		String arbresle = driver.findElement(By.xpath("//table[@id='communes']//tr[th=\"L'Arbresle\"]")).getText();
		assertThat(arbresle).endsWith("4,3");
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();
	}

	@Test
	void aCoordinatorChangesTheWeightsAndGetsBackToTheOfficialSettingInOneClick() {
		ChromeDriver driver = browser.open(port, "/territoires/246900625?vue=ifn");
		assertThat(driver.findElement(By.cssSelector(".reglage")).getText()).contains("(réglage officiel)");
		driver.findElement(By.id("poids-non_couverture_thd")).clear();
		driver.findElement(By.id("poids-non_couverture_thd")).sendKeys("0");
		driver.findElement(By.xpath("//button[.='Recalculer']")).click();
		browser.waitFor(ExpectedConditions.urlContains("poids.non_couverture_thd=0"));
		// L'Arbresle without THD: (5 + 4) / 2
		String arbresle = driver.findElement(By.xpath("//table[@id='communes']//tr[th=\"L'Arbresle\"]")).getText();
		assertThat(arbresle).endsWith("4,5");
		assertThat(driver.findElement(By.id("legende")).getText()).contains("non_couverture_thd 0");
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();
		// filtering the table keeps the setting
		driver.findElement(By.xpath("//button[.='Filtrer']")).click();
		browser.waitFor(ExpectedConditions.urlContains("palier=tous"));
		assertThat(driver.getCurrentUrl()).contains("poids.non_couverture_thd=0");
		assertThat(driver.findElement(By.xpath("//table[@id='communes']//tr[th=\"L'Arbresle\"]")).getText())
			.endsWith("4,5");
		driver.findElement(By.linkText("Revenir au réglage officiel")).click();
		browser.waitFor(ExpectedConditions.not(ExpectedConditions.urlContains("poids.")));
		assertThat(driver.findElement(By.xpath("//table[@id='communes']//tr[th=\"L'Arbresle\"]")).getText())
			.endsWith("4,3");
	}

	@Test
	void suggestsWhereToOpenAndDrawsTheSitesOnTheMap() {
		ChromeDriver driver = browser.open(port, "/territoires/69");
		driver.findElement(By.id("suggestions")).clear();
		driver.findElement(By.id("suggestions")).sendKeys("3");
		driver.findElement(By.xpath("//button[.='Proposer des communes']")).click();
		browser.waitFor(ExpectedConditions.urlContains("suggestions=3"));
		assertThat(driver.findElements(By.cssSelector("ol.suggestions-sites > li"))).hasSize(3);
		assertThat(driver.findElement(By.cssSelector("ol.suggestions-sites > li")).getText())
			.contains("auraient un lieu à moins de 5 km");
		browser.waitFor(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#carte path.site-suggere"), 3));
		browser.screenshot("territoire-rhone-suggestions");
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();
	}

	@Test
	void listsTheDepartementsToChooseFrom() {
		ChromeDriver driver = browser.open(port, "/");
		driver.findElement(By.linkText("Où l'aide manque-t-elle ? (pour les territoires)")).click();
		browser.waitFor(ExpectedConditions.urlContains("/territoires"));
		driver.findElement(By.linkText("Rhône (69)")).click();
		browser.waitFor(ExpectedConditions.urlContains("/territoires/69"));
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();
	}

	@Test
	void comparesDepartementsSideBySide() {
		ChromeDriver driver = browser.open(port, "/territoires/comparer?codes=69,42,01");
		assertThat(driver.findElements(By.cssSelector("#comparaison thead th"))).hasSize(4);
		assertThat(driver.findElement(By.cssSelector("#comparaison thead")).getText()).contains("Rhône", "Loire",
				"Ain");
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();
		assertThat(browser.open(port, "/territoires/comparer?codes=69").findElement(By.tagName("main")).getText())
			.contains("Choisissez de 2 à 5 départements");
	}

	@Test
	void exportsTheCommuneTableAsCsv() {
		ApiClient.Response csv = new ApiClient(port).get("/api/v1/couverture/departements/69.csv?service=tout");
		assertThat(csv.status()).isEqualTo(200);
		String[] lines = csv.body().split("\r\n");
		assertThat(lines).hasSize(267);
		assertThat(lines[0]).isEqualTo(
				"code_insee,nom,population,distance_km,lieu_le_plus_proche_id,lieu_le_plus_proche_nom,palier,ifn,service,seuils_km,lieu_le_plus_proche_commune");
		assertThat(lines[1]).contains(",tout service,couvert=5.0|proche=10.0|eloigne=15.0,");
	}

}
