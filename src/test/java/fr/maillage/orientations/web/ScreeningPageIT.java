package fr.maillage.orientations.web;

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
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The repérage in a real Chromium 375 px wide (issue 16, item 2), as at a counter on a
 * phone: the agent ticks a few answers, sees the services and the lieu open when the
 * person can go, and « Orienter vers ce lieu » opens the send form with the lieu and the
 * needs filled in. No horizontal scrolling, nothing serious for axe; screenshots at 375
 * and 1280 px under target/screenshots.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScreeningPageIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Browser agent;

	@BeforeAll
	void start() throws Exception {
		CleanDatabase.empty(jdbc);
		new ApiClient(port).importFile("charente", Fixtures.CHARENTE, Fixtures.lieux(Fixtures.CHARENTE));
		String email = WebSession.newAccount(port, jdbc, "Samia Guichet", "coordinateur", "departement:16");
		agent = new Browser();
		agent.signIn(port, email, WebSession.PASSWORD);
	}

	@AfterAll
	void stop() {
		if (agent != null) {
			agent.close();
		}
	}

	private long overflow(ChromeDriver driver) {
		return ((Number) driver
			.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;"))
			.longValue();
	}

	@Test
	void aRepérageOnAPhoneLeadsToAPrefilledOrientation() {
		ChromeDriver driver = agent.driver();
		Dimension wide = driver.manage().window().getSize();
		try {
			driver.manage().window().setSize(new Dimension(375, 900));
			agent.open(port, "/espace/orientations/reperage");
			assertThat(overflow(driver)).isLessThanOrEqualTo(0);
			assertThat(agent.seriousAccessibilityViolations()).isEmpty();
			agent.screenshot("reperage-375");
			driver.findElement(By.id("commune")).sendKeys("Cognac");
			for (String id : new String[] { "besoins-appareil", "equipement-smartphone", "internet-non",
					"mobilite-a_pied", "jours-mercredi", "moments-matin" }) {
				driver.findElement(By.id(id)).click();
			}
			driver.findElement(By.cssSelector("main form button[type=submit]")).click();
			agent.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("suggestions")));
			String suggestions = driver.findElement(By.id("suggestions")).getText();
			assertThat(suggestions).contains("Apprendre à me servir d’un ordinateur, d’un téléphone",
					"Pas d'internet chez elle", "Service Info 16");
			assertThat(overflow(driver)).isLessThanOrEqualTo(0);
			assertThat(agent.seriousAccessibilityViolations()).isEmpty();
			agent.screenshot("reperage-suggestions-375");

			driver.findElement(By.cssSelector("a[aria-label='Orienter vers ce lieu : Service Info 16']")).click();
			agent.waitFor(ExpectedConditions.titleContains("Orienter une personne"));
			assertThat(driver.findElement(By.tagName("main")).getText()).contains("Service Info 16",
					"Ses réponses au repérage");
			assertThat(driver.findElement(By.id("besoin")).getAttribute("value"))
				.isEqualTo("Se servir de son téléphone ou de son ordinateur");
			assertThat(overflow(driver)).isLessThanOrEqualTo(0);
			assertThat(agent.seriousAccessibilityViolations()).isEmpty();
			agent.screenshot("reperage-orienter-375");
			driver.findElement(By.id("prenom")).sendKeys("Zoé");
			driver.findElement(By.id("mode-oral_guichet")).click();
			driver.findElement(By.id("joindre-reperage")).click();
			driver.findElement(By.id("consentement-donne")).click();
			driver.findElement(By.cssSelector("main form button[type=submit]")).click();
			agent.waitFor(ExpectedConditions.urlContains("?envoyee"));
			assertThat(driver.findElement(By.tagName("main")).getText()).contains("Ses réponses au repérage",
					"Imprimer la fiche de liaison");

			driver.manage().window().setSize(new Dimension(1280, 900));
			agent.open(port, "/espace/orientations/reperage");
			agent.screenshot("reperage-1280");
			agent.open(port, "/territoires/16/orientations");
			assertThat(driver.findElement(By.tagName("main")).getText()).contains("De l'envoi à la venue",
					"moins de 5");
			// every figure is hidden here: no bar may be drawn (a width in style="" was
			// refused by the CSP, and
			// every bar drew full whatever its figure)
			assertThat(driver.findElements(By.cssSelector(".entonnoir .barre rect"))).isNotEmpty()
				.allSatisfy(bar -> assertThat(bar.getRect().getWidth()).isZero());
			assertThat(agent.seriousAccessibilityViolations()).isEmpty();
			agent.screenshot("entonnoir-1280");
		}
		finally {
			driver.manage().window().setSize(wide);
		}
	}

}
