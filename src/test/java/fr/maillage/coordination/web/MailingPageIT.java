package fr.maillage.coordination.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.maillage.accounts.AccountPrincipal;
import fr.maillage.accounts.Role;
import fr.maillage.coordination.Actors;
import fr.maillage.coordination.MailingJob;
import fr.maillage.testing.Browser;
import fr.maillage.testing.CleanDatabase;
import fr.maillage.testing.IntegrationTest;
import fr.maillage.testing.WebSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The coordination's mailing in a real Chromium (issue 18, item 7): a coordinator of the
 * Rhône creates a list of the mairies, sees whom it reaches and who is left out and why,
 * is told to write a subject, previews and sends an announcement; the job sends it to the
 * outbox; a referent opens her unsubscribe link, confirms with one click, and the link
 * once used says so calmly. axe finds nothing serious on any of these pages.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MailingPageIT {

	private static final AccountPrincipal RHONE = new AccountPrincipal(UUID.randomUUID().toString(),
			"coordination@rhone.fr", "Coordination Rhône", Role.COORDINATEUR, List.of("departement:69"));

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Actors actors;

	@Autowired
	MailingJob job;

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

	private void actor(String name, String referent, String email) {
		Map<String, String> fields = new HashMap<>(Map.of("nom", name, "type", "mairie", "departement", "69D"));
		if (referent != null) {
			fields.putAll(
					Map.of("referent_nom", referent, "referent_courriel", email, "consentement_invitations", "oui"));
		}
		actors.saveActor(fields, RHONE);
	}

	@Test
	void aCoordinatorSendsAnAnnouncementAndAReferentUnsubscribes() {
		actor("Mairie de Tarare", "Alex Durand", "alex.durand@tarare.example");
		actor("Mairie de Brignais", "Lou Petit", "lou.petit@brignais.example");
		actor("Mairie de Bron", null, null);

		ChromeDriver driver = browser.open(port, "/espace");
		driver.findElement(By.partialLinkText("Annonces aux acteurs")).click();
		browser.waitFor(ExpectedConditions.urlContains("/espace/diffusion"));
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();
		driver.findElement(By.id("nom")).sendKeys("Mairies du Rhône");
		new Select(driver.findElement(By.id("departement"))).selectByValue("69");
		driver.findElement(By.cssSelector("input[name=types][value=mairie]")).click();
		driver.findElement(By.cssSelector("form[action$='/espace/diffusion/listes'] button")).click();
		browser.waitFor(ExpectedConditions.urlContains("creee"));

		assertThat(driver.findElement(By.id("portee-liste")).getText()).startsWith("2 destinataires pour 3 structures");
		assertThat(driver.findElement(By.cssSelector(".structures-ecartees")).getText()).contains("Mairie de Bron",
				"aucun référent enregistré");
		// no referent's name or address on the list's page
		assertThat(driver.findElement(By.tagName("main")).getText()).doesNotContain("Alex", "tarare.example");
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();
		browser.screenshot("diffusion-liste");

		// no subject: said next to the field, the text kept
		driver.findElement(By.id("texte")).sendKeys("Bonjour,\nla plénière a lieu le 12 mars à Villeurbanne.");
		driver.findElement(By.cssSelector(".boutons-annonce button:not(.secondaire)")).click();
		browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("objet-erreur")));
		assertThat(driver.findElement(By.id("objet-erreur")).getText()).contains("Écrivez l'objet");
		assertThat(driver.findElement(By.id("texte")).getAttribute("value")).contains("la plénière a lieu le 12 mars");
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();

		driver.findElement(By.id("objet")).sendKeys("Plénière du 12 mars");
		driver.findElement(By.cssSelector(".boutons-annonce button.secondaire")).click();
		browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("titre-apercu")));
		assertThat(driver.findElement(By.cssSelector(".apercu-annonce")).getText()).contains("Plénière du 12 mars",
				"la plénière a lieu le 12 mars", "Pour ne plus les recevoir");
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();
		browser.screenshot("diffusion-apercu");

		driver.findElement(By.cssSelector(".boutons-annonce button:not(.secondaire)")).click();
		browser.waitFor(ExpectedConditions.urlContains("envoyee"));
		assertThat(driver.findElement(By.id("progression")).getText()).contains("en attente\n2");
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();

		assertThat(job.sendDue(Instant.now().plusSeconds(1)).sent()).isEqualTo(2);
		driver.navigate().refresh();
		assertThat(driver.findElement(By.id("progression")).getText()).contains("envoyé\n2");
		browser.screenshot("diffusion-annonce");

		String body = jdbc.sql("select corps from courriel_sortant where destinataire = 'alex.durand@tarare.example'")
			.query(String.class)
			.single();
		Matcher link = Pattern.compile("http://\\S+/diffusion/desinscription/[A-Za-z0-9_-]{43}").matcher(body);
		assertThat(link.find()).isTrue();
		driver.get(link.group());
		assertThat(driver.findElement(By.tagName("h1")).getText()).contains("Ne plus recevoir");
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();
		driver.findElement(By.cssSelector("main form button")).click();
		browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "C'est fait"));
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();
		browser.screenshot("diffusion-desinscription");

		driver.get(link.group());
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("déjà désinscrit");
		driver.get(link.group().substring(0, link.group().length() - 2) + "xx");
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("pas reconnu");
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();

		// the coordinator sees why she is left out now
		browser.open(port, "/espace/diffusion");
		driver.findElement(By.linkText("Mairies du Rhône")).click();
		assertThat(driver.findElement(By.id("portee-liste")).getText()).startsWith("1 destinataire pour 3 structures");
		assertThat(driver.findElement(By.cssSelector(".structures-ecartees")).getText()).contains("Mairie de Tarare",
				"désinscrit par le lien");
	}

}
