package fr.maillage.coordination.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;

import fr.maillage.testing.ApiClient;
import fr.maillage.testing.Browser;
import fr.maillage.testing.CleanDatabase;
import fr.maillage.testing.IntegrationTest;
import fr.maillage.testing.WebSession;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.component.VEvent;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
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
 * Issue 18's « Done when », in one real Chromium as a coordinator of the Rhône works: she
 * imports her actors from a CSV file, composes a comité technique of them, creates its
 * meeting, invites its members (those who consented to invitations), prints the sign-in
 * sheet with their names, records who came, and sees the representativeness of the
 * territory's exchanges change; the territory's ICS feed parses and opens the meeting at
 * the right time in Europe/Paris. (A member signing the charter: GovernancePagesIT.)
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TerritoryCoordinationPageIT {

	/**
	 * The meeting began five minutes ago, as when attendance is taken at the door: it
	 * still takes invitations (it has not ended), and the indicators count it (they count
	 * meetings begun, not those to come).
	 */
	private static final LocalDateTime START = LocalDateTime.now(ZoneId.of("Europe/Paris"))
		.truncatedTo(ChronoUnit.MINUTES)
		.minusMinutes(5);

	private static final String PERIOD = "?du=" + START.toLocalDate().minusDays(1) + "&au="
			+ START.toLocalDate().plusDays(1);

	private static final String ACTORS = """
			nom;siret;type;departement;epci;competences;referent_nom;referent_courriel;referent_telephone;consentement_contact;consentement_invitations
			Mairie de Villeurbanne;21690266800013;mairie;69M;200046977;accompagnement_demarches;Camille Martin;camille.martin@mairie-villeurbanne.fr;;oui;oui
			CCAS de Vénissieux;;ccas;69M;;accompagnement_demarches;Lou Bernard;lou.bernard@ccas-venissieux.example;;non;oui
			CAF du Rhône;;caf;69;;financement;Sam Durand;sam.durand@caf.example;;non;non
			Association Numérique Solidaire;;association;69D;;mediation_numerique;;;;;
			""";

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
	void aCoordinatorGoesFromHerActorsToAMeetingsAttendanceAndItsRepresentativeness() throws Exception {
		ChromeDriver driver = browser.open(port, "/espace/acteurs");
		Path csv = Files.createTempFile("acteurs", ".csv");
		Files.writeString(csv, ACTORS, StandardCharsets.UTF_8);
		driver.findElement(By.id("fichier")).sendKeys(csv.toAbsolutePath().toString());
		driver.findElement(By.cssSelector("form[action$='/espace/acteurs/import'] button")).click();
		browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Import des acteurs"));
		assertThat(jdbc.sql("select count(*) from acteur").query(Long.class).single()).isEqualTo(4);

		// before any meeting: no structure present, every type absent
		driver.get(url("/territoires/69/echanges" + PERIOD));
		assertThat(driver.findElement(By.id("nb-structures")).getText()).isEqualTo("0");
		assertThat(driver.findElement(By.id("types-absents")).getText()).contains("Mairie", "CCAS");
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();

		// the comité technique, of the imported actors
		driver.get(url("/espace/instances"));
		new Select(driver.findElement(By.id("type"))).selectByValue("comite_technique");
		new Select(driver.findElement(By.id("departement"))).selectByValue("69");
		driver.findElement(By.id("nom")).sendKeys("Comité technique de l'inclusion numérique");
		driver.findElement(By.cssSelector("form[action$='/espace/instances'] button")).click();
		browser.waitFor(ExpectedConditions.urlContains("cree"));
		addMember(driver, "Mairie de Villeurbanne", "porteur");
		addMember(driver, "CCAS de Vénissieux", "membre");
		addMember(driver, "CAF du Rhône", "financeur");
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();
		String body = jdbc.sql("select id::text from instance").query(String.class).single();

		// its meeting
		driver.get(url("/espace/reunions/nouvelle"));
		type(driver, "titre", "Comité technique de décembre");
		new Select(driver.findElement(By.id("instance"))).selectByValue(body);
		new Select(driver.findElement(By.id("departement"))).selectByValue("69");
		type(driver, "debut", START.toString());
		type(driver, "fin", START.plusHours(2).toString());
		type(driver, "adresse", "Hôtel du Département, Lyon");
		driver.findElement(By.cssSelector("form.formulaire-reunion button[type=submit]")).click();
		browser.waitFor(ExpectedConditions.urlContains("creee"));

		// its members invited: those who consented; the CAF's referent did not
		driver.findElement(By.xpath("//button[contains(., 'Inviter les membres de l')]")).click();
		browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("participants")));
		assertThat(driver.findElement(By.id("participants")).getText()).contains("Camille Martin", "Lou Bernard")
			.doesNotContain("Sam Durand");
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("CAF du Rhône");
		assertThat(jdbc
			.sql("select count(*) from courriel_sortant where destinataire in "
					+ "('camille.martin@mairie-villeurbanne.fr', 'lou.bernard@ccas-venissieux.example')")
			.query(Long.class)
			.single()).isEqualTo(2);
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();
		browser.screenshot("coordination-reunion");

		// the sign-in sheet, printed from the meeting's page: the invited, pre-printed
		String sheet = driver.findElement(By.partialLinkText("feuille d'émargement")).getAttribute("href");
		HttpResponse<byte[]> pdf = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(sheet)).header("Cookie", cookies(driver)).build(),
					HttpResponse.BodyHandlers.ofByteArray());
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).contains("pdf"));
		try (PDDocument document = Loader.loadPDF(pdf.body())) {
			assertThat(new PDFTextStripper().getText(document)).contains("Comité technique de décembre",
					"Camille Martin", "Mairie de Villeurbanne", "Lou Bernard");
		}

		// attendance at the door: the mairie's referent came
		driver.findElement(By.partialLinkText("Noter les présences")).click();
		browser.waitFor(ExpectedConditions.urlContains("/presences"));
		WebElement row = driver.findElement(By.xpath("//li[.//strong[text()='Camille Martin']]"));
		String rowId = row.getAttribute("id");
		row.findElement(By.cssSelector(".bouton-present")).click();
		browser.waitFor(
				ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#" + rowId + " .etat"), "Présent"));
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();

		// the representativeness moved: one structure, a mairie; the CCAS still absent
		driver.get(url("/territoires/69/echanges" + PERIOD));
		assertThat(driver.findElement(By.id("nb-structures")).getText()).isEqualTo("1");
		assertThat(driver.findElement(By.id("tableau-representativite")).getText()).contains("Mairie 1");
		assertThat(driver.findElement(By.id("types-absents")).getText()).contains("CCAS").doesNotContain("Mairie");
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();
		browser.screenshot("coordination-echanges");

		// the territory's calendar: parsed, the meeting at its time in Paris
		ApiClient.Response feed = new ApiClient(port).get("/territoires/69/reunions.ics");
		assertThat(feed.status()).isEqualTo(200);
		List<VEvent> events = new CalendarBuilder().build(new StringReader(feed.body()))
			.getComponents("VEVENT")
			.stream()
			.map(VEvent.class::cast)
			.toList();
		assertThat(events).singleElement().satisfies(event -> {
			assertThat(event.getSummary().orElseThrow().getValue()).isEqualTo("Comité technique de décembre");
			assertThat(((ZonedDateTime) event.getDateTimeStart().orElseThrow().getDate())
				.withZoneSameInstant(ZoneId.of("Europe/Paris"))
				.toLocalDateTime()).isEqualTo(START);
		});
		assertThat(feed.body()).doesNotContain("Camille", "Lou Bernard");
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	private static String cookies(ChromeDriver driver) {
		return driver.manage()
			.getCookies()
			.stream()
			.map(cookie -> cookie.getName() + "=" + cookie.getValue())
			.collect(Collectors.joining("; "));
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

	private void addMember(ChromeDriver driver, String name, String role) {
		WebElement field = driver.findElement(By.id("nouveau_membre"));
		field.clear();
		field.sendKeys(name);
		new Select(driver.findElement(By.id("nouveau_role"))).selectByValue(role);
		driver.findElement(By.cssSelector("form[action$='/membres'] button")).click();
		browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".membres-instance"), name));
	}

}
