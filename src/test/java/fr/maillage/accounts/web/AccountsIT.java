package fr.maillage.accounts.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.maillage.testing.ApiClient;
import fr.maillage.testing.CleanDatabase;
import fr.maillage.testing.IntegrationTest;
import fr.maillage.testing.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Accounts as people use them (issue 6): invited through the API, password chosen from
 * the e-mailed link, signed in with a session kept in PostgreSQL, throttled after
 * repeated failures, CSRF required on every form.
 */
@IntegrationTest
class AccountsIT {

	private static final String PASSWORD = "correct horse battery";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	ApiClient api;

	@BeforeEach
	void empty() {
		CleanDatabase.empty(jdbc);
		jdbc.sql("truncate demande_reinitialisation").update();
		api = new ApiClient(port);
	}

	private String invite(String email, String role, String territories) {
		ApiClient.Response response = api.postJsonAsAdmin("/api/v1/comptes", "{\"courriel\": \"" + email
				+ "\", \"nom\": \"Camille Martin\", \"role\": \"" + role + "\", \"territoires\": " + territories + "}");
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return lastLink(email);
	}

	private String lastLink(String email) {
		return WebSession.lastLink(jdbc, email);
	}

	private HttpResponse<String> signIn(WebSession browser, String email, String password) throws Exception {
		return browser.submit("/connexion", "/connexion", Map.of("courriel", email, "mot_de_passe", password));
	}

	@Test
	void anInvitedCoordinatorChoosesHerPasswordAndSignsIn() throws Exception {
		String link = invite("Camille.Martin@rhone.fr", "coordinateur", "[\"departement:69\"]");
		WebSession browser = new WebSession(port);

		assertThat(browser.get(link).body()).contains("Choisir votre mot de passe");
		HttpResponse<String> tooShort = browser.submit(link, link,
				Map.of("mot_de_passe", "court", "confirmation", "court"));
		assertThat(tooShort.body()).contains("au moins 12 caractères");
		HttpResponse<String> chosen = browser.submit(link, link,
				Map.of("mot_de_passe", PASSWORD, "confirmation", PASSWORD));
		assertThat(chosen.statusCode()).isEqualTo(302);
		assertThat(chosen.headers().firstValue("Location"))
			.hasValueSatisfying(location -> assertThat(location).contains("/connexion?mot_de_passe_choisi"));
		// a link serves once
		assertThat(browser.get(link).body()).contains("Ce lien a déjà servi");
		// the hash is stored, never the password
		assertThat(jdbc.sql("select mot_de_passe from compte").query(String.class).single()).startsWith("{bcrypt}")
			.doesNotContain(PASSWORD);

		HttpResponse<String> signedIn = signIn(browser, "camille.martin@rhone.fr", PASSWORD);
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location"))
			.hasValueSatisfying(location -> assertThat(location).endsWith("/espace"));
		HttpResponse<String> space = browser.get("/espace");
		assertThat(space.statusCode()).isEqualTo(200);
		assertThat(space.body()).contains("Camille Martin", "coordinateur", "Rhône (69)")
			.doesNotContain("departement:69");
		// the session lives in PostgreSQL, so any instance knows her
		assertThat(jdbc.sql("select count(*) from spring_session where principal_name is not null")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void signedInPagesSendStrangersToTheSignInPage() throws Exception {
		// the public pages open no session
		WebSession visitor = new WebSession(port);
		visitor.get("/");
		visitor.get("/connexion");
		assertThat(jdbc.sql("select count(*) from spring_session").query(Long.class).single()).isZero();
		HttpResponse<String> space = visitor.get("/espace");
		assertThat(space.statusCode()).isEqualTo(302);
		assertThat(space.headers().firstValue("Location"))
			.hasValueSatisfying(location -> assertThat(location).endsWith("/connexion"));
	}

	@Test
	void repeatedFailuresBlockTheAddressForAWhile() throws Exception {
		String link = invite("membre@asso.fr", "membre", "[]");
		WebSession browser = new WebSession(port);
		browser.submit(link, link, Map.of("mot_de_passe", PASSWORD, "confirmation", PASSWORD));

		for (int attempt = 0; attempt < 5; attempt++) {
			HttpResponse<String> failed = signIn(browser, "membre@asso.fr", "mauvais mot de passe");
			assertThat(failed.headers().firstValue("Location"))
				.hasValueSatisfying(location -> assertThat(location).endsWith("/connexion?erreur=identifiants"));
		}
		HttpResponse<String> blocked = signIn(browser, "membre@asso.fr", PASSWORD);
		assertThat(blocked.headers().firstValue("Location"))
			.hasValueSatisfying(location -> assertThat(location).endsWith("/connexion?erreur=bloque"));
		assertThat(browser.get("/connexion?erreur=bloque").body()).contains("Trop de tentatives");
		assertThat(browser.get("/espace").statusCode()).isEqualTo(302);
	}

	@Test
	void aForgottenPasswordIsReplacedThroughAnEmailedLinkWithoutTellingWhoHasAnAccount() throws Exception {
		String invitation = invite("membre@asso.fr", "membre", "[]");
		WebSession browser = new WebSession(port);
		browser.submit(invitation, invitation, Map.of("mot_de_passe", PASSWORD, "confirmation", PASSWORD));

		HttpResponse<String> unknown = browser.submit("/mot-de-passe-oublie", "/mot-de-passe-oublie",
				Map.of("courriel", "personne@nulle-part.fr"));
		HttpResponse<String> known = browser.submit("/mot-de-passe-oublie", "/mot-de-passe-oublie",
				Map.of("courriel", "membre@asso.fr"));
		assertThat(unknown.body()).contains("Si un compte existe pour cette adresse");
		assertThat(known.body()).contains("Si un compte existe pour cette adresse");
		assertThat(jdbc.sql("select count(*) from courriel_sortant where destinataire = 'personne@nulle-part.fr'")
			.query(Long.class)
			.single()).isZero();

		String reset = lastLink("membre@asso.fr");
		assertThat(reset).startsWith("/reinitialisation/");
		String newPassword = "un autre mot de passe long";
		browser.submit(reset, reset, Map.of("mot_de_passe", newPassword, "confirmation", newPassword));
		assertThat(signIn(new WebSession(port), "membre@asso.fr", PASSWORD).headers().firstValue("Location"))
			.hasValueSatisfying(location -> assertThat(location).contains("erreur"));
		assertThat(signIn(new WebSession(port), "membre@asso.fr", newPassword).headers().firstValue("Location"))
			.hasValueSatisfying(location -> assertThat(location).endsWith("/espace"));
	}

	@Test
	void invitationsAreCheckedAndForTheAdministrator() throws Exception {
		assertThat(api.postJson("/api/v1/comptes", "{\"courriel\": \"a@b.fr\", \"nom\": \"A\", \"role\": \"membre\"}")
			.status()).isEqualTo(401);
		ApiClient.Response noTerritory = api.postJsonAsAdmin("/api/v1/comptes",
				"{\"courriel\": \"c@d.fr\", \"nom\": \"C\", \"role\": \"coordinateur\"}");
		assertThat(noTerritory.status()).isEqualTo(400);
		assertThat(noTerritory.json().get("message").asString()).contains("au moins un territoire");
		invite("e@f.fr", "membre", "[]");
		ApiClient.Response twice = api.postJsonAsAdmin("/api/v1/comptes",
				"{\"courriel\": \"E@F.fr\", \"nom\": \"E\", \"role\": \"membre\"}");
		assertThat(twice.status()).isEqualTo(409);
		// a null among the territories is an unknown territory, not a 500
		ApiClient.Response nullTerritory = api.postJsonAsAdmin("/api/v1/comptes",
				"{\"courriel\": \"g@h.fr\", \"nom\": \"G\", \"role\": \"coordinateur\", \"territoires\": [null]}");
		assertThat(nullTerritory.status()).isEqualTo(400);
		assertThat(nullTerritory.json().get("code").asString()).isEqualTo("territoire_invalide");
		// a field given twice is refused, never read as its last value
		ApiClient.Response twoRoles = api.postJsonAsAdmin("/api/v1/comptes",
				"{\"courriel\": \"i@j.fr\", \"nom\": \"I\", \"role\": \"membre\", \"role\": \"administrateur\"}");
		assertThat(twoRoles.status()).isEqualTo(400);
		assertThat(twoRoles.json().get("message").asString()).contains("deux fois");
		assertThat(jdbc.sql("select count(*) from compte where courriel in ('g@h.fr', 'i@j.fr')")
			.query(Long.class)
			.single()).isZero();
		// a sign-in form posted without its token is refused
		assertThat(
				new WebSession(port).post("/connexion", Map.of("courriel", "e@f.fr", "mot_de_passe", "x")).statusCode())
			.isEqualTo(403);
	}

	@Test
	void aCoordinatorsPersonalTokenRunsImportsUntilRevoked() throws Exception {
		WebSession coordinator = WebSession.signedIn(port, jdbc, "coordinateur");
		HttpResponse<String> created = coordinator.submit("/espace", "/espace/jetons",
				Map.of("nom", "import nocturne"));
		java.util.regex.Matcher value = java.util.regex.Pattern.compile("(mlg_[A-Za-z0-9_-]+)").matcher(created.body());
		assertThat(value.find()).as(created.body()).isTrue();
		String token = value.group(1);
		// only its hash is kept
		assertThat(jdbc.sql("select count(*) from jeton_api where jeton_hash = :token")
			.param("token", token)
			.query(Long.class)
			.single()).isZero();

		byte[] file = fr.maillage.testing.Fixtures.bytes("fixtures/schema/v1.0.2/exemple-valide.csv");
		assertThat(api.importFile("exemple", "exemple-valide.csv", file, token).status()).isEqualTo(201);
		// a coordinator's token imports, but does not administer
		assertThat(api.postFile("/api/v1/fragilite/imports", Map.of(), "x.csv", new byte[] { 'a' }, token).status())
			.isEqualTo(403);
		assertThat(coordinator.get("/espace").body()).contains("import nocturne");

		String tokenId = jdbc.sql("select id from jeton_api").query(String.class).single();
		coordinator.submit("/espace", "/espace/jetons/" + tokenId + "/revocation", Map.of());
		assertThat(api.importFile("exemple", "exemple-valide.csv", file, token).status()).isEqualTo(401);
		assertThat(coordinator.get("/espace").body()).contains("révoqué");

		// a member's token does not import
		WebSession member = WebSession.signedIn(port, jdbc, "membre");
		HttpResponse<String> memberPage = member.submit("/espace", "/espace/jetons", Map.of("nom", "essai"));
		java.util.regex.Matcher memberToken = java.util.regex.Pattern.compile("(mlg_[A-Za-z0-9_-]+)")
			.matcher(memberPage.body());
		assertThat(memberToken.find()).isTrue();
		assertThat(api.importFile("exemple", "exemple-valide.csv", file, memberToken.group(1)).status()).isEqualTo(403);
	}

	// issue 14: account security

	/** An account with {@link #PASSWORD}, invited and set up through its link. */
	private void member(String email) throws Exception {
		String link = invite(email, "membre", "[]");
		WebSession browser = new WebSession(port);
		browser.submit(link, link, Map.of("mot_de_passe", PASSWORD, "confirmation", PASSWORD));
	}

	private WebSession signedInAs(String email, String password) throws Exception {
		WebSession browser = new WebSession(port);
		assertThat(signIn(browser, email, password).headers().firstValue("Location"))
			.hasValueSatisfying(location -> assertThat(location).endsWith("/espace"));
		assertThat(browser.get("/espace").statusCode()).isEqualTo(200);
		return browser;
	}

	/**
	 * Asks for a reset link as any client can, byte for byte: the headers given (Host,
	 * X-Forwarded-*) reach the server as written.
	 */
	private RawHttp.Response askReset(String email, Map<String, String> headers) throws Exception {
		RawHttp.Response form = RawHttp.send(port, "GET", "/mot-de-passe-oublie", headers, "");
		String cookie = form.headers()
			.getOrDefault("set-cookie", List.of())
			.stream()
			.filter(value -> value.startsWith("XSRF-TOKEN="))
			.map(value -> value.split(";")[0])
			.findFirst()
			.orElseThrow();
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
		assertThat(csrf.find()).isTrue();
		Map<String, String> all = new LinkedHashMap<>(headers);
		all.put("Cookie", cookie);
		all.put("Content-Type", "application/x-www-form-urlencoded");
		return RawHttp.send(port, "POST", "/mot-de-passe-oublie", all,
				"courriel=" + ApiClient.encode(email) + "&_csrf=" + ApiClient.encode(csrf.group(1)));
	}

	private List<String> mails(String email) {
		return jdbc.sql("select corps from courriel_sortant where destinataire = :to order by cree_le")
			.param("to", email)
			.query(String.class)
			.list();
	}

	@Test
	void linksInEmailsComeFromThePublicAddressNeverFromTheRequest() throws Exception {
		member("membre@asso.fr");
		String publicAddress = "http://localhost:" + port + "/";
		assertThat(mails("membre@asso.fr")).singleElement().asString().contains(publicAddress + "invitation/");

		RawHttp.Response asked = askReset("membre@asso.fr",
				Map.of("Host", "evil.example", "X-Forwarded-Host", "evil.example", "X-Forwarded-Proto", "https"));
		assertThat(asked.body()).contains("Si un compte existe pour cette adresse");
		assertThat(mails("membre@asso.fr")).hasSize(2)
			.last()
			.asString()
			.contains(publicAddress + "reinitialisation/")
			.doesNotContain("evil.example");

		// an invitation through the API, the same
		RawHttp.Response invited = RawHttp.send(port, "POST", "/api/v1/comptes",
				Map.of("Host", "evil.example", "Authorization", "Bearer " + ApiClient.ADMIN_TOKEN, "Content-Type",
						"application/json"),
				"{\"courriel\": \"autre@asso.fr\", \"nom\": \"Autre\", \"role\": \"membre\"}");
		assertThat(invited.status()).as(invited.body()).isEqualTo(201);
		assertThat(mails("autre@asso.fr")).singleElement()
			.asString()
			.contains(publicAddress + "invitation/")
			.doesNotContain("evil.example");
	}

	@Test
	void aResetEndsEverySessionOfTheAccount() throws Exception {
		member("membre@asso.fr");
		WebSession laptop = signedInAs("membre@asso.fr", PASSWORD);
		WebSession phone = signedInAs("membre@asso.fr", PASSWORD);

		askReset("membre@asso.fr", Map.of());
		String reset = lastLink("membre@asso.fr");
		String newPassword = "un autre mot de passe long";
		WebSession stranger = new WebSession(port);
		assertThat(stranger.submit(reset, reset, Map.of("mot_de_passe", newPassword, "confirmation", newPassword))
			.statusCode()).isEqualTo(302);

		assertThat(laptop.get("/espace").statusCode()).isEqualTo(302);
		assertThat(phone.get("/espace").statusCode()).isEqualTo(302);
		assertThat(jdbc.sql("select count(*) from spring_session where principal_name = 'membre@asso.fr'")
			.query(Long.class)
			.single()).isZero();
		signedInAs("membre@asso.fr", newPassword);
	}

	@Test
	void changingThePasswordEndsTheOtherSessionsAndKeepsThisOne() throws Exception {
		member("membre@asso.fr");
		WebSession laptop = signedInAs("membre@asso.fr", PASSWORD);
		WebSession phone = signedInAs("membre@asso.fr", PASSWORD);
		String newPassword = "un autre mot de passe long";

		HttpResponse<String> wrong = laptop.submit("/espace", "/espace/mot-de-passe", Map.of("mot_de_passe_actuel",
				"pas le bon mot de passe", "mot_de_passe", newPassword, "confirmation", newPassword));
		assertThat(wrong.body()).contains("Le mot de passe actuel n&#39;est pas le bon.");
		assertThat(phone.get("/espace").statusCode()).isEqualTo(200);

		HttpResponse<String> changed = laptop.submit("/espace", "/espace/mot-de-passe",
				Map.of("mot_de_passe_actuel", PASSWORD, "mot_de_passe", newPassword, "confirmation", newPassword));
		assertThat(changed.body()).contains("Votre mot de passe est changé");
		assertThat(laptop.get("/espace").statusCode()).isEqualTo(200);
		assertThat(phone.get("/espace").statusCode()).isEqualTo(302);
		signedInAs("membre@asso.fr", newPassword);
		assertThat(signIn(new WebSession(port), "membre@asso.fr", PASSWORD).headers().firstValue("Location"))
			.hasValueSatisfying(location -> assertThat(location).contains("erreur"));
	}

	@Test
	void aNewResetLinkRevokesTheOlderOnes() throws Exception {
		member("membre@asso.fr");
		askReset("membre@asso.fr", Map.of());
		String first = lastLink("membre@asso.fr");
		askReset("membre@asso.fr", Map.of());
		String second = lastLink("membre@asso.fr");
		assertThat(second).isNotEqualTo(first);

		WebSession browser = new WebSession(port);
		assertThat(browser.get(first).body()).contains("remplacé par un lien plus récent");
		String newPassword = "un autre mot de passe long";
		// posted anyway: the form of the newer link's page, sent to the older link
		assertThat(
				browser.submit(second, first, Map.of("mot_de_passe", newPassword, "confirmation", newPassword)).body())
			.contains("remplacé par un lien plus récent");
		assertThat(browser.submit(second, second, Map.of("mot_de_passe", newPassword, "confirmation", newPassword))
			.statusCode()).isEqualTo(302);
	}

	@Test
	void resetLinksAreThrottledPerAddressAndPerClientAlikeForUnknownAddresses() throws Exception {
		member("membre@asso.fr");
		int invitation = mails("membre@asso.fr").size();
		// per address, whichever client asks
		for (int request = 0; request < 3; request++) {
			assertThat(askReset("membre@asso.fr", Map.of("X-Forwarded-For", "203.0.113." + request)).body())
				.contains("Si un compte existe pour cette adresse");
			assertThat(askReset("personne@nulle-part.fr", Map.of("X-Forwarded-For", "198.51.100." + request)).body())
				.contains("Si un compte existe pour cette adresse");
		}
		RawHttp.Response known = askReset("membre@asso.fr", Map.of("X-Forwarded-For", "203.0.113.50"));
		RawHttp.Response unknown = askReset("personne@nulle-part.fr", Map.of("X-Forwarded-For", "198.51.100.50"));
		assertThat(known.body()).contains("Trop de demandes");
		// the same answer: the limit tells nobody who has an account
		assertThat(unknown.body()).contains("Trop de demandes");
		assertThat(mails("membre@asso.fr")).hasSize(invitation + 3);

		// per client, whatever the addresses
		for (int request = 0; request < 10; request++) {
			assertThat(askReset("essai" + request + "@exemple.fr", Map.of("X-Forwarded-For", "192.0.2.9")).body())
				.contains("Si un compte existe pour cette adresse");
		}
		assertThat(askReset("encore@exemple.fr", Map.of("X-Forwarded-For", "192.0.2.9")).body())
			.contains("Trop de demandes");
		assertThat(askReset("encore@exemple.fr", Map.of("X-Forwarded-For", "192.0.2.10")).body())
			.contains("Si un compte existe pour cette adresse");
	}

	@Test
	void cookiesAreSecureBehindAnHttpsProxy() throws Exception {
		member("membre@asso.fr");
		for (boolean https : new boolean[] { true, false }) {
			Map<String, String> proxy = https ? Map.of("X-Forwarded-Proto", "https") : Map.of();
			RawHttp.Response page = RawHttp.send(port, "GET", "/connexion", proxy, "");
			String csrfCookie = page.headers()
				.get("set-cookie")
				.stream()
				.filter(value -> value.startsWith("XSRF-TOKEN="))
				.findFirst()
				.orElseThrow();
			Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
			assertThat(csrf.find()).isTrue();
			Map<String, String> headers = new LinkedHashMap<>(proxy);
			headers.put("Cookie", csrfCookie.split(";")[0]);
			headers.put("Content-Type", "application/x-www-form-urlencoded");
			RawHttp.Response signedIn = RawHttp.send(port, "POST", "/connexion", headers,
					"courriel=membre%40asso.fr&mot_de_passe=" + ApiClient.encode(PASSWORD) + "&_csrf="
							+ ApiClient.encode(csrf.group(1)));
			String sessionCookie = signedIn.headers()
				.get("set-cookie")
				.stream()
				.filter(value -> value.startsWith("SESSION="))
				.findFirst()
				.orElseThrow();
			assertThat(sessionCookie).containsIgnoringCase("HttpOnly");
			assertThat(sessionCookie.toLowerCase(java.util.Locale.ROOT).contains("; secure")).as(sessionCookie)
				.isEqualTo(https);
			assertThat(csrfCookie.toLowerCase(java.util.Locale.ROOT).contains("; secure")).as(csrfCookie)
				.isEqualTo(https);
		}
	}

}
