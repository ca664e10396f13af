package fr.maillage.orientations.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.maillage.testing.ApiClient;
import fr.maillage.testing.EmptyDirectoryApiTest;
import fr.maillage.testing.Fixtures;
import fr.maillage.testing.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The orientations API with personal tokens (issue 16): 422 consentement_requis, 201, 409
 * transition_interdite, 404 to others and to the bootstrap token, the journal of reads,
 * withdrawal.
 */
class OrientationApiIT extends EmptyDirectoryApiTest {

	private final HttpClient http = HttpClient.newHttpClient();

	private String lieuId;

	private String orienteurToken;

	private String receiverToken;

	private String outsiderToken;

	@BeforeEach
	void lieuWithItsStructure() throws Exception {
		api.importFile("charente", Fixtures.CHARENTE, Fixtures.lieux(Fixtures.CHARENTE));
		lieuId = api.findLieuId("Service Info 16");
		WebSession coordinator = WebSession.signedIn(port, jdbc, "coordinateur", "departement:16");
		coordinator.submit("/espace/lieux/" + lieuId + "/modifier", "/espace/lieux/" + lieuId + "/structure",
				Map.of("nom", "Service Info 16"));
		String structure = jdbc.sql("select structure_id::text from structure_lieu where lieu_id = :id::uuid")
			.param("id", lieuId)
			.query(String.class)
			.single();
		receiverToken = token(WebSession.signedIn(port, jdbc, "membre", "structure:" + structure));
		orienteurToken = token(WebSession.signedIn(port, jdbc, "coordinateur", "departement:69"));
		outsiderToken = token(WebSession.signedIn(port, jdbc, "membre", "structure:" + java.util.UUID.randomUUID()));
	}

	private static String token(WebSession session) throws Exception {
		String page = session.submit("/espace", "/espace/jetons", Map.of("nom", "essai")).body();
		Matcher value = Pattern.compile("(mlg_[A-Za-z0-9_-]+)").matcher(page);
		assertThat(value.find()).as(page).isTrue();
		return value.group(1);
	}

	private ApiClient.Response send(String method, String path, String token, String json) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json");
		request = json == null ? request.GET() : request.method(method, HttpRequest.BodyPublishers.ofString(json));
		HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		return new ApiClient.Response(response.statusCode(), response.body(), response.headers());
	}

	private String body(String consent) {
		return """
				{"lieu": "%s", "besoin": "Créer une adresse électronique",
				 "personne": {"prenom": "Zoé", "telephone": "06 12 34 56 78"}%s}""".formatted(lieuId,
				consent == null ? "" : ", \"consentement\": " + consent);
	}

	@Test
	void anOrientationNeedsTheConsentThenFollowsTheWorkflow() throws Exception {
		ApiClient.Response refused = send("POST", "/api/v1/orientations", orienteurToken, body(null));
		assertThat(refused.status()).as(refused.body()).isEqualTo(422);
		assertThat(refused.json().get("code").asString()).isEqualTo("consentement_requis");
		assertThat(refused.json().get("message").asString()).contains("Recueillez le consentement");
		ApiClient.Response oldNotice = send("POST", "/api/v1/orientations", orienteurToken,
				body("{\"mode\": \"papier_signe\", \"version_notice\": \"2020-01\"}"));
		assertThat(oldNotice.status()).isEqualTo(422);
		assertThat(oldNotice.json().get("message").asString()).contains("ancienne version de la notice");
		ApiClient.Response unknownMode = send("POST", "/api/v1/orientations", orienteurToken,
				body("{\"mode\": \"sms\"}"));
		assertThat(unknownMode.status()).isEqualTo(422);
		assertThat(unknownMode.json().get("message").asString()).contains("Indiquez comment la personne a donné",
				"oral_guichet");
		assertThat(jdbc.sql("select count(*) from orientation").query(Long.class).single()).isZero();

		ApiClient.Response created = send("POST", "/api/v1/orientations", orienteurToken,
				body("{\"mode\": \"telephone_personne\", \"recueilli_le\": \""
						+ java.time.Instant.now().minus(java.time.Duration.ofHours(1)) + "\"}"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().get("id").asString();
		assertThat(created.json().get("statut").asString()).isEqualTo("envoyee");

		JsonNode received = send("GET", "/api/v1/orientations?vue=recues", receiverToken, null).json();
		assertThat(received).hasSize(1);
		assertThat(received.get(0).get("prenom").asString()).isEqualTo("Zoé");
		JsonNode detail = send("GET", "/api/v1/orientations/" + id, receiverToken, null).json();
		assertThat(detail.get("personne").get("prenom").asString()).isEqualTo("Zoé");
		assertThat(detail.get("consentement").get("mode").asString()).isEqualTo("telephone_personne");

		ApiClient.Response tooEarly = send("POST", "/api/v1/orientations/" + id + "/statut", receiverToken,
				"{\"statut\": \"venue\"}");
		assertThat(tooEarly.status()).isEqualTo(409);
		assertThat(tooEarly.json().get("code").asString()).isEqualTo("transition_interdite");
		assertThat(send("POST", "/api/v1/orientations/" + id + "/statut", receiverToken, "{\"statut\": \"acceptee\"}")
			.status()).isEqualTo(200);
		assertThat(send("POST", "/api/v1/orientations/" + id + "/statut", receiverToken, "{\"statut\": \"acceptee\"}")
			.status()).as("answered once").isEqualTo(409);

		// to anyone else, and to the bootstrap token, it does not exist
		for (String other : new String[] { outsiderToken, ApiClient.ADMIN_TOKEN }) {
			assertThat(send("GET", "/api/v1/orientations/" + id, other, null).status()).isEqualTo(404);
			assertThat(send("GET", "/api/v1/orientations/" + id + "/journal", other, null).status()).isEqualTo(404);
			assertThat(
					send("POST", "/api/v1/orientations/" + id + "/statut", other, "{\"statut\": \"venue\"}").status())
				.isEqualTo(404);
			assertThat(send("GET", "/api/v1/orientations?vue=recues", other, null).body()).isEqualTo("[]");
		}
		assertThat(send("GET", "/api/v1/orientations/" + id, "mlg_faux", null).status()).isEqualTo(401);

		JsonNode journal = send("GET", "/api/v1/orientations/" + id + "/journal", orienteurToken, null).json();
		assertThat(journal.get("acces").valueStream().map(access -> access.get("action").asString()))
			.containsExactly("creation", "lecture", "lecture");
		assertThat(journal.get("historique").valueStream().map(step -> step.get("vers").asString()))
			.containsExactly("envoyee", "acceptee");

		ApiClient.Response unconfirmed = send("POST", "/api/v1/orientations/" + id + "/consentement/retrait",
				orienteurToken, "{}");
		assertThat(unconfirmed.status()).isEqualTo(400);
		assertThat(unconfirmed.json().get("code").asString()).isEqualTo("confirmation_requise");
		ApiClient.Response withdrawn = send("POST", "/api/v1/orientations/" + id + "/consentement/retrait",
				orienteurToken, "{\"confirmation\": true}");
		assertThat(withdrawn.status()).isEqualTo(200);
		JsonNode erased = send("GET", "/api/v1/orientations/" + id, receiverToken, null).json();
		assertThat(erased.get("personne").isNull()).isTrue();
		assertThat(erased.get("donnees_effacees_le").isNull()).isFalse();
		assertThat(erased.toString()).doesNotContain("Zoé");
	}

}
