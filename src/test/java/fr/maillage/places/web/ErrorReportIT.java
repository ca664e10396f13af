package fr.maillage.places.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import fr.maillage.testing.ApiClient;
import fr.maillage.testing.EmptyDirectoryApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "Signaler une erreur" through plain form posts: kept for moderation, robots and floods
 * turned away.
 */
class ErrorReportIT extends EmptyDirectoryApiTest {

	private String placeId;

	@BeforeEach
	void aPlace() {
		api.importFile("test", "lieux.csv",
				("id,pivot,nom,commune,code_postal,code_insee,adresse,date_maj\n"
						+ "v1,00000000000000,La MIETE,Villeurbanne,69100,69266,150 rue du 4 Août 1789,2024-01-01\n")
					.getBytes(StandardCharsets.UTF_8));
		placeId = api.get("/api/v1/lieux").json().get("lieux").get(0).get("id").asString();
	}

	private Map<String, String> form(String message, long shownAt) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("champ", "Horaires");
		form.put("message", message);
		form.put("courriel", "");
		form.put("site_web_confirmation", "");
		form.put("affiche_le", Long.toString(shownAt));
		return form;
	}

	private long pending() {
		return jdbc.sql("select count(*) from signalement").query(Long.class).single();
	}

	@Test
	void keepsAPersonsReportForModerationAndThanksHer() {
		ApiClient.Response response = api.postFormFromPage("/lieux/" + placeId, "/lieux/" + placeId + "/signalements",
				form("Fermé le mercredi depuis septembre.", System.currentTimeMillis() - 10_000));
		assertThat(response.status()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location"))
			.hasValueSatisfying(location -> assertThat(location).endsWith("/lieux/" + placeId + "?signalement=merci"));
		assertThat(api.get("/lieux/" + placeId + "?signalement=merci").body()).contains("Merci !");
		assertThat(api.get("/api/v1/signalements").status()).isEqualTo(401);
		String queue = api.getAsAdmin("/api/v1/signalements").body();
		assertThat(queue).contains("Fermé le mercredi depuis septembre.").contains("a_examiner").contains(placeId);
	}

	@Test
	void explainsWhatIsMissingAndKeepsWhatWasTyped() {
		ApiClient.Response empty = api.postFormFromPage("/lieux/" + placeId, "/lieux/" + placeId + "/signalements",
				form("  ", System.currentTimeMillis() - 10_000));
		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.body()).contains("Décrivez l&#39;erreur en quelques mots.");

		Map<String, String> badEmail = form("Téléphone faux", System.currentTimeMillis() - 10_000);
		badEmail.put("courriel", "pas-une-adresse");
		ApiClient.Response refused = api.postFormFromPage("/lieux/" + placeId, "/lieux/" + placeId + "/signalements",
				badEmail);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("adresse électronique n&#39;est pas valide").contains("Téléphone faux");
		// issue 17: the page a refused report returns is the place's whole page, «
		// Envoyer cette fiche » too
		assertThat(refused.body()).contains("Envoyer cette fiche")
			.contains("id=\"texte-fiche\"")
			.contains("sms:?&amp;body=");
		// issue 14: no field of unbounded length
		badEmail.put("courriel", "a".repeat(300) + "@exemple.fr");
		assertThat(api.postFormFromPage("/lieux/" + placeId, "/lieux/" + placeId + "/signalements", badEmail).status())
			.isEqualTo(400);
		assertThat(pending()).isZero();
	}

	@Test
	void aFormPostedFromAnotherSiteIsRefused() {
		// no CSRF token: what a forged cross-site request would send
		ApiClient.Response forged = api.postForm("/lieux/" + placeId + "/signalements",
				form("Fermé le mercredi depuis septembre.", System.currentTimeMillis() - 10_000));
		assertThat(forged.status()).isEqualTo(403);
		assertThat(pending()).isZero();
	}

	@Test
	void turnsAwayRobotsAndFloods() {
		Map<String, String> robot = form("Achetez !", System.currentTimeMillis() - 10_000);
		robot.put("site_web_confirmation", "http://spam.example");
		assertThat(api.postFormFromPage("/lieux/" + placeId, "/lieux/" + placeId + "/signalements", robot).status())
			.isEqualTo(302);
		assertThat(api
			.postFormFromPage("/lieux/" + placeId, "/lieux/" + placeId + "/signalements",
					form("Trop vite", System.currentTimeMillis()))
			.status()).isEqualTo(400);
		assertThat(pending()).isZero();

		for (int i = 0; i < 10; i++) {
			api.postFormFromPage("/lieux/" + placeId, "/lieux/" + placeId + "/signalements",
					form("Signalement " + i, System.currentTimeMillis() - 10_000));
		}
		ApiClient.Response eleventh = api.postFormFromPage("/lieux/" + placeId, "/lieux/" + placeId + "/signalements",
				form("Encore un", System.currentTimeMillis() - 10_000));
		assertThat(eleventh.status()).isEqualTo(400);
		assertThat(eleventh.body()).contains("beaucoup de signalements");
		assertThat(pending()).isEqualTo(10);
	}

}
