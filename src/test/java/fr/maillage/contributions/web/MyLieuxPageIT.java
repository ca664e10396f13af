package fr.maillage.contributions.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import fr.maillage.opendata.importing.SourceImport;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 15, in a real Chromium: a Rhône coordinator signs in from the header, finds « Mes
 * lieux » in its space, filters, pages, vouches for a lieu and reads its history — with
 * no serious accessibility violation, and usable 320 px wide.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MyLieuxPageIT {

	private static final String PASSWORD = "un mot de passe assez long";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SourceImport sourceImport;

	Browser browser;

	String email;

	@BeforeAll
	void start() {
		CleanDatabase.empty(jdbc);
		Fixtures.importHinaura(sourceImport);
		email = "coordination-" + System.nanoTime() + "@exemple.fr";
		ApiClient.Response invited = new ApiClient(port).postJsonAsAdmin("/api/v1/comptes", "{\"courriel\": \"" + email
				+ "\", \"nom\": \"Camille\", \"role\": \"coordinateur\", \"territoires\": [\"departement:69\", \"departement:38\", \"departement:42\", \"departement:63\"]}");
		assertThat(invited.status()).as(invited.body()).isEqualTo(201);
		browser = new Browser();
	}

	@AfterAll
	void stop() {
		browser.close();
	}

	private ChromeDriver driver() {
		return browser.driver();
	}

	private void signIn() {
		browser.open(port, WebSession.lastLink(jdbc, email));
		driver().findElement(By.id("mot_de_passe")).sendKeys(PASSWORD);
		driver().findElement(By.id("confirmation")).sendKeys(PASSWORD);
		driver().findElement(By.cssSelector("main button[type=submit]")).click();
		browser.waitFor(ExpectedConditions.urlContains("/connexion"));
		browser.open(port, "/");
		// the header offers to sign in
		driver().findElement(By.linkText("Se connecter")).click();
		driver().findElement(By.id("courriel")).sendKeys(email);
		driver().findElement(By.id("mot_de_passe")).sendKeys(PASSWORD);
		driver().findElement(By.cssSelector("main button[type=submit]")).click();
		browser.waitFor(ExpectedConditions.urlContains("/espace"));
	}

	@Test
	void aCoordinatorFindsFiltersPagesAndVouchesForItsLieux() {
		signIn();
		assertThat(driver().findElement(By.cssSelector("header.site")).getText()).contains("Mon espace",
				"Se déconnecter");
		assertThat(driver().findElement(By.tagName("main")).getText()).contains("Rhône (69)")
			.doesNotContain("departement:69");
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();

		driver().findElement(By.partialLinkText("Mes lieux")).click();
		browser.waitFor(ExpectedConditions.urlContains("/espace/lieux"));
		assertThat(driver().findElement(By.cssSelector(".compte-lieux")).getText()).contains("lieux", "à jour",
				"à vérifier");
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();
		browser.screenshot("mes-lieux-1280");

		// filters are a plain GET form
		new Select(driver().findElement(By.id("tri"))).selectByValue("commune");
		new Select(driver().findElement(By.id("fraicheur"))).selectByValue("a-verifier");
		driver().findElement(By.cssSelector(".filtres-lieux button[type=submit]")).click();
		browser.waitFor(ExpectedConditions.urlContains("fraicheur=a-verifier"));
		List<WebElement> states = driver().findElements(By.cssSelector("table.liste-lieux td .etat"));
		assertThat(states).isNotEmpty()
			.allSatisfy(state -> assertThat(state.getText()).isEqualTo("Informations à vérifier"));
		assertThat(driver().findElement(By.cssSelector(".pagination")).getText()).contains("Page 1 sur");
		driver().findElement(By.linkText("Page suivante →")).click();
		browser.waitFor(ExpectedConditions.urlContains("page=2"));
		assertThat(driver().getCurrentUrl()).contains("fraicheur=a-verifier", "tri=commune");
		assertThat(driver().findElement(By.cssSelector(".pagination")).getText()).contains("Page 2 sur");

		// « Toujours exact » brings back to the same page; the lieu is no longer to check
		String first = driver().findElement(By.cssSelector("table.liste-lieux tbody th")).getText();
		WebElement vouch = driver().findElement(By.cssSelector("table.liste-lieux tbody .actions-lieu button"));
		vouch.click();
		// the answer comes back to the same address: wait for the page to be replaced
		browser.waitFor(ExpectedConditions.stalenessOf(vouch));
		browser.waitFor(ExpectedConditions.urlContains("page=2"));
		driver().findElement(By.id("q")).sendKeys(first);
		new Select(driver().findElement(By.id("fraicheur"))).selectByValue("a-jour");
		driver().findElement(By.cssSelector(".filtres-lieux button[type=submit]")).click();
		browser.waitFor(ExpectedConditions.urlContains("fraicheur=a-jour"));
		assertThat(driver().findElements(By.cssSelector("table.liste-lieux tbody th")))
			.anySatisfy(name -> assertThat(name.getText()).isEqualTo(first));

		// its history, dates in French
		driver().findElement(By.cssSelector("table.liste-lieux tbody .actions-lieu a[href*=historique]")).click();
		browser.waitFor(ExpectedConditions.urlContains("/historique"));
		assertThat(driver().findElement(By.tagName("main")).getText())
			.containsPattern("Le \\d{1,2} [a-zéû]+ 20\\d\\d à \\d\\d:\\d\\d");
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();

		// 320 px wide: nothing wider than the screen
		// (a window cannot be made that narrow; the device metrics can)
		driver().executeCdpCommand("Emulation.setDeviceMetricsOverride",
				java.util.Map.of("width", 320, "height", 900, "deviceScaleFactor", 1, "mobile", true));
		browser.open(port, "/espace/lieux?fraicheur=a-verifier");
		try {
			assertThat(driver().executeScript("return window.innerWidth;")).isEqualTo(320L);
			assertThat(driver()
				.executeScript("return document.documentElement.scrollWidth <= document.documentElement.clientWidth;"))
				.isEqualTo(true);
			browser.screenshot("mes-lieux-320");
			driver().executeScript("document.querySelector('table.liste-lieux').scrollIntoView();");
			browser.screenshot("mes-lieux-320-liste");
			assertThat(browser.seriousAccessibilityViolations()).isEmpty();
		}
		finally {
			driver().executeCdpCommand("Emulation.clearDeviceMetricsOverride", java.util.Map.of());
		}
	}

}
