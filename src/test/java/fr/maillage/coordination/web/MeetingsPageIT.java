package fr.maillage.coordination.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.maillage.accounts.AccountPrincipal;
import fr.maillage.accounts.Role;
import fr.maillage.coordination.Actors;
import fr.maillage.coordination.Meetings;
import fr.maillage.testing.Browser;
import fr.maillage.testing.CleanDatabase;
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
 * Meetings in a real Chromium (issue 18): a coordinator of the Rhône creates a meeting of
 * its comité technique (the form keeps what was typed when the end comes before the
 * start), invites the body's members and sees who was invited and who could not be; a
 * person registers on a public meeting's page. axe finds nothing serious.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MeetingsPageIT {

	private static final AccountPrincipal RHONE = new AccountPrincipal(UUID.randomUUID().toString(),
			"coordination@rhone.fr", "Coordination Rhône", Role.COORDINATEUR, List.of("departement:69"));

	private static final int YEAR = LocalDate.now().getYear() + 1;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Actors actors;

	@Autowired
	Meetings meetings;

	Browser browser;

	String body;

	@BeforeAll
	void start() throws Exception {
		CleanDatabase.empty(jdbc);
		String mairie = actors.saveActor(Map.of("nom", "Mairie de Villeurbanne", "type", "mairie", "departement", "69M",
				"referent_nom", "Camille Martin", "referent_courriel", "camille.martin@mairie.example",
				"consentement_invitations", "oui"), RHONE)
			.id();
		String caf = actors.saveActor(Map.of("nom", "CAF du Rhône", "type", "caf", "departement", "69"), RHONE).id();
		body = UUID.randomUUID().toString();
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql(
				"""
						insert into instance (id, nom, type, departement, cree_le, cree_par, modifie_le, modifie_par)
						values (cast(:id as uuid), 'Comité technique du Rhône', 'comite_technique', '69', :now, 't', :now, 't')""")
			.param("id", body)
			.param("now", now)
			.update();
		for (String actor : List.of(mairie, caf)) {
			jdbc.sql("""
					insert into instance_membre (instance_id, acteur_id, role, ajoute_le, ajoute_par)
					values (cast(:body as uuid), cast(:actor as uuid), 'membre', :now, 't')""")
				.param("body", body)
				.param("actor", actor)
				.param("now", now)
				.update();
		}
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

	private void type(ChromeDriver driver, String id, String value) {
		WebElement field = driver.findElement(By.id(id));
		if ("datetime-local".equals(field.getAttribute("type"))) {
			driver.executeScript("arguments[0].value = arguments[1];", field, value);
		}
		else {
			field.clear();
			field.sendKeys(value);
		}
	}

	@Test
	void aCoordinatorCreatesABodysMeetingAndInvitesItsMembers() {
		ChromeDriver driver = browser.open(port, "/espace");
		driver.findElement(By.partialLinkText("Réunions de mes territoires")).click();
		browser.waitFor(ExpectedConditions.urlContains("/espace/reunions"));
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();
		driver.findElement(By.linkText("Nouvelle réunion")).click();
		browser.waitFor(ExpectedConditions.urlContains("/nouvelle"));
		type(driver, "titre", "Comité technique de juin");
		new Select(driver.findElement(By.id("instance"))).selectByValue(body);
		new Select(driver.findElement(By.id("departement"))).selectByValue("69");
		type(driver, "debut", YEAR + "-06-15T14:00");
		type(driver, "fin", YEAR + "-06-15T13:00");
		type(driver, "adresse", "Hôtel du Département, Lyon");
		type(driver, "ordre_du_jour", "1. Accueil\n2. Bilan");
		driver.findElement(By.cssSelector("form.formulaire-reunion button[type=submit]")).click();
		browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("fin-erreur")));

		// refused, and nothing typed lost
		assertThat(driver.findElement(By.id("fin-erreur")).getText()).contains("La fin doit venir après le début");
		assertThat(driver.findElement(By.id("titre")).getAttribute("value")).isEqualTo("Comité technique de juin");
		assertThat(driver.findElement(By.id("ordre_du_jour")).getAttribute("value")).contains("2. Bilan");
		assertThat(new Select(driver.findElement(By.id("instance"))).getFirstSelectedOption().getAttribute("value"))
			.isEqualTo(body);
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();
		type(driver, "fin", YEAR + "-06-15T16:00");
		driver.findElement(By.cssSelector("form.formulaire-reunion button[type=submit]")).click();
		browser.waitFor(ExpectedConditions.urlContains("creee"));
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("15 juin " + YEAR, "14 h 00 – 16 h 00",
				"Comité technique du Rhône", "Présences et compte rendu");

		driver.findElement(By.xpath("//button[contains(., 'Inviter les membres de l')]")).click();
		browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("participants")));
		String main = driver.findElement(By.tagName("main")).getText();
		assertThat(main).contains("Invitation envoyée", "Mairie de Villeurbanne", "CAF du Rhône",
				"aucun référent inclusion numérique");
		assertThat(driver.findElement(By.id("participants")).getText()).contains("Camille Martin",
				"camille.martin@mairie.example", "Invité·e");
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();
		browser.screenshot("reunion-invites");
	}

	@Test
	void aPersonRegistersOnAPublicMeetingsPage() throws Exception {
		Meetings.Meeting meeting = meetings.create(Map.of("titre", "Rencontre annuelle départementale", "departement",
				"69", "debut", YEAR + "-01-18T09:30", "fin", YEAR + "-01-18T12:30", "adresse", "Lyon",
				"rencontre_annuelle", "oui", "inscription_publique", "oui"), RHONE);
		ChromeDriver driver = browser.open(port, "/reunions/" + meeting.id());
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("18 janvier " + YEAR, "9 h 30");
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();
		type(driver, "nom", "Lou Bernard");
		type(driver, "courriel", "lou@exemple.fr");
		type(driver, "structure", "Centre social des Pentes");
		new Select(driver.findElement(By.id("type_acteur"))).selectByValue("association");
		driver.findElement(By.id("consentement")).click();
		Thread.sleep(3_200);
		driver.findElement(By.cssSelector("form.formulaire-inscription button[type=submit]")).click();
		browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("inscription-faite")));
		assertThat(driver.findElement(By.id("inscription-faite")).getText()).contains("inscription est enregistrée");
		assertThat(jdbc.sql("select count(*) from reunion_participant where origine = 'inscription'")
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();
		browser.screenshot("reunion-inscription");
	}

}
