package fr.maillage.orientations.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.maillage.testing.ApiClient;
import fr.maillage.testing.EmptyDirectoryApiTest;
import fr.maillage.testing.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;

/**
 * The territory's figures of orientations (issue 16, item 3) on a known data set: the
 * funnel, median delays, loss rate and refusal reasons are right; figures from fewer than
 * five orientations are hidden; only the territory's coordinators and administrators see
 * them.
 */
class OrientationIndicatorsIT extends EmptyDirectoryApiTest {

	private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

	private UUID orienteur;

	private String cognacEpci;

	private String angoulemeEpci;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeEach
	void knownOrientations() throws Exception {
		String email = WebSession.newAccount(port, jdbc, "Samia Guichet", "membre");
		orienteur = jdbc.sql("select id from compte where courriel = :email")
			.param("email", email)
			.query(UUID.class)
			.single();
		cognacEpci = jdbc.sql("select epci from commune where code = '16102' and type = 'commune-actuelle'")
			.query(String.class)
			.single();
		angoulemeEpci = jdbc.sql("select epci from commune where code = '16015' and type = 'commune-actuelle'")
			.query(String.class)
			.single();
		// Cognac: 4 came (accepted after 1, 2, 3, 1 days, came after 5, 7, 9, 6), 1
		// support ended (4, 10),
		// 5 refused « complet » (after 1, 2, 1, 1, 1), 1 expired, 1 did not come
		// (accepted after 2)
		orientation("16102", "venue", 1, "acceptee", 1, "venue", 5);
		orientation("16102", "venue", 1, "acceptee", 2, "venue", 7);
		orientation("16102", "venue", 1, "acceptee", 3, "venue", 9);
		orientation("16102", "venue", 1, "acceptee", 1, "venue", 6);
		orientation("16102", "accompagnement_termine", 1, "acceptee", 4, "venue", 10, "accompagnement_termine", 20);
		for (int days : new int[] { 1, 2, 1, 1, 1 }) {
			orientation("16102", "refusee", 1, "refusee:complet", days);
		}
		orientation("16102", "expiree", 1, "expiree", 30);
		orientation("16102", "non_venue", 1, "acceptee", 2, "non_venue", 12);
		// Angoulême: 1 accepted (after 1 day), 1 refused « hors_territoire » (after 3)
		orientation("16015", "acceptee", 1, "acceptee", 1);
		orientation("16015", "refusee", 1, "refusee:hors_territoire", 3);
		// outside the period, and outside the département
		orientation("16102", "venue", -40, "acceptee", 1, "venue", 2);
		orientation("17300", "venue", 1, "acceptee", 1, "venue", 2);
	}

	/**
	 * An orientation sent {@code sentDay} days after T0, then its transitions: status
	 * (with « :reason »), days after sending.
	 */
	private void orientation(String commune, String status, int sentDay, Object... steps) {
		UUID id = UUID.randomUUID();
		Instant sent = T0.plus(Duration.ofDays(sentDay));
		jdbc.sql("""
				insert into orientation (id, lieu_id, orienteur_id, statut, envoyee_le, statut_le)
				values (:id, :lieu, :orienteur, :status, :sent, :sent)""")
			.param("id", id)
			.param("lieu", UUID.randomUUID())
			.param("orienteur", orienteur)
			.param("status", status)
			.param("sent", Timestamp.from(sent))
			.update();
		jdbc.sql("insert into orientation_territoire (orientation_id, departement, code_insee, epci, envoyee_le) "
				+ "values (:id, :departement, :commune, (select epci from commune where code = :commune and type = 'commune-actuelle'), :sent)")
			.param("id", id)
			.param("departement", commune.substring(0, 2))
			.param("commune", commune)
			.param("sent", Timestamp.from(sent))
			.update();
		transition(id, null, "envoyee", null, sent);
		String from = "envoyee";
		for (int i = 0; i < steps.length; i += 2) {
			String[] to = ((String) steps[i]).split(":");
			transition(id, from, to[0], to.length > 1 ? to[1] : null,
					sent.plus(Duration.ofDays((Integer) steps[i + 1])));
			from = to[0];
		}
	}

	private void transition(UUID id, String from, String to, String reason, Instant at) {
		jdbc.sql("""
				insert into orientation_transition (orientation_id, de, vers, par, moment, motif)
				values (:id, :from, :to, 'test', :at, :reason)""")
			.param("id", id)
			.param("from", from)
			.param("to", to)
			.param("at", Timestamp.from(at))
			.param("reason", reason)
			.update();
	}

	private ApiClient.Response get(String path, String token) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Bearer " + token)
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
		return new ApiClient.Response(response.statusCode(), response.body(), response.headers());
	}

	private static String token(WebSession session) throws Exception {
		String page = session.submit("/espace", "/espace/jetons", Map.of("nom", "essai")).body();
		Matcher value = Pattern.compile("(mlg_[A-Za-z0-9_-]+)").matcher(page);
		assertThat(value.find()).as(page).isTrue();
		return value.group(1);
	}

	private static final String NOVEMBER = "du=2026-11-01&au=2026-11-30";

	@Test
	void theFiguresOfADépartementAreRightAndSmallCountsHidden() throws Exception {
		String coordinator = token(WebSession.signedIn(port, jdbc, "coordinateur", "departement:16"));
		ApiClient.Response response = get("/api/v1/indicateurs/orientations?departement=16&" + NOVEMBER, coordinator);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode figures = response.json();
		assertThat(figures.get("envoyees").asLong()).isEqualTo(14);
		assertThat(figures.get("acceptees").asLong()).isEqualTo(7);
		assertThat(figures.get("refusees").asLong()).isEqualTo(6);
		assertThat(figures.get("venues").asLong()).isEqualTo(5);
		// one expired, one did not come: fewer than five, hidden
		assertThat(figures.get("expirees").isNull()).isTrue();
		assertThat(figures.get("non_venues").isNull()).isTrue();
		// 13 answers: 1 1 1 1 1 1 [1] 2 2 2 3 3 4; five came after 5 6 [7] 9 10 days
		assertThat(figures.get("delai_median_reponse_jours").asDouble()).isEqualTo(1.0);
		assertThat(figures.get("delai_median_venue_jours").asDouble()).isEqualTo(7.0);
		// 13 ended (6 refused, 1 expired, 5 came, 1 did not come), 8 without her coming
		assertThat(figures.get("taux_deperdition").asDouble()).isEqualTo(0.615);
		assertThat(figures.get("motifs_refus").get("complet").asLong()).isEqualTo(5);
		assertThat(figures.get("motifs_refus").get("hors_territoire").isNull()).isTrue();
		assertThat(figures.get("seuil_petits_nombres").asInt()).isEqualTo(5);
		assertThat(figures.get("territoire").get("nom").asString()).isEqualTo("Charente");
		// per EPCI: Grand Cognac in full, GrandAngoulême's two orientations not at all
		JsonNode cognac = null;
		JsonNode angouleme = null;
		for (JsonNode row : figures.get("par_epci")) {
			if (row.get("epci").asString().equals(cognacEpci)) {
				cognac = row;
			}
			if (row.get("epci").asString().equals(angoulemeEpci)) {
				angouleme = row;
			}
		}
		assertThat(figures.get("par_epci")).hasSize(2);
		assertThat(cognac.get("envoyees").asLong()).isEqualTo(12);
		assertThat(cognac.get("acceptees").asLong()).isEqualTo(6);
		assertThat(cognac.get("venues").asLong()).isEqualTo(5);
		assertThat(cognac.get("delai_median_reponse_jours").asDouble()).isEqualTo(1.0);
		assertThat(cognac.get("taux_deperdition").asDouble()).isEqualTo(0.583);
		for (String field : new String[] { "envoyees", "acceptees", "refusees", "venues", "delai_median_reponse_jours",
				"taux_deperdition" }) {
			assertThat(angouleme.get(field).isNull()).as(field).isTrue();
		}
		// nothing personal in the answer
		assertThat(response.body()).doesNotContain("Samia").doesNotContain(orienteur.toString());

		// an EPCI on its own: too few, nothing shown
		JsonNode small = get("/api/v1/indicateurs/orientations?epci=" + angoulemeEpci + "&" + NOVEMBER, coordinator)
			.json();
		assertThat(small.get("envoyees").isNull()).isTrue();
		assertThat(small.get("motifs_refus").get("hors_territoire").isNull()).isTrue();
		// the whole of the data set, by default the last 365 days, includes October
		assertThat(new ApiClient(port).getAsAdmin("/api/v1/indicateurs/orientations?departement=16&au=2026-11-30")
			.json()
			.get("envoyees")
			.asLong()).isEqualTo(15);
	}

	/**
	 * Adds a count of repérages as Screenings does: month, territory, question, answer.
	 */
	private void screeningCount(String month, String epci, String question, String answer, int count) {
		jdbc.sql("insert into reperage_compte (mois, departement, epci, question, reponse, nombre) "
				+ "values (cast(:month as date), '16', :epci, :question, :answer, :count)")
			.param("month", month)
			.param("epci", epci)
			.param("question", question)
			.param("answer", answer)
			.param("count", count)
			.update();
	}

	@Test
	void theRepéragesOfTheTerritoryAreCountedPerAnswerAndSmallCountsHidden() throws Exception {
		// November: 7 repérages around Cognac, 2 around Angoulême; October is outside
		screeningCount("2026-11-01", cognacEpci, "reperages", "total", 7);
		screeningCount("2026-11-01", cognacEpci, "besoins", "demarche", 6);
		screeningCount("2026-11-01", cognacEpci, "handicap", "vue", 1);
		screeningCount("2026-11-01", angoulemeEpci, "reperages", "total", 2);
		screeningCount("2026-11-01", angoulemeEpci, "besoins", "demarche", 1);
		screeningCount("2026-10-01", cognacEpci, "reperages", "total", 40);
		screeningCount("2026-10-01", cognacEpci, "besoins", "demarche", 40);
		String coordinator = token(WebSession.signedIn(port, jdbc, "coordinateur", "departement:16"));

		JsonNode screenings = get("/api/v1/indicateurs/orientations?departement=16&" + NOVEMBER, coordinator).json()
			.get("reperages");
		assertThat(screenings.get("mois_du").asString()).isEqualTo("2026-11");
		assertThat(screenings.get("nombre").asLong()).isEqualTo(9);
		assertThat(screenings.get("reponses").get("besoins").get("demarche").asLong()).isEqualTo(7);
		// one person with a visual impairment in a month: never shown
		assertThat(screenings.get("reponses").get("handicap").get("vue").isNull()).isTrue();

		// Angoulême's EPCI alone: two repérages, nothing shown, not even the parts
		JsonNode small = get("/api/v1/indicateurs/orientations?epci=" + angoulemeEpci + "&" + NOVEMBER, coordinator)
			.json()
			.get("reperages");
		assertThat(small.get("nombre").isNull()).isTrue();
		assertThat(small.get("reponses").isEmpty()).isTrue();

		WebSession charente = WebSession.signedIn(port, jdbc, "coordinateur", "departement:16");
		String page = HtmlUtils.htmlUnescape(charente.get("/territoires/16/orientations?" + NOVEMBER).body());
		assertThat(page)
			.contains("Ce que disent les repérages", "9</strong> repérages", "De quoi a-t-elle besoin maintenant ?",
					"Faire une démarche en ligne", "78 %", "Malvoyance")
			.contains("moins de 5");
		String angouleme = HtmlUtils
			.htmlUnescape(charente.get("/territoires/" + angoulemeEpci + "/orientations?" + NOVEMBER).body());
		assertThat(angouleme).contains("Moins de <span>5</span> repérages sur la période").doesNotContain("Malvoyance");
	}

	@Test
	void onlyTheTerritorysCoordinatorsAndTheAdministratorsSeeThem() throws Exception {
		String path = "/api/v1/indicateurs/orientations?departement=16&" + NOVEMBER;
		assertThat(get(path, token(WebSession.signedIn(port, jdbc, "coordinateur", "departement:69"))).status())
			.isEqualTo(403);
		assertThat(
				get(path, token(WebSession.signedIn(port, jdbc, "membre", "structure:" + UUID.randomUUID()))).status())
			.isEqualTo(403);
		assertThat(get(path, token(WebSession.signedIn(port, jdbc, "administrateur"))).status()).isEqualTo(200);
		assertThat(new ApiClient(port).getAsAdmin(path).status()).isEqualTo(200);
		assertThat(new ApiClient(port).get(path).status()).isEqualTo(401);
		// a coordinator of an EPCI: her EPCI, not the whole département
		String epciCoordinator = token(WebSession.signedIn(port, jdbc, "coordinateur", "epci:" + cognacEpci));
		assertThat(get(path, epciCoordinator).status()).isEqualTo(403);
		assertThat(get("/api/v1/indicateurs/orientations?epci=" + cognacEpci + "&" + NOVEMBER, epciCoordinator).json()
			.get("envoyees")
			.asLong()).isEqualTo(12);
		assertThat(get("/api/v1/indicateurs/orientations?epci=" + angoulemeEpci, epciCoordinator).status())
			.isEqualTo(403);

		// the funnel page: the same rule, signed in
		WebSession charente = WebSession.signedIn(port, jdbc, "coordinateur", "departement:16");
		String page = HtmlUtils.htmlUnescape(charente.get("/territoires/16/orientations?" + NOVEMBER).body());
		assertThat(page)
			.contains("Orientations : Charente", "De l'envoi à la venue", "Envoyées", "14", "moins de 5",
					"Plus de place pour le moment : 5", "La personne habite hors de notre secteur : moins de 5",
					"1,0 j", "62 %")
			.doesNotContain("Samia");
		assertThat(page).containsPattern("<th scope=\"row\">[^<]*Cognac[^<]*</th>\\s*<td>12</td>");
		assertThat(charente.get("/espace/orientations/recues").body()).contains("/territoires/16/orientations");
		assertThat(WebSession.signedIn(port, jdbc, "coordinateur", "departement:69")
			.get("/territoires/16/orientations")
			.statusCode()).isEqualTo(403);
		assertThat(WebSession.signedIn(port, jdbc, "membre", "structure:" + UUID.randomUUID())
			.get("/territoires/16/orientations")
			.statusCode()).isEqualTo(403);
		assertThat(new WebSession(port).get("/territoires/16/orientations").statusCode()).isEqualTo(302);
	}

	@Test
	void wrongQuestionsGetAClearAnswer() throws Exception {
		ApiClient api = new ApiClient(port);
		for (String wrong : new String[] { "", "?departement=16&epci=200071827", "?departement=16&du=2026-13-01",
				"?departement=16&du=2026-12-01&au=2026-11-01", "?departement=16&au=hier" }) {
			ApiClient.Response response = api.getAsAdmin("/api/v1/indicateurs/orientations" + wrong);
			assertThat(response.status()).as(wrong).isEqualTo(400);
			assertThat(response.body()).as(wrong).containsAnyOf("territoire", "date", "précéder");
		}
		assertThat(api.getAsAdmin("/api/v1/indicateurs/orientations?departement=999").status()).isEqualTo(404);
		assertThat(api.getAsAdmin("/api/v1/indicateurs/orientations?epci=123").status()).isEqualTo(404);
	}

}
