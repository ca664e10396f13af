package fr.maillage.places.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import fr.maillage.testing.ApiClient;
import fr.maillage.testing.EmptyDirectoryApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * « Recevoir cette fiche par courriel » (issue 17): the page's text sent through
 * Maillage, no account, the address never echoed in a URL, throttled.
 */
class SendPlaceByMailIT extends EmptyDirectoryApiTest {

	@Autowired
	SendingThrottle throttle;

	private String placeId;

	@BeforeEach
	void aPlace() {
		throttle.reset();
		api.importFile("test", "lieux.csv",
				("id,pivot,nom,commune,code_postal,code_insee,adresse,telephone,horaires,date_maj\n"
						+ "v1,00000000000000,La MIETE,Villeurbanne,69100,69266,150 rue du 4 Août 1789,+33478000000,"
						+ "Mo-Fr 09:00-12:00,2024-01-01\n")
					.getBytes(StandardCharsets.UTF_8));
		placeId = api.get("/api/v1/lieux").json().get("lieux").get(0).get("id").asString();
	}

	private ApiClient.Response send(String address) {
		return api.postFormFromPage("/lieux/" + placeId, "/lieux/" + placeId + "/envoyer", Map.of("courriel", address));
	}

	private List<Map<String, Object>> outbox() {
		return jdbc.sql("select destinataire, sujet, corps from courriel_sortant").query().listOfRows();
	}

	@Test
	void sendsThePagesTextAndSaysSoWithoutTheAddressInTheUrl() {
		String copied = api.get("/lieux/" + placeId).body();
		assertThat(copied).contains("Recevoir cette fiche par courriel")
			.contains("id=\"courriel-envoi\"")
			.contains("autocomplete=\"email\"");

		ApiClient.Response response = send(" Camille.Martin@Exemple.fr ");

		assertThat(response.status()).isEqualTo(302);
		String location = response.headers().firstValue("Location").orElseThrow();
		assertThat(location).endsWith("/lieux/" + placeId + "?envoi=fait#envoi-fait")
			.doesNotContainIgnoringCase("exemple");
		assertThat(api.get("/lieux/" + placeId + "?envoi=fait").body()).contains("Fiche envoyée à l'adresse indiquée.");
		List<Map<String, Object>> sent = outbox();
		assertThat(sent).hasSize(1);
		assertThat(sent.get(0).get("destinataire")).isEqualTo("camille.martin@exemple.fr");
		assertThat(sent.get(0).get("sujet")).isEqualTo("Fiche du lieu : La MIETE");
		String body = (String) sent.get(0).get("corps");
		// the very text the page offers to copy: name, address, phone, hours, link
		assertThat(body).contains("La MIETE")
			.contains("150 rue du 4 Août 1789")
			.contains("/lieux/" + placeId)
			.contains("Tél. ")
			// hours are written with narrow no-break spaces ("9 h"): match the line, not
			// the figures
			.contains("Horaires : ");
		assertThat(copied).contains(body.lines().findFirst().orElseThrow());
	}

	@Test
	void explainsAWrongAddressKeepsWhatWasTypedAndSendsNothing() {
		ApiClient.Response wrong = send("camille.exemple.fr");
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(wrong.body()).contains("Cette adresse électronique n&#39;est pas valide")
			.contains("value=\"camille.exemple.fr\"")
			.contains("aria-invalid=\"true\"")
			.contains("id=\"texte-fiche\"");
		ApiClient.Response empty = send("   ");
		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.body()).contains("Indiquez l&#39;adresse électronique");
		assertThat(send("a".repeat(300) + "@exemple.fr").status()).isEqualTo(400);
		assertThat(outbox()).isEmpty();
	}

	@Test
	void anUnknownPlaceIsNotFoundAndAFormFromAnotherSiteIsRefused() {
		assertThat(api
			.postFormFromPage("/lieux/" + placeId, "/lieux/00000000-0000-0000-0000-000000000000/envoyer",
					Map.of("courriel", "camille@exemple.fr"))
			.status()).isEqualTo(404);
		assertThat(api.postForm("/lieux/" + placeId + "/envoyer", Map.of("courriel", "camille@exemple.fr")).status())
			.isEqualTo(403);
		assertThat(outbox()).isEmpty();
	}

	@Test
	void refusesBeyondTheLimitOfTheHour() {
		for (int i = 0; i < throttle.perClient(); i++) {
			assertThat(send("camille" + i + "@exemple.fr").status()).isEqualTo(302);
		}
		ApiClient.Response refused = send("encore@exemple.fr");
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.body()).contains("réessayez plus tard");
		assertThat(outbox()).hasSize(throttle.perClient());
	}

}
