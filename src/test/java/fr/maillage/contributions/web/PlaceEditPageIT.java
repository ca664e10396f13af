package fr.maillage.contributions.web;

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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The edit form in a real Chromium (issue 15): a coordinator fills it with the keyboard
 * only (Tab from field to field, Enter to save), a wrong SIRET is said next to its field,
 * the confirmation lists what changed; axe finds nothing serious on the form, its errors
 * or the confirmation, and the form is usable 320 px wide.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlaceEditPageIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Browser browser;

	String lieuId;

	@BeforeAll
	void start() throws Exception {
		CleanDatabase.empty(jdbc);
		ApiClient api = new ApiClient(port);
		api.importFile("charente", Fixtures.CHARENTE, Fixtures.lieux(Fixtures.CHARENTE));
		lieuId = api.findLieuId("Service Info 16");
		String email = WebSession.newAccount(port, jdbc, "Claire Coordination", "coordinateur", "departement:16");
		browser = new Browser();
		browser.signIn(port, email, WebSession.PASSWORD);
	}

	@AfterAll
	void stop() {
		if (browser != null) {
			browser.close();
		}
	}

	/** Types into the focused field, then moves to the next with Tab. */
	private WebElement typeAndTab(ChromeDriver driver, String text) {
		WebElement focused = driver.switchTo().activeElement();
		focused.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
		focused.sendKeys(text, Keys.TAB);
		return driver.switchTo().activeElement();
	}

	@Test
	void aCoordinatorFillsTheFormWithTheKeyboardAndSeesWhatChanged() {
		ChromeDriver driver = browser.open(port, "/espace/lieux/" + lieuId + "/modifier");
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();

		// from the name, Tab leads to the SIRET, then the structure
		driver.findElement(By.id("nom")).click();
		WebElement next = typeAndTab(driver, "Service Info 16 — Cognac");
		assertThat(next.getAttribute("id")).isEqualTo("pivot");
		next = typeAndTab(driver, "732 829 320 00075");
		assertThat(next.getAttribute("id")).isEqualTo("structure_parente");
		next.sendKeys(Keys.ENTER);
		browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("pivot-erreur")));

		// the refusal is next to the field, the field says so, what was typed is kept
		assertThat(driver.findElement(By.id("pivot-erreur")).getText()).contains("clé de contrôle");
		assertThat(driver.findElement(By.id("pivot")).getAttribute("aria-invalid")).isEqualTo("true");
		assertThat(driver.findElement(By.id("nom")).getAttribute("value")).isEqualTo("Service Info 16 — Cognac");
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();

		driver.findElement(By.id("pivot")).click();
		typeAndTab(driver, "73282932000074");
		// Monday in the hours grid, by keyboard: opening and closing of the morning
		driver.findElement(By.id("horaires-lundi-matin-debut")).click();
		next = typeAndTab(driver, "9h");
		assertThat(next.getAttribute("id")).isEqualTo("horaires-lundi-matin-fin");
		next = typeAndTab(driver, "12:00");
		assertThat(next.getAttribute("id")).isEqualTo("horaires-lundi-apresmidi-debut");
		driver.findElement(By.id("motif")).sendKeys("Enseigne changée", Keys.ENTER);
		browser.waitFor(ExpectedConditions.urlMatches("/espace/lieux/[^/]+/modifie$"));

		String page = driver.findElement(By.tagName("main")).getText();
		assertThat(page).contains("Modification enregistrée", "Nom du lieu", "Service Info 16 — Cognac", "SIRET",
				"73282932000074", "Horaires", "lundi");
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();
		browser.screenshot("modification-enregistree");
	}

	@Test
	void theFormIsUsable320PixelsWide() {
		ChromeDriver driver = browser.open(port, "/espace/lieux/" + lieuId + "/modifier");
		Dimension wide = driver.manage().window().getSize();
		try {
			driver.manage().window().setSize(new Dimension(320, 900));
			// nothing wider than the screen: no sideways scrolling
			Object overflow = driver
				.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
			assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
			assertThat(driver.findElement(By.id("horaires-vendredi-apresmidi-fin")).isDisplayed()).isTrue();
			assertThat(browser.seriousAccessibilityViolations()).isEmpty();
			browser.screenshot("modifier-320px");
			driver.executeScript("document.getElementById('groupe-horaires').scrollIntoView();");
			browser.screenshot("modifier-320px-horaires");
		}
		finally {
			driver.manage().window().setSize(wide);
		}
	}

}
