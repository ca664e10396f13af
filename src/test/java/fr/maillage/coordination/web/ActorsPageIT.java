package fr.maillage.coordination.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

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
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The actors directory in a real Chromium (issue 18): a coordinator of the Rhône imports
 * a CSV file from its space and reads the report of the refused rows, then anyone finds
 * the structures of the Rhône by competence in « Qui fait quoi », a referent's contact
 * shown only with consent; axe finds nothing serious, and the page holds at 320 px.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActorsPageIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Browser browser;

	@BeforeAll
	void start() throws Exception {
		CleanDatabase.empty(jdbc);
		String email = WebSession.newAccount(port, jdbc, "Camille Rhône", "coordinateur", "departement:69");
		browser = new Browser();
		browser.signIn(port, email, WebSession.PASSWORD);
	}

	@AfterAll
	void stop() {
		if (browser != null) {
			browser.close();
		}
	}

	@Test
	void aCoordinatorImportsActorsAndThePublicFindsWhoDoesWhat() throws Exception {
		Path csv = Files.createTempFile("acteurs", ".csv");
		Files.write(csv, Fixtures.bytes("fixtures/acteurs/acteurs-rhone-invente.csv"));
		ChromeDriver driver = browser.open(port, "/espace");
		driver.findElement(By.partialLinkText("Acteurs de mes territoires")).click();
		browser.waitFor(ExpectedConditions.urlContains("/espace/acteurs"));
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();
		driver.findElement(By.id("fichier")).sendKeys(csv.toAbsolutePath().toString());
		driver.findElement(By.cssSelector("form[action$='/espace/acteurs/import'] button")).click();
		browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Import des acteurs"));

		String report = driver.findElement(By.tagName("main")).getText();
		assertThat(report).contains("6 ligne(s) lue(s)", "3 structure(s) ajoutée(s)", "8 problème(s)",
				"« centre_social » n'est pas un type connu", "12345678901234");
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();
		browser.screenshot("acteurs-import");

		driver.findElement(By.linkText("Voir « Qui fait quoi »")).click();
		new Select(driver.findElement(By.id("territoire"))).selectByValue("69");
		new Select(driver.findElement(By.id("competence"))).selectByValue("pret_don_materiel");
		driver.findElement(By.cssSelector(".filtres-acteurs button")).click();
		browser.waitFor(ExpectedConditions.urlContains("competence=pret_don_materiel"));
		String found = driver.findElement(By.id("resultats-acteurs")).getText();
		assertThat(found).isEqualTo("1 structure");
		String list = driver.findElement(By.cssSelector(".liste-acteurs")).getText();
		assertThat(list).contains("Atelier Reconditionné du Rhône", "Prêt ou don de matériel")
			// the referent did not consent: no name, no address
			.doesNotContain("Dominique", "d.petit@atelier.example");
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();

		new Select(driver.findElement(By.id("competence"))).selectByValue("accueil_permanences");
		driver.findElement(By.cssSelector(".filtres-acteurs button")).click();
		browser.waitFor(ExpectedConditions.urlContains("competence=accueil_permanences"));
		assertThat(driver.findElement(By.cssSelector(".liste-acteurs")).getText()).contains("Mairie de Villeurbanne",
				"Camille Martin", "camille.martin@mairie-villeurbanne.fr");

		Dimension wide = driver.manage().window().getSize();
		try {
			driver.manage().window().setSize(new Dimension(320, 900));
			Object overflow = driver
				.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
			assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
			browser.screenshot("qui-fait-quoi-320px");
		}
		finally {
			driver.manage().window().setSize(wide);
		}
	}

}
