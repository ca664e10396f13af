package fr.maillage.territories;

import static fr.maillage.testing.ApiClient.encode;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import fr.maillage.testing.ApiClient;
import fr.maillage.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The administrative map as loaded from the COG 2026 extract. Expected counts are those
 * of {@code @etalab/decoupage-administratif} 6.0.0 (its JSON files, counted by type).
 */
@IntegrationTest
class TerritoriesIT {

	@LocalServerPort
	int port;

	@Autowired
	Territories territories;

	ApiClient api;

	@BeforeEach
	void client() {
		api = new ApiClient(port);
	}

	private List<String> hits(String query) {
		ApiClient.Response response = api.get("/api/v1/territoires/recherche?q=" + encode(query));
		assertThat(response.status()).as(query).isEqualTo(200);
		List<String> hits = new ArrayList<>();
		response.json()
			.get("resultats")
			.forEach(hit -> hits.add(hit.get("type").asString() + ":" + hit.get("code").asString()));
		return hits;
	}

	@Test
	void loadsEveryLevelOfThePackage() {
		assertThat(territories.countByLevel()).containsEntry("commune-actuelle", 34_969L)
			.containsEntry("commune-deleguee", 2_105L)
			.containsEntry("commune-associee", 471L)
			.containsEntry("arrondissement-municipal", 45L)
			.containsEntry("epci", 1_255L)
			.containsEntry("ept", 11L)
			.containsEntry("departement", 109L)
			.containsEntry("region", 26L);
	}

	@Test
	void findsCommunesByNamePrefixAndPostcodeWhateverTheAccents() {
		assertThat(hits("Villeurbanne")).first().isEqualTo("commune:69266");
		assertThat(hits("villeurb")).first().isEqualTo("commune:69266");
		assertThat(hits("69100")).first().isEqualTo("commune:69266");
		assertThat(hits("saint etienne")).first().isEqualTo("commune:42218");
	}

	@Test
	void findsIntercommunalitiesDepartementsAndTheirCollectivities() {
		assertThat(hits("Métropole de Lyon")).contains("epci:200046977", "departement:69M");
		assertThat(hits("Rhône")).first().isEqualTo("departement:69");
		assertThat(hits("Rhône")).contains("departement:69D");
		List<String> sixtyNine = hits("69");
		assertThat(sixtyNine).first().isEqualTo("departement:69");
		assertThat(sixtyNine.subList(1, 3)).containsExactlyInAnyOrder("departement:69D", "departement:69M");
		assertThat(sixtyNine.get(3)).isEqualTo("commune:69123");
		assertThat(hits("Auvergne")).first().isEqualTo("region:84");
	}

	@Test
	void disambiguatesHomonymsWithTheirDepartement() {
		JsonNode results = api.get("/api/v1/territoires/recherche?q=" + encode("Saint-Pierre") + "&limite=20")
			.json()
			.get("resultats");
		List<String> labels = new ArrayList<>();
		results.forEach(hit -> labels.add(hit.get("libelle").asString()));
		assertThat(labels).contains("Saint-Pierre (974)", "Saint-Pierre (972)");
		JsonNode reunion = api.get("/api/v1/territoires/recherche?q=" + encode("Saint-Pierre"))
			.json()
			.get("resultats")
			.get(0);
		assertThat(reunion.get("centre").get("lat").asDouble()).isNegative();
		assertThat(reunion.get("population").asLong()).isPositive();
	}

	@Test
	void answersACommuneWithItsParents() {
		JsonNode arbresle = api.get("/api/v1/territoires/epci/246900625/communes.geojson").json();
		assertThat(arbresle.get("features")).hasSize(ARBRESLE_COMMUNES);
		assertThat(feature(arbresle, "69010").get("properties").get("nom").asString()).isEqualTo("L'Arbresle");
		JsonNode alone = api.get("/api/v1/territoires/communes/69266.geojson").json();
		assertThat(alone.get("features")).hasSize(1);
		assertThat(feature(alone, "69266").get("geometry").get("type").asString()).isIn("Polygon", "MultiPolygon");
		assertThat(api.get("/api/v1/territoires/epci/123456789/communes.geojson").status()).isEqualTo(404);
		JsonNode villeurbanne = api.get("/api/v1/territoires/communes/69266").json();
		assertThat(villeurbanne.get("nom").asString()).isEqualTo("Villeurbanne");
		assertThat(villeurbanne.get("parents").get("epci").get("code").asString()).isEqualTo("200046977");
		assertThat(villeurbanne.get("parents").get("collectivite").get("code").asString()).isEqualTo("69M");
		assertThat(villeurbanne.get("parents").get("region").get("code").asString()).isEqualTo("84");
		assertThat(villeurbanne.get("codesPostaux").toString()).contains("69100");

		JsonNode saintDenis = api.get("/api/v1/territoires/communes/97411").json();
		assertThat(saintDenis.get("nom").asString()).isEqualTo("Saint-Denis");
		assertThat(saintDenis.get("parents").get("departement").get("code").asString()).isEqualTo("974");
	}

	@Test
	void resolvesTheArrondissementsOfParisLyonAndMarseille() {
		assertThat(api.get("/api/v1/territoires/communes/75056").json().get("membres").get("communes_deleguees"))
			.hasSize(20);
		JsonNode lyon3 = api.get("/api/v1/territoires/communes/69383").json();
		assertThat(lyon3.get("type").asString()).isEqualTo("arrondissement");
		assertThat(lyon3.get("parents").get("commune").get("code").asString()).isEqualTo("69123");
		assertThat(lyon3.get("parents").get("collectivite").get("code").asString()).isEqualTo("69M");
		assertThat(api.get("/api/v1/territoires/communes/13201")
			.json()
			.get("parents")
			.get("commune")
			.get("code")
			.asString()).isEqualTo("13055");
	}

	@Test
	void answersAFormerCommuneCodeWithTheCurrentCommune() {
		JsonNode commune = api.get("/api/v1/territoires/communes/01340").json();
		assertThat(commune.get("code").asString()).isEqualTo("01015");
		assertThat(commune.get("codeDemande").asString()).isEqualTo("01340");
		assertThat(commune.get("remarque").asString()).contains("ancien code");
	}

	@Test
	void modelsTheTwoCollectivitiesOfTheRhone() {
		JsonNode metropole = api.get("/api/v1/territoires/epci/200046977").json();
		assertThat(metropole.get("membres").get("communes")).hasSize(58);

		JsonNode rhone = api.get("/api/v1/territoires/departements/69D").json();
		assertThat(rhone.get("type").asString()).isEqualTo("collectivite");
		assertThat(rhone.get("membres").get("communes")).hasSize(208);
		assertThat(rhone.get("membres").get("epci")).hasSize(12);
		assertThat(rhone.get("parents").get("departement").get("code").asString()).isEqualTo("69");

		JsonNode m = api.get("/api/v1/territoires/departements/69M").json();
		assertThat(m.get("membres").get("communes")).hasSize(58);

		JsonNode whole = api.get("/api/v1/territoires/departements/69").json();
		assertThat(whole.get("membres").get("communes")).hasSize(266);
		assertThat(whole.get("membres").get("collectivites").toString()).isEqualTo("[\"69D\",\"69M\"]");
		assertThat(whole.get("population").asLong())
			.isEqualTo(rhone.get("population").asLong() + m.get("population").asLong());
		assertThat(whole.get("bbox")).hasSize(4);
	}

	@Test
	void answersRegionsAndUnknownCodes() {
		JsonNode region = api.get("/api/v1/territoires/regions/84").json();
		assertThat(region.get("nom").asString()).isEqualTo("Auvergne-Rhône-Alpes");
		assertThat(region.get("membres").get("departements")).hasSize(12);
		assertThat(api.get("/api/v1/territoires/communes/99999").status()).isEqualTo(404);
		assertThat(api.get("/api/v1/territoires/recherche?q=").status()).isEqualTo(400);
	}

	@Test
	void drawsDepartementsWithTheirContours() {
		ApiClient.Response response = api.get("/api/v1/territoires/departements.geojson");
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/geo+json"));
		JsonNode collection = response.json();
		assertThat(collection.get("features")).hasSize(109);
		assertThat(feature(collection, "69").get("geometry").get("type").asString()).isIn("Polygon", "MultiPolygon");
		assertThat(feature(collection, "974").get("geometry").get("type").asString()).isEqualTo("Point");
		assertThat(feature(collection, "69").get("properties").get("nom").asString()).isEqualTo("Rhône");
	}

	@Test
	void drawsTheCommunesOfTheRhoneMappedToTodaysCodes() {
		JsonNode rhone = api.get("/api/v1/territoires/departements/69/communes.geojson").json();
		assertThat(rhone.get("features")).hasSize(266);
		int withContour = 0;
		for (JsonNode commune : rhone.get("features")) {
			withContour += commune.get("properties").get("contour").asBoolean() ? 1 : 0;
		}
		assertThat(withContour).isEqualTo(266);
		assertThat(api.get("/api/v1/territoires/departements/69M/communes.geojson").json().get("features")).hasSize(58);
		assertThat(api.get("/api/v1/territoires/departements/99/communes.geojson").status()).isEqualTo(404);
		JsonNode arbresle = api.get("/api/v1/territoires/epci/246900625/communes.geojson").json();
		assertThat(arbresle.get("features")).hasSize(ARBRESLE_COMMUNES);
		assertThat(feature(arbresle, "69010").get("properties").get("nom").asString()).isEqualTo("L'Arbresle");
		JsonNode alone = api.get("/api/v1/territoires/communes/69266.geojson").json();
		assertThat(alone.get("features")).hasSize(1);
		assertThat(feature(alone, "69266").get("geometry").get("type").asString()).isIn("Polygon", "MultiPolygon");
		assertThat(api.get("/api/v1/territoires/epci/123456789/communes.geojson").status()).isEqualTo(404);
		JsonNode villeurbanne = api.get("/api/v1/territoires/communes/69266").json();
		assertThat(villeurbanne.get("bbox").get(0).asDouble()).isLessThan(villeurbanne.get("bbox").get(2).asDouble());
	}

	/** Members of the CC du Pays de l'Arbresle in the COG 2026. */
	private static final int ARBRESLE_COMMUNES = 17;

	private static JsonNode feature(JsonNode collection, String code) {
		for (JsonNode feature : collection.get("features")) {
			if (feature.get("properties").get("code").asString().equals(code)) {
				return feature;
			}
		}
		throw new AssertionError("no feature " + code);
	}

}
