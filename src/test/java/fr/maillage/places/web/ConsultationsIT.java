package fr.maillage.places.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import fr.maillage.testing.ApiClient;
import fr.maillage.testing.EmptyDirectoryApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * "Nombre de consultations": views of a place's page by people, per day, summed per
 * territory.
 */
class ConsultationsIT extends EmptyDirectoryApiTest {

	private static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";

	private static final String GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

	@Test
	void countsPeoplesVisitsPerPlaceAndPerTerritory() {
		api.importFile("test", "lieux.csv",
				("id,pivot,nom,commune,code_postal,code_insee,adresse,date_maj\n"
						+ "v1,00000000000000,La MIETE,Villeurbanne,69100,69266,150 rue du 4 Août 1789,2024-01-01\n"
						+ "p1,00000000000000,Espace Paris,Paris,75001,75101,1 rue de Rivoli,2024-01-01\n")
					.getBytes(StandardCharsets.UTF_8));
		String id = api.get("/api/v1/lieux?code_insee=69266").json().get("lieux").get(0).get("id").asString();

		for (int i = 0; i < 3; i++) {
			assertThat(api.getWithUserAgent("/lieux/" + id, FIREFOX).status()).isEqualTo(200);
		}
		api.getWithUserAgent("/lieux/" + id, GOOGLEBOT);
		api.get("/lieux/" + id);

		JsonNode perDay = api.get("/api/v1/lieux/" + id + "/consultations").json();
		assertThat(perDay.get("total").asLong()).isEqualTo(3);
		assertThat(perDay.get("jours")).hasSize(1);
		assertThat(perDay.get("jours").get(0).get("nombre").asLong()).isEqualTo(3);
		assertThat(LocalDate.parse(perDay.get("jours").get(0).get("jour").asString()))
			.isBetween(LocalDate.now().minusDays(1), LocalDate.now().plusDays(1));

		assertThat(api.get("/api/v1/consultations?departement=69").json().get("consultations").asLong()).isEqualTo(3);
		assertThat(api.get("/api/v1/consultations?epci=200046977").json().get("consultations").asLong()).isEqualTo(3);
		assertThat(api.get("/api/v1/consultations?departement=69D").json().get("consultations").asLong()).isZero();
		assertThat(api.get("/api/v1/consultations?departement=75").json().get("consultations").asLong()).isZero();
		assertThat(api.get("/api/v1/consultations?du=2020-01-01&au=2020-12-31").json().get("consultations").asLong())
			.isZero();
		ApiClient.Response wrongDate = api.get("/api/v1/consultations?du=hier");
		assertThat(wrongDate.status()).isEqualTo(400);
		assertThat(api.get("/api/v1/lieux/" + java.util.UUID.randomUUID() + "/consultations").status()).isEqualTo(404);
	}

}
