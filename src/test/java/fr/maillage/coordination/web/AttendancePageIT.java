package fr.maillage.coordination.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import fr.maillage.coordination.MeetingRows;
import fr.maillage.shared.crypto.FieldCipher;
import fr.maillage.testing.Browser;
import fr.maillage.testing.CleanDatabase;
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
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Attendance at the door in a real Chromium, tablet-sized (issue 18): a coordinator of
 * the Rhône opens the presences page of a comité technique with three invitees, marks two
 * present in one tap each (htmx), adds someone who came without invitation, and sees the
 * representativeness of the indicators page change; axe finds nothing serious, buttons
 * are at least 44 px high.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AttendancePageIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FieldCipher cipher;

	Browser browser;

	UUID meeting;

	@BeforeAll
	void start() throws Exception {
		CleanDatabase.empty(jdbc);
		UUID mairie = MeetingRows.actor(jdbc, "Mairie de Givors", "mairie", "69");
		UUID association = MeetingRows.actor(jdbc, "Association Connectons-nous", "association", "69");
		MeetingRows.actor(jdbc, "CCAS de Vénissieux", "ccas", "69");
		MeetingRows.actor(jdbc, "CAF du Rhône", "caf", "69");
		meeting = MeetingRows.meeting(jdbc, "Comité technique", "69", Instant.parse("2026-03-12T09:00:00Z"));
		MeetingRows.participant(jdbc, cipher, meeting, mairie, "mairie", "Mairie de Givors", "Alice Martin",
				"invitation");
		MeetingRows.participant(jdbc, cipher, meeting, association, "association", "Association Connectons-nous",
				"Bruno Petit", "invitation");
		MeetingRows.participant(jdbc, cipher, meeting, null, "caf", "CAF du Rhône", "Chloé Durand", "invitation");
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
	void aCoordinatorTakesAttendanceAndSeesTheRepresentativenessChange() {
		ChromeDriver driver = browser.open(port, "/territoires/69/echanges?du=2026-01-01&au=2026-12-31");
		assertThat(driver.findElement(By.id("nb-structures")).getText()).isEqualTo("0");
		assertThat(driver.findElement(By.id("types-absents")).getText()).contains("Mairie", "CCAS", "CAF");
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();

		driver.manage().window().setSize(new Dimension(800, 1100));
		driver.get("http://localhost:" + port + "/espace");
		driver.findElement(By.partialLinkText("Après les réunions")).click();
		browser.waitFor(ExpectedConditions.urlContains("/espace/echanges"));
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();
		driver.findElement(By.linkText("Présences")).click();
		browser.waitFor(ExpectedConditions.urlContains("/presences"));
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("Alice Martin", "Bruno Petit",
				"Chloé Durand");
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();

		tapPresent(driver, "Alice Martin");
		tapPresent(driver, "Bruno Petit");
		assertThat(driver.findElement(By.id("compteur")).getText()).startsWith("2 présent(s) sur 3");
		WebElement button = driver.findElement(By.cssSelector(".bouton-present"));
		assertThat(button.getSize().getHeight()).isGreaterThanOrEqualTo(44);

		driver.findElement(By.id("champ-nom")).sendKeys("Damien Roux");
		new Select(driver.findElement(By.id("champ-acteur"))).selectByVisibleText("CCAS de Vénissieux (CCAS ou CIAS)");
		driver.findElement(By.cssSelector(".ajout-sur-place button")).click();
		browser.waitFor(ExpectedConditions.urlContains("ajoute"));
		assertThat(driver.findElement(By.id("compteur")).getText()).startsWith("3 présent(s)");
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("Damien Roux", "Venu sans invitation");
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();
		browser.screenshot("presences-tablette");

		driver.get("http://localhost:" + port + "/territoires/69/echanges?du=2026-01-01&au=2026-12-31");
		assertThat(driver.findElement(By.id("nb-structures")).getText()).isEqualTo("3");
		assertThat(driver.findElement(By.id("nb-participants")).getText()).isEqualTo("3");
		String table = driver.findElement(By.id("tableau-representativite")).getText();
		assertThat(table).contains("Mairie 1 33,3 %");
		assertThat(driver.findElement(By.id("types-absents")).getText()).contains("CAF").doesNotContain("CCAS");
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();
		browser.screenshot("echanges-indicateurs");
	}

	private void tapPresent(ChromeDriver driver, String name) {
		WebElement row = driver.findElement(By.xpath("//li[.//strong[text()='" + name + "']]"));
		String id = row.getAttribute("id");
		row.findElement(By.cssSelector(".bouton-present")).click();
		browser.waitFor(
				ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#" + id + " .etat"), "Présent"));
		assertThat(driver.findElement(By.id(id)).getAttribute("class")).contains("present");
	}

}
