package fr.maillage.opendata.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import fr.maillage.testing.ApiClient;
import fr.maillage.testing.CleanDatabase;
import fr.maillage.testing.Fixtures;
import fr.maillage.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Producers' own exports through their declared connectors, on real rows. */
@IntegrationTest
class SourceConnectorsIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	ApiClient api;

	@BeforeEach
	void empty() {
		CleanDatabase.empty(jdbc);
		api = new ApiClient(port);
	}

	private ApiClient.Response run(String source, String fixture) {
		return api.postFile("/api/v1/sources/" + source + "/executions", Map.of(), fixture,
				Fixtures.bytes("fixtures/sources/" + fixture), ApiClient.ADMIN_TOKEN);
	}

	@Test
	void franceServicesSitesArriveWithTheirHoursInOsmSyntaxAndTheirScheme() {
		ApiClient.Response response = run("france-services", "france-services-2023-rhone-et-voisins.csv");
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		JsonNode report = response.json();
		assertThat(report.get("acceptees").asInt()).isEqualTo(159);
		assertThat(report.get("rejetees").asInt()).isZero();
		JsonNode deuxGrosnes = api.get("/api/v1/lieux?q=" + ApiClient.encode("France services Deux Grosnes"))
			.json()
			.get("lieux")
			.get(0);
		assertThat(deuxGrosnes.get("horaires").asString())
			.isEqualTo("Mo 08:30-12:15; Tu 08:30-12:15,14:00-16:15; We-Fr 08:30-12:15; Sa 09:00-12:00");
		assertThat(deuxGrosnes.get("dispositif_programmes_nationaux").toString()).contains("France Services");
		assertThat(deuxGrosnes.get("code_insee").asString()).isEqualTo("69135");
		assertThat(report.get("nouvelles").asInt()).isEqualTo(159);
		// a second run of the same file changes nothing and duplicates nothing
		JsonNode again = run("france-services", "france-services-2023-rhone-et-voisins.csv").json();
		assertThat(again.get("nouvelles").asInt()).isZero();
		assertThat(again.get("modifiees").asInt()).isZero();
		assertThat(again.get("inchangees").asInt()).isEqualTo(159);
		assertThat(jdbc.sql("select count(*) from lieu_source").query(Long.class).single()).isEqualTo(159);
		// the site changes its Saturday hours: one record changed, the others skipped
		String changed = new String(Fixtures.bytes("fixtures/sources/france-services-2023-rhone-et-voisins.csv"),
				java.nio.charset.StandardCharsets.UTF_8)
			.replace("08:30 - 12:15,09:00 - 12:00,", "08:30 - 12:15,09:30 - 12:00,");
		JsonNode third = api
			.postFile("/api/v1/sources/france-services/executions", Map.of(), "fs.csv",
					changed.getBytes(java.nio.charset.StandardCharsets.UTF_8), ApiClient.ADMIN_TOKEN)
			.json();
		assertThat(third.get("modifiees").asInt()).isEqualTo(1);
		assertThat(third.get("inchangees").asInt()).isEqualTo(158);
		assertThat(
				api.getAsAdmin("/api/v1/imports/" + third.get("importId").asString()).json().get("modifiees").asInt())
			.isOne();
	}

	@Test
	void aidantsConnectStructuresArePlacedAtTheirCommuneCentreAndInactiveOnesLeftOutWithTheReason() {
		JsonNode report = run("aidants-connect", "aidants-connect-structures-charente.csv").json();
		assertThat(report.get("lues").asInt()).isEqualTo(60);
		assertThat(report.get("rejetees").asInt()).isEqualTo(2);
		assertThat(report.get("rejets").toString()).contains("Is Active", "seules les lignes");
		assertThat(jdbc.sql("select count(*) from import_rejected_row").query(Long.class).single()).isEqualTo(2);
		JsonNode flep = api.get("/api/v1/lieux?q=" + ApiClient.encode("CSCS FLEP")).json().get("lieux").get(0);
		assertThat(flep.get("adresse").asString()).isEqualTo("9 boulevard Léon Blum");
		assertThat(flep.get("pivot").asString()).isEqualTo("78125600300034");
		assertThat(flep.get("code_insee").asString()).isEqualTo("16374");
		assertThat(jdbc.sql("select geocodage from lieu where nom = 'CSCS FLEP'").query(String.class).single())
			.isNotNull();
		// the export gives no date per record: unknown everywhere, never the import day
		assertThat(report.toString()).doesNotContain("date_maj");
		assertThat(jdbc.sql("select count(*) from lieu where date_maj is not null").query(Long.class).single())
			.isZero();
		assertThat(api.get("/lieux/" + flep.get("id").asString()).body()).contains("Date inconnue")
			.doesNotContain("Informations à vérifier");
		JsonNode indicator = api.get("/api/v1/indicateurs/fraicheur?departement=16").json();
		assertThat(indicator.get("lieux").asInt()).isPositive();
		assertThat(indicator.get("date_inconnue").asInt()).isEqualTo(indicator.get("lieux").asInt());
		assertThat(indicator.get("a_jour").asInt()).isZero();
		// the schema requires a date: exports give the placeholder importers read as
		// unknown
		assertThat(api.get("/api/v1/lieux/export.csv?departement=16").body()).contains("1970-01-01")
			.doesNotContain(java.time.LocalDate.now(java.time.ZoneId.of("Europe/Paris")).toString());
	}

	@Test
	void laPosteOfficesKeepTheLabelAndGetBackTheLeadingZeroTheirExportLost() {
		JsonNode report = run("la-poste-etapes-numeriques", "etapes-numerique-la-poste.json").json();
		assertThat(report.get("lues").asInt()).isEqualTo(95);
		assertThat(report.get("acceptees").asInt()).isEqualTo(95);
		assertThat(report.get("avertissements").toString()).contains("zéro initial perdu est rétabli");
		JsonNode bourg = api.get("/api/v1/lieux?q=" + ApiClient.encode("Bourg En Bresse Maginot BP"))
			.json()
			.get("lieux")
			.get(0);
		assertThat(bourg.get("code_postal").asString()).isEqualTo("01000");
		assertThat(bourg.get("code_insee").asString()).isEqualTo("01053");
		assertThat(bourg.get("pivot").asString()).isEqualTo("35600000063516");
		assertThat(bourg.get("formations_labels").toString()).contains("Étapes numériques(La Poste)");
	}

	@Test
	void runningASourceIsForTheAdministratorAndExplainsWhatIsMissing() {
		assertThat(api
			.postFile("/api/v1/sources/france-services/executions", Map.of(), "x.csv",
					Fixtures.bytes("fixtures/sources/france-services-2023-rhone-et-voisins.csv"), null)
			.status()).isEqualTo(401);
		assertThat(api.get("/api/v1/sources").body()).contains("france-services", "aidants-connect");
		ApiClient.Response unknown = api.postFile("/api/v1/sources/inconnue/executions", Map.of(), "x.csv",
				new byte[] { 'a' }, ApiClient.ADMIN_TOKEN);
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.body()).contains("Sources déclarées");
	}

	@Test
	void theChaBusStopsArriveFromTheirRawExportAsItinerantFranceServices() {
		JsonNode report = run("bus-france-services-charente", "bus-france-services-charente-brut.json").json();
		assertThat(report.get("acceptees").asInt()).isEqualTo(12);
		// the phone exported as a number, on every stop; one stop placed in Marseille
		// by the producer's geocoder
		assertThat(report.get("nombreAvertissements").asInt()).isEqualTo(14);
		JsonNode stops = api.get("/api/v1/lieux?itinerant=true&dispositifs=" + ApiClient.encode("France Services"))
			.json();
		assertThat(stops.get("total").asInt()).isEqualTo(12);
		JsonNode first = api.get("/api/v1/lieux?q=" + ApiClient.encode("Saint-Fraigne")).json().get("lieux").get(0);
		assertThat(first.get("pivot").asString()).isEqualTo("40109226700020");
		assertThat(first.get("telephone").asString()).isEqualTo("+33630392518");
		assertThat(first.get("code_postal").asString()).isEqualTo("16140");
		// schema 0.1 services and labels, translated
		assertThat(first.get("services").toString()).contains("Aide aux démarches administratives",
				"Insertion professionnelle via le numérique", "Accès internet et matériel informatique");
		assertThat(first.get("dispositif_programmes_nationaux").toString()).contains("France Services",
				"Conseillers numériques");
	}

	@Test
	void nouvelleCaledoniesFormExportArrivesWithStableIdsAndTranslatedLists() {
		JsonNode report = run("nouvelle-caledonie", "nouvelle-caledonie-brut.json").json();
		assertThat(report.get("acceptees").asInt()).isEqualTo(92);
		// every list value of the form is either translated or dropped on purpose
		// (nouvelle-caledonie.json)
		for (JsonNode warning : report.get("avertissements")) {
			assertThat(warning.get("message").asString()).as(warning.toString())
				.doesNotContain("Valeur inconnue du standard");
		}
		JsonNode riviereSalee = api.get("/api/v1/lieux?q=" + ApiClient.encode("Espace municipal de Rivière Salée"))
			.json()
			.get("lieux")
			.get(0);
		assertThat(riviereSalee.get("latitude").asDouble()).isEqualTo(-22.233939);
		assertThat(riviereSalee.get("longitude").asDouble()).isEqualTo(166.468099);
		assertThat(riviereSalee.get("services").toString()).contains("Accès internet et matériel informatique",
				"Maîtrise des outils numériques du quotidien", "Aide aux démarches administratives");
		assertThat(riviereSalee.get("frais_a_charge").toString()).contains("Gratuit");
		assertThat(riviereSalee.get("modalites_accompagnement").toString()).contains("En autonomie",
				"Accompagnement individuel");
		assertThat(riviereSalee.get("date_maj").asString()).isEqualTo("2023-11-05");
		// the form gives no ids: a second run finds the same records
		JsonNode again = run("nouvelle-caledonie", "nouvelle-caledonie-brut.json").json();
		assertThat(again.get("nouvelles").asInt()).isZero();
		assertThat(again.get("inchangees").asInt()).isEqualTo(92);
	}

	@Test
	void dataInclusionPublishesTheNationalSchemaAndIsImportedAsSuch() {
		ApiClient.Response response = api.postFile("/api/v1/sources/data-inclusion/executions", Map.of(),
				"data-inclusion-hauts-de-france.geojson", Fixtures.lieux("data-inclusion-hauts-de-france.geojson"),
				ApiClient.ADMIN_TOKEN);
		assertThat(response.status()).isEqualTo(201);
		// the same counts as the file imported through /api/v1/imports
		// (RealFilesImportIT)
		assertThat(response.json().get("acceptees").asInt()).isEqualTo(1741);
		assertThat(response.json().get("source").asString()).isEqualTo("data-inclusion");
	}

	@Test
	void eachRunIsRecordedWithItsCountsOrTheReasonItFailed() {
		JsonNode report = run("france-services", "france-services-2023-rhone-et-voisins.csv").json();
		String executionId = report.get("executionId").asString();

		JsonNode done = api.getAsAdmin("/api/v1/sources/france-services/executions/" + executionId).json();
		assertThat(done.get("statut").asString()).isEqualTo("terminee");
		assertThat(done.get("declenchement").asString()).isEqualTo("manuel");
		assertThat(done.get("lues").asInt()).isEqualTo(159);
		assertThat(done.get("importId").asString()).isEqualTo(report.get("importId").asString());
		assertThat(done.get("fin").isNull()).isFalse();
		long published = jdbc.sql("select count(*) from lieu").query(Long.class).single();

		// a file without the connector's columns: the run fails, says why, and changes
		// nothing
		ApiClient.Response failed = api.postFile("/api/v1/sources/france-services/executions", Map.of(), "autre.csv",
				"nom;ville\nMairie;Lyon\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), ApiClient.ADMIN_TOKEN);
		assertThat(failed.status()).isEqualTo(400);
		JsonNode runs = api.getAsAdmin("/api/v1/sources/france-services/executions").json();
		assertThat(runs).hasSize(2);
		assertThat(runs.get(0).get("statut").asString()).isEqualTo("echouee");
		assertThat(runs.get(0).get("message").asString()).isEqualTo(failed.json().get("message").asString());
		assertThat(jdbc.sql("select count(*) from lieu").query(Long.class).single()).isEqualTo(published);
		assertThat(api.get("/api/v1/sources/france-services/executions").status()).isEqualTo(401);
	}

	@Autowired
	fr.maillage.opendata.persistence.JdbcSourceRunRepository runs;

	@Autowired
	org.springframework.transaction.PlatformTransactionManager transactions;

	@Test
	void aRunsProgressIsVisibleToOthersWhileItsTransactionIsOpen() throws Exception {
		String id = runs.start("france-services", "manuel", java.time.Instant.now());
		new org.springframework.transaction.support.TransactionTemplate(transactions).executeWithoutResult(status -> {
			jdbc.sql("insert into import_run (id, import_source, file_format, started_at, finished_at, lues, "
					+ "acceptees, rejetees) values (gen_random_uuid(), 'x', 'csv', now(), now(), 0, 0, 0)")
				.update();
			runs.progress(id, "lecture", 5000);
			// another request, on another connection, while this transaction is open
			JsonNode seen = java.util.concurrent.CompletableFuture
				.supplyAsync(() -> api.getAsAdmin("/api/v1/sources/france-services/executions/" + id).json())
				.join();
			assertThat(seen.get("statut").asString()).isEqualTo("en_cours");
			assertThat(seen.get("etape").asString()).isEqualTo("lecture");
			assertThat(seen.get("lues").asInt()).isEqualTo(5000);
			status.setRollbackOnly();
		});
	}

}
