package fr.maillage.orientations.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

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
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A professional asks for an account in a real Chromium (issue 16): from the sign-in
 * page, a mistyped SIRET and an ambiguous territory (« Saint-Yrieix ») corrected without
 * retyping the rest; the Charente's coordinator accepts it from her workspace; the
 * invitation leaves. axe finds nothing serious, and the form is usable 375 px wide.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountRequestPageIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Browser professional;

	Browser coordinator;

	@BeforeAll
	void start() throws Exception {
		CleanDatabase.empty(jdbc);
		String coordinatorEmail = WebSession.newAccount(port, jdbc, "Claire Coordination", "coordinateur",
				"departement:16");
		professional = new Browser();
		coordinator = new Browser();
		coordinator.signIn(port, coordinatorEmail, WebSession.PASSWORD);
	}

	@AfterAll
	void stop() {
		if (professional != null) {
			professional.close();
		}
		if (coordinator != null) {
			coordinator.close();
		}
	}

	@Test
	void aProfessionalAsksAndTheCoordinatorAccepts() {
		ChromeDriver driver = professional.open(port, "/connexion");
		driver.findElement(By.linkText("demandez-en un")).click();
		professional.waitFor(ExpectedConditions.titleContains("Demander un compte"));
		assertThat(professional.seriousAccessibilityViolations()).isEmpty();
		driver.findElement(By.id("nom")).sendKeys("Camille Guichet");
		driver.findElement(By.id("courriel")).sendKeys("camille.guichet@ccas-exemple.fr");
		driver.findElement(By.id("structure")).sendKeys("CCAS de Saint-Yrieix");
		// one digit wrong, and a name many communes share
		driver.findElement(By.id("siret")).sendKeys("130 000 145 00017");
		driver.findElement(By.id("territoire")).sendKeys("Saint-Yrieix");
		driver.findElement(By.xpath("//button[text()='Envoyer ma demande']")).click();
		professional.waitFor(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".message-erreur")));
		String errors = driver.findElement(By.tagName("main")).getText();
		assertThat(errors).contains("Ce SIRET n'existe pas", "Plusieurs territoires répondent à « Saint-Yrieix »");
		assertThat(driver.findElement(By.id("nom")).getAttribute("value")).isEqualTo("Camille Guichet");
		assertThat(professional.seriousAccessibilityViolations()).isEmpty();
		professional.screenshot("demande-compte-erreurs");

		driver.findElement(By.id("siret")).clear();
		driver.findElement(By.id("siret")).sendKeys("130 000 145 00016");
		driver.findElement(By.xpath("//label[contains(text(), 'Saint-Yrieix-sur-Charente')]")).click();
		driver.findElement(By.xpath("//button[text()='Envoyer ma demande']")).click();
		professional.waitFor(ExpectedConditions.urlContains("?envoyee"));
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("Votre demande est envoyée");
		assertThat(professional.seriousAccessibilityViolations()).isEmpty();

		ChromeDriver workspace = coordinator.open(port, "/espace");
		workspace.findElement(By.partialLinkText("Demandes de compte")).click();
		coordinator.waitFor(ExpectedConditions.titleContains("Demandes de compte"));
		assertThat(workspace.findElement(By.tagName("main")).getText()).contains("Camille Guichet",
				"CCAS de Saint-Yrieix", "13000014500016", "Saint-Yrieix-sur-Charente");
		assertThat(coordinator.seriousAccessibilityViolations()).isEmpty();
		coordinator.screenshot("demandes-compte");
		workspace.findElement(By.xpath("//button[text()='Accepter et inviter']")).click();
		coordinator.waitFor(ExpectedConditions.urlContains("?acceptee"));
		assertThat(workspace.findElement(By.tagName("main")).getText()).contains("l'invitation est partie",
				"Acceptée le");
		assertThat(coordinator.seriousAccessibilityViolations()).isEmpty();
		assertThat(WebSession.lastLink(jdbc, "camille.guichet@ccas-exemple.fr")).startsWith("/invitation/");
	}

	@Test
	void theRequestFormIsUsable375PixelsWide() {
		ChromeDriver driver = professional.driver();
		Dimension wide = driver.manage().window().getSize();
		try {
			driver.manage().window().setSize(new Dimension(375, 900));
			professional.open(port, "/demande-de-compte");
			driver.manage().timeouts().implicitlyWait(Duration.ZERO);
			Object overflow = driver
				.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
			assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
			assertThat(professional.seriousAccessibilityViolations()).isEmpty();
			professional.screenshot("demande-compte-375px");
		}
		finally {
			driver.manage().window().setSize(wide);
		}
	}

}
