package fr.maillage.orientations.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

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
 * The closed loop in a real Chromium (issue 16): an agent orients Zoé from the lieu's
 * page — refused until her consent is recorded —, the lieu's member accepts and marks her
 * come, the agent sees it. axe finds nothing serious on any page, and the form and the
 * orientation are usable 320 px wide.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrientationWalkPageIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Browser agent;

	Browser receiver;

	String lieuId;

	@BeforeAll
	void start() throws Exception {
		CleanDatabase.empty(jdbc);
		ApiClient api = new ApiClient(port);
		api.importFile("charente", Fixtures.CHARENTE, Fixtures.lieux(Fixtures.CHARENTE));
		lieuId = api.findLieuId("Service Info 16");
		WebSession coordinator = WebSession.signedIn(port, jdbc, "coordinateur", "departement:16");
		coordinator.submit("/espace/lieux/" + lieuId + "/modifier", "/espace/lieux/" + lieuId + "/structure",
				Map.of("nom", "Service Info 16 (association)"));
		String structure = jdbc.sql("select structure_id::text from structure_lieu where lieu_id = :id::uuid")
			.param("id", lieuId)
			.query(String.class)
			.single();
		String memberEmail = WebSession.newAccount(port, jdbc, "Dominique Accueil", "membre", "structure:" + structure);
		String agentEmail = WebSession.newAccount(port, jdbc, "Samia France Services", "coordinateur",
				"departement:69");
		agent = new Browser();
		agent.signIn(port, agentEmail, WebSession.PASSWORD);
		receiver = new Browser();
		receiver.signIn(port, memberEmail, WebSession.PASSWORD);
	}

	@AfterAll
	void stop() {
		if (agent != null) {
			agent.close();
		}
		if (receiver != null) {
			receiver.close();
		}
	}

	@Test
	void anAgentOrientsAPersonAndLearnsThatSheCame() {
		ChromeDriver driver = agent.open(port, "/lieux/" + lieuId);
		driver.findElement(By.linkText("Orienter une personne vers ce lieu")).click();
		agent.waitFor(ExpectedConditions.titleContains("Orienter une personne"));
		assertThat(agent.seriousAccessibilityViolations()).isEmpty();
		driver.findElement(By.id("prenom")).sendKeys("Zoé");
		driver.findElement(By.id("besoin")).sendKeys("Déclarer ses revenus en ligne");
		// sent without her consent: refused, what was typed kept
		driver.findElement(By.cssSelector("main form button[type=submit]")).click();
		agent.waitFor(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".message-erreur")));
		assertThat(driver.findElement(By.tagName("main")).getText())
			.contains("Recueillez le consentement de la personne");
		assertThat(driver.findElement(By.id("prenom")).getAttribute("value")).isEqualTo("Zoé");
		assertThat(agent.seriousAccessibilityViolations()).isEmpty();
		agent.screenshot("orientation-sans-consentement");

		driver.findElement(By.id("mode-oral_guichet")).click();
		driver.findElement(By.id("consentement-donne")).click();
		driver.findElement(By.cssSelector("main form button[type=submit]")).click();
		agent.waitFor(ExpectedConditions.urlContains("?envoyee"));
		String orientation = driver.getCurrentUrl().replaceAll("\\?.*", "");
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("L'orientation est envoyée",
				"Orientation de Zoé", "Envoyée, en attente de réponse", "À l'oral, au guichet");
		assertThat(agent.seriousAccessibilityViolations()).isEmpty();
		agent.screenshot("orientation-envoyee");

		ChromeDriver inbox = receiver.open(port, "/espace/orientations/recues");
		assertThat(receiver.seriousAccessibilityViolations()).isEmpty();
		inbox.findElement(By.linkText("Zoé")).click();
		receiver.waitFor(ExpectedConditions.titleContains("Orientation"));
		assertThat(receiver.seriousAccessibilityViolations()).isEmpty();
		receiver.screenshot("orientation-recue");
		inbox.findElement(By.xpath("//button[text()='Accepter']")).click();
		receiver.waitFor(ExpectedConditions.urlContains("?statut"));
		inbox.findElement(By.xpath("//button[text()='La personne est venue']")).click();
		receiver.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"),
				"Statut : La personne est venue"));
		assertThat(receiver.seriousAccessibilityViolations()).isEmpty();

		agent.open(port, "/espace/orientations");
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("Zoé", "La personne est venue");
		assertThat(agent.seriousAccessibilityViolations()).isEmpty();
		agent.screenshot("mes-orientations");
		driver.get(orientation);
		assertThat(driver.findElement(By.cssSelector("ol.chronologie")).getText()).contains("Acceptée par le lieu",
				"La personne est venue", "Dominique Accueil");
	}

	@Test
	void theFormTheOrientationAndTheNoticeAreUsable320PixelsWide() {
		ChromeDriver driver = agent.driver();
		Dimension wide = driver.manage().window().getSize();
		try {
			driver.manage().window().setSize(new Dimension(320, 900));
			for (String page : new String[] { "/espace/orientations/nouvelle?lieu=" + lieuId, "/orientations/notice",
					"/espace/orientations" }) {
				agent.open(port, page);
				assertThat(driver.getTitle()).as(page).doesNotContain("Erreur").doesNotContain("introuvable");
				Object overflow = driver.executeScript(
						"return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
				assertThat(((Number) overflow).intValue()).as(page).isLessThanOrEqualTo(0);
				assertThat(agent.seriousAccessibilityViolations()).as(page).isEmpty();
			}
			agent.open(port, "/espace/orientations/nouvelle?lieu=" + lieuId);
			agent.screenshot("orienter-320px");
			agent.open(port, "/orientations/notice");
			agent.screenshot("notice-320px");
		}
		finally {
			driver.manage().window().setSize(wide);
		}
	}

}
