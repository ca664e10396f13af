package fr.maillage.contributions.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A coordinator of the Métropole de Lyon (69M: its lieux' records say « 69 ») in a real
 * Chromium, as issue 15's « done when » walks it: finds a lieu of the Rhône by name in «
 * Mes lieux », types hours in words and a wrong postcode, sees the postcode refused next
 * to its field with what was typed kept, corrects it, saves, sees the new hours on the
 * public page at once and the edit — once — in the history; then moderates a member's
 * proposal, which is published. axe finds nothing serious on any page.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CoordinatorWalkPageIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SourceImport sourceImport;

	Browser coordinator;

	String memberEmail;

	@BeforeAll
	void start() throws Exception {
		CleanDatabase.empty(jdbc);
		Fixtures.importHinaura(sourceImport);
		String email = WebSession.newAccount(port, jdbc, "Claire Métropole", "coordinateur", "departement:69M");
		// a member of a structure that holds none of these lieux: proposes
		memberEmail = WebSession.newAccount(port, jdbc, "Morgane Membre", "membre", "structure:" + UUID.randomUUID());
		coordinator = new Browser();
		coordinator.signIn(port, email, WebSession.PASSWORD);
	}

	@AfterAll
	void stop() {
		if (coordinator != null) {
			coordinator.close();
		}
	}

	@Test
	void aCoordinatorFindsALieuEditsItsHoursInWordsIsToldAWrongPostcodeAndSeesTheChangeEverywhere() {
		ChromeDriver driver = coordinator.open(port, "/espace/lieux");
		driver.findElement(By.id("q")).sendKeys("Bureau Information Jeunesse", Keys.ENTER);
		coordinator.waitFor(ExpectedConditions.urlContains("q="));
		assertThat(driver.findElement(By.cssSelector(".compte-lieux")).getText()).startsWith("1 lieu");
		driver.findElement(By.cssSelector("a[aria-label='Modifier Bureau Information Jeunesse de Villeurbanne']"))
			.click();
		coordinator.waitFor(ExpectedConditions.urlMatches("/espace/lieux/[^/]+/modifier$"));
		String lieuId = driver.getCurrentUrl().replaceAll(".*/espace/lieux/([^/]+)/modifier$", "$1");
		assertThat(coordinator.seriousAccessibilityViolations()).isEmpty();

		WebElement hours = driver.findElement(By.id("horaires"));
		hours.clear();
		hours.sendKeys("du lundi au vendredi de 9h à 12h");
		WebElement postcode = driver.findElement(By.id("code_postal"));
		postcode.clear();
		postcode.sendKeys("6910");
		driver.findElement(By.cssSelector("form.formulaire-lieu button[type=submit]")).click();
		coordinator.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("code_postal-erreur")));

		// the refusal next to its field, in words an editor can act on; what was typed is
		// kept
		assertThat(driver.findElement(By.id("code_postal-erreur")).getText()).contains("5 chiffres")
			.doesNotContain("rétabli");
		assertThat(driver.findElement(By.id("code_postal")).getAttribute("aria-invalid")).isEqualTo("true");
		assertThat(driver.findElement(By.id("code_postal")).getAttribute("value")).isEqualTo("6910");
		assertThat(driver.findElement(By.id("horaires")).getAttribute("value"))
			.isEqualTo("du lundi au vendredi de 9h à 12h");
		assertThat(coordinator.seriousAccessibilityViolations()).isEmpty();
		coordinator.screenshot("walk-code-postal-refuse");

		postcode = driver.findElement(By.id("code_postal"));
		postcode.clear();
		postcode.sendKeys("69100");
		driver.findElement(By.cssSelector("form.formulaire-lieu button[type=submit]")).click();
		coordinator.waitFor(ExpectedConditions.urlMatches("/espace/lieux/[^/]+/modifie$"));
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("Modification enregistrée", "Horaires",
				"du lundi au vendredi de 9 h à 12 h");

		// the public page, at once
		coordinator.open(port, "/lieux/" + lieuId);
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("du lundi au vendredi de 9 h à 12 h");

		// the history: the edit once, fields by their names, hours in words; not the
		// bookkeeping the edit caused
		coordinator.open(port, "/espace/lieux/" + lieuId + "/historique");
		String history = driver.findElement(By.tagName("main")).getText();
		assertThat(history)
			.contains("Fiche modifiée dans Maillage", "Claire Métropole", "Horaires",
					"du lundi au vendredi de 9 h à 12 h")
			.doesNotContain("Fusion décidée", "Même lieu", "horaires", "Mo-Fr");
		assertThat(history.split("Fiche modifiée dans Maillage", -1)).hasSize(2);
		assertThat(coordinator.seriousAccessibilityViolations()).isEmpty();
		coordinator.screenshot("walk-historique");
	}

	@Test
	void aMembersProposalIsModeratedByTheCoordinatorAndPublished() {
		String lieuId = new ApiClient(port).findLieuId("CCO - La Rayonne");
		Browser member = new Browser();
		try {
			member.signIn(port, memberEmail, WebSession.PASSWORD);
			ChromeDriver driver = member.open(port, "/espace/lieux/" + lieuId + "/modifier");
			assertThat(driver.findElement(By.tagName("main")).getText()).contains("n'est pas tenu par votre structure");
			WebElement phone = driver.findElement(By.id("telephone"));
			phone.clear();
			phone.sendKeys("04 78 00 00 01");
			driver.findElement(By.id("motif")).sendKeys("Nouveau standard");
			driver.findElement(By.cssSelector("form.formulaire-lieu button[type=submit]")).click();
			member.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Proposition envoyée"));
			assertThat(member.seriousAccessibilityViolations()).isEmpty();
		}
		finally {
			member.close();
		}

		ChromeDriver driver = coordinator.open(port, "/espace/moderation");
		WebElement proposal = driver.findElements(By.cssSelector("article"))
			.stream()
			.filter(article -> article.getText().contains("CCO - La Rayonne"))
			.findFirst()
			.orElseThrow();
		assertThat(proposal.getText()).contains("Morgane Membre", "Nouveau standard", "Téléphone", "+33478000001");
		assertThat(coordinator.seriousAccessibilityViolations()).isEmpty();
		coordinator.screenshot("walk-moderation");
		proposal.findElement(By.cssSelector("button[value=acceptee]")).click();
		coordinator.waitFor(ExpectedConditions.urlContains("traite"));
		assertThat(driver.findElement(By.cssSelector(".message-succes")).getText()).contains("Décision enregistrée");
		assertThat(driver.findElement(By.tagName("main")).getText()).doesNotContain("CCO - La Rayonne");

		coordinator.open(port, "/lieux/" + lieuId);
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("04 78 00 00 01");
	}

}
