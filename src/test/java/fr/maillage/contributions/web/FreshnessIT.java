package fr.maillage.contributions.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import fr.maillage.testing.ApiClient;
import fr.maillage.testing.EmptyDirectoryApiTest;
import fr.maillage.testing.Fixtures;
import fr.maillage.testing.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * "Nombre de fiches à jour" (issue 6): the indicator and the coordinator's confirmations.
 */
class FreshnessIT extends EmptyDirectoryApiTest {

	@BeforeEach
	void importCharente() {
		api.importFile("charente", Fixtures.CHARENTE, Fixtures.lieux(Fixtures.CHARENTE));
	}

	private JsonNode indicator() {
		return api.get("/api/v1/indicateurs/fraicheur?departement=16").json();
	}

	@Test
	void aConfirmationMakesALieuUpToDateAndTheIndicatorCountsIt() throws Exception {
		JsonNode before = indicator();
		// the file dates from July 2023: nothing in it was vouched for in the last six
		// months
		assertThat(before.get("lieux").asInt()).isEqualTo(171);
		assertThat(before.get("a_jour").asInt()).isZero();
		assertThat(before.get("validite_mois").asInt()).isEqualTo(6);

		WebSession coordinator = WebSession.signedIn(port, jdbc, "coordinateur", "departement:16");
		String page = coordinator.get("/espace/fraicheur").body();
		assertThat(page).contains("Département", "16", "à vérifier", "Service Info 16");
		String lieuId = api.findLieuId("Service Info 16");
		var confirmed = coordinator.submit("/espace/fraicheur", "/espace/lieux/" + lieuId + "/confirmation", Map.of());
		assertThat(confirmed.statusCode()).isEqualTo(302);

		JsonNode after = indicator();
		assertThat(after.get("a_jour").asInt()).isEqualTo(1);
		assertThat(after.get("part").asDouble()).isEqualTo(Math.round(1000.0 / 171) / 1000.0);
		assertThat(jdbc.sql("select auteur from confirmation_lieu").query(String.class).single())
			.contains("coordinateur");
	}

	@Test
	void onlyThoseWhoMayEditALieuConfirmIt() throws Exception {
		String lieuId = api.get("/api/v1/lieux?taille=1").json().get("lieux").get(0).get("id").asString();
		WebSession rhone = WebSession.signedIn(port, jdbc, "coordinateur", "departement:69");
		assertThat(rhone.submit("/espace", "/espace/lieux/" + lieuId + "/confirmation", Map.of()).statusCode())
			.isEqualTo(403);
		assertThat(indicator().get("a_jour").asInt()).isZero();
		ApiClient.Response wrong = api.get("/api/v1/indicateurs/fraicheur?departement=rhone");
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(wrong.json().get("message").asString()).contains("numéro de département");
	}

}
