package fr.maillage.opendata.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import fr.maillage.testing.ApiClient;
import fr.maillage.testing.CleanDatabase;
import fr.maillage.testing.Fixtures;
import fr.maillage.testing.IntegrationTest;
import fr.maillage.testing.TableSchemaValidator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The producer file for the national aggregation (issue 19, part 6): one territory's
 * lieux, valid against the official schema v1.0.2, named
 * {@code <AAAAMMJJ>_<siren>_lieux-de-mediation-numerique_<territoire>.csv}.
 */
@IntegrationTest
class ProducerFileIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aTerritorysFileIsNamedAsTheNationalPipelineExpects() {
		CleanDatabase.empty(jdbc);
		ApiClient api = new ApiClient(port);
		api.importFile("charente", "charente.json", Fixtures.lieux(Fixtures.CHARENTE));
		ApiClient.Response file = api.get("/api/v1/lieux/export-producteur.csv?departement=16&siren=221600016");
		assertThat(file.status()).isEqualTo(200);
		String today = LocalDate.now(ZoneId.of("Europe/Paris")).format(DateTimeFormatter.BASIC_ISO_DATE);
		assertThat(file.headers().firstValue("Content-Disposition").orElse(""))
			.isEqualTo("attachment; filename=\"" + today + "_221600016_lieux-de-mediation-numerique_charente.csv\"");
		TableSchemaValidator schema = new TableSchemaValidator(
				new String(Fixtures.bytes("fixtures/schema/v1.0.2/schema.json"), StandardCharsets.UTF_8));
		assertThat(schema.validate(file.body())).isEmpty();
		long lieux = jdbc.sql("select count(*) from lieu where departement = '16'").query(Long.class).single();
		assertThat(file.body().lines().filter(line -> line.startsWith("\"")).count()).isGreaterThanOrEqualTo(lieux);
		assertThat(ProducerFileController.slug("Métropole de Lyon")).isEqualTo("metropole-de-lyon");
		assertThat(ProducerFileController.slug("Provence-Alpes-Côte d'Azur")).isEqualTo("provence-alpes-cote-d-azur");
	}

	@Test
	void withoutSirenOrWithSeveralTerritoriesItSaysWhy() {
		ApiClient api = new ApiClient(port);
		for (String query : List.of("departement=16", "departement=16&siren=12", "siren=221600016",
				"departement=16&region=75&siren=221600016", "departement=16&departement=17&siren=221600016",
				"departement=00&siren=221600016")) {
			ApiClient.Response response = api.get("/api/v1/lieux/export-producteur.csv?" + query);
			assertThat(response.status()).as(query).isEqualTo(400);
			assertThat(response.json().get("message").asString()).as(query).isNotBlank();
		}
	}

}
