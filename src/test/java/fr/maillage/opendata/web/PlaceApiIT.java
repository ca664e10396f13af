package fr.maillage.opendata.web;

import static fr.maillage.testing.ApiClient.encode;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import fr.maillage.testing.ApiClient;
import fr.maillage.testing.CleanDatabase;
import fr.maillage.testing.Fixtures;
import fr.maillage.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Search filters of {@code GET /api/v1/lieux} on the 687 real Hinaura places. Expected
 * totals were counted independently on the source file (v0.1 values counted through the
 * documented v0.1 → v1 table).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlaceApiIT {

	private static final String ADMIN = encode("Aide aux démarches administratives");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	ApiClient api;

	@BeforeAll
	void importHinaura() {
		api = new ApiClient(port);
		CleanDatabase.empty(jdbc);
		api.importFile("hinaura", "hinaura.json", Fixtures.bytes("demo/hinaura-lieux-auvergne-rhone-alpes.json"));
	}

	private long total(String query) {
		ApiClient.Response response = api.get("/api/v1/lieux?" + query);
		assertThat(response.status()).as(query).isEqualTo(200);
		return response.json().get("total").asLong();
	}

	@Test
	void listsEverythingByPagesOfFiftyByDefault() {
		JsonNode page = api.get("/api/v1/lieux").json();
		// the file's 687 records publish 674 lieux: 13 records are another record of the
		// same place
		// (DirectoryMergeIT); every count below is of published lieux
		assertThat(page.get("total").asInt()).isEqualTo(674);
		assertThat(page.get("page").asInt()).isEqualTo(1);
		assertThat(page.get("taille").asInt()).isEqualTo(50);
		assertThat(page.get("lieux")).hasSize(50);
		JsonNode last = api.get("/api/v1/lieux?page=14&taille=50").json();
		assertThat(last.get("lieux")).hasSize(24);
		assertThat(api.get("/api/v1/lieux?page=15").json().get("lieux")).isEmpty();
		assertThat(api.get("/api/v1/lieux?page=15").json().get("total").asInt()).isEqualTo(674);
	}

	@Test
	void searchesNamesAndCommunesIgnoringAccentsAndCase() {
		assertThat(total("q=VILLEURBANNE")).isEqualTo(4);
		assertThat(total("q=" + encode("médiathèque"))).isEqualTo(80);
		assertThat(total("q=mediatheque")).isEqualTo(80);
		assertThat(total("q=" + encode("maison services"))).isEqualTo(18);
	}

	@Test
	void filtersByPostcodeDepartementAndInseeCode() {
		assertThat(total("code_postal=69100")).isEqualTo(4);
		assertThat(total("departement=69")).isEqualTo(48);
		assertThat(total("departement=69&departement=74")).isEqualTo(195);
		assertThat(total("departement=" + encode("69|74"))).isEqualTo(195);
		// Hinaura gives no INSEE codes: they are derived from postcode and commune name
		// at import
		assertThat(total("code_insee=69266")).isEqualTo(4);
	}

	@Test
	void filtersByIntercommunalityRegionAndTheCollectivitiesOfTheRhone() {
		// counted on the source file with the same derivation, against the COG 2026
		// extract
		assertThat(total("epci=200046977")).isEqualTo(29);
		assertThat(total("departement=69M")).isEqualTo(29);
		assertThat(total("departement=69D")).isEqualTo(19);
		assertThat(total("departement=" + encode("69D|69M"))).isEqualTo(48);
		assertThat(total("region=84")).isEqualTo(652);
		assertThat(total("region=84&epci=200046977")).isEqualTo(29);
		ApiClient.Response unknown = api.get("/api/v1/lieux?epci=123");
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.json().get("message").asString()).contains("Territoire inconnu pour « epci »");
	}

	@Test
	void filtersByTheStandardsVocabularies() {
		assertThat(total("services=" + ADMIN)).isEqualTo(398);
		assertThat(total("services=" + encode("aide aux demarches administratives"))).isEqualTo(398);
		assertThat(total("services=" + ADMIN + "&services=" + encode("Accès internet et matériel informatique")))
			.isEqualTo(645);
		assertThat(total("publics=Seniors")).isEqualTo(555);
		assertThat(total("prise_en_charge=" + encode("Surdité"))).isEqualTo(168);
		// 101 "Payant : …" and 94 "Adhésion : …" in the file, which v0.1 → v1 maps to
		// Payant (192 lieux once
		// merged)
		assertThat(total("frais=Payant")).isEqualTo(192);
		assertThat(total("modalites_accompagnement=" + encode("Dans un atelier collectif"))).isEqualTo(387);
		assertThat(total("departement=69&services=" + ADMIN + "&publics=Seniors")).isEqualTo(24);
	}

	@Test
	void searchesAroundAPointSortedByDistance() {
		JsonNode page = api.get("/api/v1/lieux?lat=45.7578&lon=4.8320&rayon_km=5").json();
		assertThat(page.get("total").asInt()).isEqualTo(10);
		List<Double> distances = new ArrayList<>();
		page.get("lieux").forEach(lieu -> distances.add(lieu.get("distance_km").asDouble()));
		assertThat(distances).isSorted().allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(5.0));
		assertThat(page.get("lieux").get(0).get("nom").asString()).isEqualTo("Interventions Numériques");
		assertThat(distances.get(0)).isCloseTo(1.605, org.assertj.core.data.Offset.offset(0.002));
		assertThat(total("lat=45.7578&lon=4.8320&rayon_km=5&services=" + ADMIN)).isEqualTo(4);
		assertThat(total("lat=45.7578&lon=4.8320&rayon_km=1")).isZero();
	}

	@Test
	void pagesAroundAPointFollowOneAnotherInDistanceOrder() {
		String around = "/api/v1/lieux?lat=45.7578&lon=4.8320&rayon_km=5";
		List<String> all = ids(api.get(around).json());
		assertThat(all).hasSize(10);
		List<String> paged = new ArrayList<>();
		for (int page = 1; page <= 3; page++) {
			JsonNode answer = api.get(around + "&taille=4&page=" + page).json();
			assertThat(answer.get("total").asInt()).isEqualTo(10);
			paged.addAll(ids(answer));
		}
		assertThat(paged).isEqualTo(all);
		JsonNode beyond = api.get(around + "&taille=4&page=4").json();
		assertThat(beyond.get("total").asInt()).isEqualTo(10);
		assertThat(beyond.get("lieux")).isEmpty();
	}

	@Test
	void aSearchAroundAPointSeesWhatAnotherInstancePublished() {
		String around = "lat=45.7578&lon=4.8320&rayon_km=1";
		assertThat(total(around)).isZero();
		String id = api.get("/api/v1/lieux?q=abondance").json().get("lieux").get(0).get("id").asString();
		double[] before = jdbc.sql("select latitude, longitude from lieu where id = cast(:id as uuid)")
			.param("id", id)
			.query((rs, row) -> new double[] { rs.getDouble(1), rs.getDouble(2) })
			.single();
		try {
			// what a publication in another instance commits: the lieu and a new token
			moveAndPublish(id, 45.7580, 4.8322);
			assertThat(total(around)).isEqualTo(1);
		}
		finally {
			moveAndPublish(id, before[0], before[1]);
		}
		assertThat(total(around)).isZero();
	}

	private void moveAndPublish(String id, double latitude, double longitude) {
		jdbc.sql("update lieu set latitude = :latitude, longitude = :longitude where id = cast(:id as uuid)")
			.param("latitude", latitude)
			.param("longitude", longitude)
			.param("id", id)
			.update();
		jdbc.sql("update annuaire_version set jeton = gen_random_uuid()").update();
	}

	private static List<String> ids(JsonNode page) {
		List<String> ids = new ArrayList<>();
		page.get("lieux").forEach(lieu -> ids.add(lieu.get("id").asString()));
		return ids;
	}

	@Test
	void answersEachPlaceWithTheSchemasFieldNamesAndListsAsArrays() {
		JsonNode lieu = api.get("/api/v1/lieux?q=abondance").json().get("lieux").get(0);
		assertThat(lieu.get("nom").asString()).isEqualTo("MAISON DE SERVICES AU PUBLIC D'ABONDANCE");
		assertThat(lieu.get("code_postal").asString()).isEqualTo("74360");
		assertThat(lieu.get("services").isArray()).isTrue();
		assertThat(lieu.get("date_maj").asString()).isEqualTo("2021-05-05");
		JsonNode same = api.get("/api/v1/lieux/" + lieu.get("id").asString()).json();
		JsonNode opening = same.get("ouverture");
		assertThat(opening.get("statut").asString()).isIn("ouvert", "ferme");
		assertThat(opening.get("texte").asString()).matches("(Ouvert|Fermé).*");
		assertThat(opening.get("semaine").get(1).toString())
			.isEqualTo("{\"jour\":\"Mardi\",\"plages\":[\"9:00 – 12:00\",\"14:00 – 17:00\"]}");
		((tools.jackson.databind.node.ObjectNode) same).remove("ouverture");
		assertThat(same).isEqualTo(lieu);
	}

	@Test
	void answersAnUnknownPlaceWithAJson404() {
		ApiClient.Response response = api.get("/api/v1/lieux/inconnu");
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.json().get("message").asString()).contains("inconnu");
	}

	@Test
	void explainsEveryWrongParameterInFrench() {
		ApiClient.Response unknownService = api.get("/api/v1/lieux?services=Cuisine");
		assertThat(unknownService.status()).isEqualTo(400);
		assertThat(unknownService.json().get("message").asString()).contains("Valeur inconnue pour « services »")
			.contains("Aide aux démarches administratives");
		assertThat(api.get("/api/v1/lieux?taille=501").json().get("message").asString()).contains("500");
		assertThat(api.get("/api/v1/lieux?lat=45.7").json().get("message").asString()).contains("« lat » et « lon »");
		assertThat(api.get("/api/v1/lieux?lat=45.7&lon=abc").status()).isEqualTo(400);
		assertThat(api.get("/api/v1/lieux?page=0").status()).isEqualTo(400);
	}

}
