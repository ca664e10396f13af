package fr.maillage.orientations.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import fr.maillage.orientations.OrientationJobs;
import fr.maillage.testing.ApiClient;
import fr.maillage.testing.Browser;
import fr.maillage.testing.CleanDatabase;
import fr.maillage.testing.Fixtures;
import fr.maillage.testing.IntegrationTest;
import fr.maillage.testing.Pdfs;
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
import org.springframework.web.util.HtmlUtils;

/**
 * The whole closed loop of issue 16 in a real Chromium, as its users walk it: an agent of
 * the CCAS of Cognac screens Zoé on a phone (375 px), picks a suggested lieu, is refused
 * until she records Zoé's oral consent, sends, prints the fiche de liaison; the lieu's
 * member accepts in one click and marks her come, and the agent sees it. A second
 * orientation goes to a lieu nobody has an account for: its e-mail carries only a link,
 * which the lieu opens signed out, answers through, and which then refuses to serve
 * again. The funnel counts them (small counts hidden), a withdrawal of consent erases a
 * first name, and the daily job erases an old orientation's person.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrientationLoopPageIT {

	private static final String CHAMP_DE_MARS = "accueil@espace-champ-de-mars.fr";

	private static final String UNATTENDED_CSV = """
			id,nom,pivot,commune,code_postal,code_insee,adresse,latitude,longitude,courriels,date_maj
			L1,Espace numérique du Champ de Mars,,Angoulême,16000,16015,1 place du Champ de Mars,45.6500,0.1560,%s,2026-01-01
			"""
		.formatted(CHAMP_DE_MARS);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	OrientationJobs jobs;

	Browser agent;

	Browser receiver;

	String lieuId;

	String champDeMars;

	String agentEmail;

	@BeforeAll
	void start() throws Exception {
		CleanDatabase.empty(jdbc);
		ApiClient api = new ApiClient(port);
		ApiClient.Response charente = api.importFile("charente", Fixtures.CHARENTE, Fixtures.lieux(Fixtures.CHARENTE));
		assertThat(charente.status()).as(charente.body()).isEqualTo(201);
		ApiClient.Response angouleme = api.importFile("angouleme", "lieux.csv",
				UNATTENDED_CSV.getBytes(StandardCharsets.UTF_8));
		assertThat(angouleme.status()).as(angouleme.body()).isEqualTo(201);
		lieuId = api.findLieuId("Service Info 16");
		champDeMars = api.findLieuId("Espace numérique du Champ de Mars");
		String ccasLieu = api.findLieuId("Pôle commerce de la ville de Cognac");
		WebSession coordinator = WebSession.signedIn(port, jdbc, "coordinateur", "departement:16");
		coordinator.submit("/espace/lieux/" + lieuId + "/modifier", "/espace/lieux/" + lieuId + "/structure",
				Map.of("nom", "Service Info 16 (association)"));
		coordinator.submit("/espace/lieux/" + ccasLieu + "/modifier", "/espace/lieux/" + ccasLieu + "/structure",
				Map.of("nom", "CCAS de Cognac"));
		String memberEmail = WebSession.newAccount(port, jdbc, "Dominique Accueil", "membre",
				"structure:" + structureOf(lieuId));
		// the orienteur: a member of another structure, as a social worker of a CCAS
		agentEmail = WebSession.newAccount(port, jdbc, "Samia Guichet", "membre", "structure:" + structureOf(ccasLieu));
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

	private String structureOf(String lieu) {
		return jdbc.sql("select structure_id::text from structure_lieu where lieu_id = :id::uuid")
			.param("id", lieu)
			.query(String.class)
			.single();
	}

	private static long overflow(ChromeDriver driver) {
		return ((Number) driver
			.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;"))
			.longValue();
	}

	private static String main(ChromeDriver driver) {
		return driver.findElement(By.tagName("main")).getText();
	}

	private static String idOf(String url) {
		Matcher id = Pattern.compile("/espace/orientations/([0-9a-f-]{36})").matcher(url);
		assertThat(id.find()).as(url).isTrue();
		return id.group(1);
	}

	/** A file as the signed-in browser downloads it: with its cookies. */
	private HttpResponse<byte[]> download(Browser browser, String path) throws Exception {
		String cookies = browser.driver()
			.manage()
			.getCookies()
			.stream()
			.map(cookie -> cookie.getName() + "=" + cookie.getValue())
			.collect(Collectors.joining("; "));
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Cookie", cookies)
				.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	/** Another orientation sent by the same agent through the send form, with consent. */
	private String send(WebSession orienteur, String lieu, String firstName) throws Exception {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("lieu", lieu);
		fields.put("prenom", firstName);
		fields.put("besoin", "Déclarer ses revenus en ligne");
		fields.put("telephone", "06 12 34 56 78");
		fields.put("courriel", "");
		fields.put("mode", "oral_guichet");
		fields.put("consentement", "oui");
		HttpResponse<String> sent = orienteur.submit("/espace/orientations/nouvelle?lieu=" + lieu,
				"/espace/orientations", fields);
		assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
		return idOf(sent.headers().firstValue("Location").orElseThrow());
	}

	private String lastMail(String to) {
		return jdbc
			.sql("select sujet || E'\\n' || corps from courriel_sortant where destinataire = :to "
					+ "order by cree_le desc, id desc limit 1")
			.param("to", to)
			.query(String.class)
			.single();
	}

	private long erased(String id, String reason) {
		return jdbc
			.sql("select count(*) from orientation where id = :id::uuid and prenom_chiffre is null "
					+ "and besoin_chiffre is null and telephone_chiffre is null and courriel_chiffre is null "
					+ "and effacement_motif = :reason")
			.param("id", id)
			.param("reason", reason)
			.query(Long.class)
			.single();
	}

	@Test
	void theWholeLoopFromTheRepérageToThePurge() throws Exception {
		ChromeDriver driver = agent.driver();
		Dimension wide = driver.manage().window().getSize();
		String zoe;
		try {
			// 1. the repérage on a phone, at the counter
			driver.manage().window().setSize(new Dimension(375, 900));
			agent.open(port, "/espace/orientations/reperage");
			assertThat(overflow(driver)).isLessThanOrEqualTo(0);
			assertThat(agent.seriousAccessibilityViolations()).isEmpty();
			driver.findElement(By.id("commune")).sendKeys("Cognac");
			for (String id : new String[] { "besoins-appareil", "equipement-smartphone", "internet-non",
					"mobilite-a_pied", "jours-mercredi", "moments-matin" }) {
				driver.findElement(By.id(id)).click();
			}
			driver.findElement(By.cssSelector("main form button[type=submit]")).click();
			agent.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("suggestions")));
			assertThat(driver.findElement(By.id("suggestions")).getText()).contains("Service Info 16");
			assertThat(overflow(driver)).isLessThanOrEqualTo(0);
			assertThat(agent.seriousAccessibilityViolations()).isEmpty();
			agent.screenshot("boucle-1-reperage-375");

			driver.findElement(By.cssSelector("a[aria-label='Orienter vers ce lieu : Service Info 16']")).click();
			agent.waitFor(ExpectedConditions.titleContains("Orienter une personne"));
			assertThat(main(driver)).contains("Service Info 16", "Ses réponses au repérage");
			assertThat(driver.findElement(By.id("besoin")).getAttribute("value"))
				.isEqualTo("Se servir de son téléphone ou de son ordinateur");
			driver.findElement(By.id("prenom")).sendKeys("Zoé");
			// sent without her consent: refused in French, what was typed kept
			driver.findElement(By.cssSelector("main form button[type=submit]")).click();
			agent.waitFor(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".message-erreur")));
			assertThat(main(driver)).contains("Recueillez le consentement de la personne");
			assertThat(driver.findElement(By.id("prenom")).getAttribute("value")).isEqualTo("Zoé");
			assertThat(jdbc.sql("select count(*) from orientation").query(Long.class).single()).isZero();
			assertThat(overflow(driver)).isLessThanOrEqualTo(0);
			assertThat(agent.seriousAccessibilityViolations()).isEmpty();
			agent.screenshot("boucle-1-sans-consentement-375");

			driver.findElement(By.id("mode-oral_guichet")).click();
			driver.findElement(By.id("consentement-donne")).click();
			driver.findElement(By.cssSelector("main form button[type=submit]")).click();
			agent.waitFor(ExpectedConditions.urlContains("?envoyee"));
			zoe = idOf(driver.getCurrentUrl());
			assertThat(main(driver)).contains("L'orientation est envoyée", "Orientation de Zoé",
					"Envoyée, en attente de réponse", "À l'oral, au guichet", "Imprimer la fiche de liaison");
			assertThat(overflow(driver)).isLessThanOrEqualTo(0);
			assertThat(agent.seriousAccessibilityViolations()).isEmpty();
			agent.screenshot("boucle-1-envoyee-375");

			// 2. the fiche de liaison, downloaded from the orientation's own link
			String sheetPath = "/espace/orientations/" + zoe + "/fiche-liaison.pdf";
			assertThat(driver.findElements(By.cssSelector("a[href^='" + sheetPath + "']"))).isNotEmpty();
			HttpResponse<byte[]> sheet = download(agent, sheetPath);
			assertThat(sheet.statusCode()).isEqualTo(200);
			assertThat(sheet.headers().firstValue("Content-Type")).hasValue("application/pdf");
			String text = Pdfs.text(sheet.body());
			assertThat(text).contains("Service Info 16", "05 45 82 62 00", "Samia (CCAS de Cognac)")
				.doesNotContain("Zoé");
		}
		finally {
			driver.manage().window().setSize(wide);
		}

		// 3. the lieu's member accepts in one click, then marks her come; the agent sees
		// it
		ChromeDriver inbox = receiver.open(port, "/espace/orientations/recues");
		assertThat(main(inbox)).contains("Zoé");
		assertThat(receiver.seriousAccessibilityViolations()).isEmpty();
		inbox.findElement(By.linkText("Zoé")).click();
		receiver.waitFor(ExpectedConditions.titleContains("Orientation"));
		inbox.findElement(By.xpath("//button[text()='Accepter']")).click();
		receiver.waitFor(ExpectedConditions.urlContains("?statut"));
		assertThat(main(inbox)).contains("Acceptée par le lieu");
		inbox.findElement(By.xpath("//button[text()='La personne est venue']")).click();
		receiver.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"),
				"Statut : La personne est venue"));
		assertThat(receiver.seriousAccessibilityViolations()).isEmpty();
		agent.open(port, "/espace/orientations");
		assertThat(main(driver)).contains("Zoé", "La personne est venue");
		assertThat(agent.seriousAccessibilityViolations()).isEmpty();
		agent.screenshot("boucle-3-mes-orientations");

		// 4. a lieu nobody has an account for: the e-mail carries only a link
		agent.open(port, "/espace/orientations/nouvelle?lieu=" + champDeMars);
		driver.findElement(By.id("prenom")).sendKeys("Yanis");
		driver.findElement(By.id("besoin")).sendKeys("Faire sa demande de carte grise");
		driver.findElement(By.id("mode-oral_guichet")).click();
		driver.findElement(By.id("consentement-donne")).click();
		driver.findElement(By.cssSelector("main form button[type=submit]")).click();
		agent.waitFor(ExpectedConditions.urlContains("?envoyee"));
		String yanis = idOf(driver.getCurrentUrl());
		assertThat(main(driver)).contains("Personne n'a de compte Maillage pour ce lieu",
				"a été envoyé à " + CHAMP_DE_MARS);
		String mail = lastMail(CHAMP_DE_MARS);
		assertThat(mail).contains("/orientations/lien/")
			.doesNotContain("Yanis")
			.doesNotContain("carte grise")
			.doesNotContain(yanis);
		Matcher linkIn = Pattern.compile("https?://[^/]+(/orientations/lien/[A-Za-z0-9_-]+)").matcher(mail);
		assertThat(linkIn.find()).as(mail).isTrue();
		String link = linkIn.group(1);
		// opened signed out: the receiver's browser forgets its session
		receiver.driver().manage().deleteAllCookies();
		assertThat(receiver.open(port, "/espace/orientations/recues").getCurrentUrl()).contains("/connexion");
		ChromeDriver lieu = receiver.open(port, link);
		assertThat(main(lieu)).contains("Orientation de Yanis", "Faire sa demande de carte grise", "Accepter")
			.doesNotContain("Zoé");
		assertThat(receiver.seriousAccessibilityViolations()).isEmpty();
		receiver.screenshot("boucle-4-lien");
		lieu.findElement(By.xpath("//button[text()='Accepter']")).click();
		receiver.waitFor(ExpectedConditions.urlContains("?repondu"));
		// still open for the lieu's next answer (came or not), then spent
		assertThat(main(lieu)).contains("Merci, c'est enregistré.", "Statut : Acceptée par le lieu");
		lieu.findElement(By.xpath("//button[text()='La personne est venue']")).click();
		receiver.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"),
				"Merci, votre réponse est enregistrée"));
		receiver.open(port, link);
		assertThat(main(lieu)).contains("a reçu ses réponses").doesNotContain("Yanis");
		assertThat(receiver.seriousAccessibilityViolations()).isEmpty();
		receiver.screenshot("boucle-4-lien-utilise");
		assertThat(new WebSession(port).get(link).statusCode()).isEqualTo(410);
		assertThat(jdbc.sql("select statut from orientation where id = :id::uuid")
			.param("id", yanis)
			.query(String.class)
			.single()).isEqualTo("venue");
		agent.open(port, "/espace/orientations/" + yanis);
		assertThat(main(driver)).contains("Acceptée par le lieu", "La personne est venue", "le lien ne sert plus");

		// 5. the funnel: three more orientations pass the threshold of five sent; the
		// figures under it are shown as « moins de 5 »
		WebSession orienteur = new WebSession(port);
		orienteur.submit("/connexion", "/connexion",
				Map.of("courriel", agentEmail, "mot_de_passe", WebSession.PASSWORD));
		String ines = send(orienteur, lieuId, "Inès");
		String old = send(orienteur, lieuId, "Malo");
		send(orienteur, lieuId, "Léa");
		WebSession coordinator = WebSession.signedIn(port, jdbc, "coordinateur", "departement:16");
		HttpResponse<String> funnel = coordinator.get("/territoires/16/orientations");
		assertThat(funnel.statusCode()).isEqualTo(200);
		String page = HtmlUtils.htmlUnescape(funnel.body());
		assertThat(page).contains("De l'envoi à la venue")
			.containsPattern("<th scope=\"row\">Envoyées</th><td>5</td>")
			.containsPattern("<th scope=\"row\">La personne est venue</th><td>moins de 5</td>")
			// the bars' lengths: all sent is the full bar, a hidden figure draws none
			.contains("<rect height=\"1\" width=\"100\">")
			.contains("<rect height=\"1\" width=\"0\">")
			.doesNotContain("Zoé")
			.doesNotContain("Yanis");
		ApiClient.Response figures = new ApiClient(port).getAsAdmin("/api/v1/indicateurs/orientations?departement=16");
		assertThat(figures.status()).as(figures.body()).isEqualTo(200);
		assertThat(figures.json().get("envoyees").asLong()).isEqualTo(5);
		assertThat(figures.json().get("venues").isNull()).isTrue();
		assertThat(jdbc.sql("select count(*) from orientation where statut = 'venue'").query(Long.class).single())
			.isEqualTo(2);

		// 6. Inès withdraws her consent: her first name is erased at once
		agent.open(port, "/espace/orientations/" + ines);
		assertThat(main(driver)).contains("Orientation de Inès");
		driver.findElement(By.cssSelector("details.retrait summary")).click();
		driver.findElement(By.xpath("//button[text()='Enregistrer le retrait et effacer ses données']")).click();
		agent.waitFor(ExpectedConditions.urlContains("?retrait"));
		assertThat(main(driver)).contains("Le retrait de son accord est enregistré", "a retiré son accord")
			.doesNotContain("Inès");
		assertThat(agent.seriousAccessibilityViolations()).isEmpty();
		agent.screenshot("boucle-6-retrait");
		assertThat(erased(ines, "retrait")).isEqualTo(1);

		// 7. an orientation accepted long ago: the daily job erases its person
		assertThat(
				coordinator.submit("/espace", "/espace/orientations/" + old + "/statut", Map.of("statut", "acceptee"))
					.statusCode())
			.isEqualTo(302);
		jdbc.sql("update orientation set statut_le = now() - interval '25 months' where id = :id::uuid")
			.param("id", old)
			.update();
		assertThat(jobs.run().erased()).isEqualTo(1);
		assertThat(erased(old, "conservation")).isEqualTo(1);
		agent.open(port, "/espace/orientations/" + old);
		assertThat(main(driver)).contains("à la fin de leur durée de conservation", "Acceptée par le lieu")
			.doesNotContain("Malo");
		agent.open(port, "/espace/orientations");
		assertThat(main(driver)).contains("Zoé", "Yanis", "Léa").doesNotContain("Malo").doesNotContain("Inès");
	}

}
