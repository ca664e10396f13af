package fr.maillage.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import fr.maillage.opendata.importing.SourceImport;
import fr.maillage.shared.geo.Coordinates;
import fr.maillage.testing.ApiClient;
import fr.maillage.testing.CleanDatabase;
import fr.maillage.testing.Fixtures;
import fr.maillage.testing.IntegrationTest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Coverage of the Rhône against the real Hinaura places and the real France Services
 * sites of the Rhône and its neighbours (written in the national schema here, as issue
 * 5's connector will do).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CoverageIT {

	private static final String DEMARCHES = "Aide aux démarches administratives";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SourceImport sourceImport;

	ApiClient api;

	@BeforeAll
	void importRealPlaces() throws IOException {
		CleanDatabase.empty(jdbc);
		Fixtures.importHinaura(sourceImport);
		byte[] franceServices = franceServicesInTheSchema();
		assertThat(sourceImport
			.importFile("france-services", "france-services.json",
					() -> new java.io.ByteArrayInputStream(franceServices))
			.acceptees()).isEqualTo(159);
		api = new ApiClient(port);
	}

	private static byte[] franceServicesInTheSchema() throws IOException {
		var json = JsonMapper.builder().build();
		ArrayNode records = json.createArrayNode();
		String csv = new String(Fixtures.bytes("fixtures/sources/france-services-2023-rhone-et-voisins.csv"),
				StandardCharsets.UTF_8);
		for (CSVRecord row : CSVFormat.RFC4180.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.get()
			.parse(new StringReader(csv))) {
			ObjectNode record = records.addObject();
			record.put("id", "fs-" + row.get("id_fs"));
			record.put("pivot", "00000000000000");
			record.put("nom", row.get("lib_fs"));
			record.put("adresse", row.get("adresse"));
			record.put("code_postal", row.get("code_postal"));
			record.put("code_insee", row.get("insee_com"));
			record.put("commune", row.get("lib_com"));
			record.put("latitude", Double.parseDouble(row.get("latitude")));
			record.put("longitude", Double.parseDouble(row.get("longitude")));
			record.put("date_maj", "2023-06-01");
			record.put("services", DEMARCHES);
			record.put("dispositif_programmes_nationaux", "France Services");
		}
		return json.writeValueAsBytes(records);
	}

	@Test
	void everyCommuneOfTheRhoneGetsTheExactDistanceToTheNearestPlace() {
		JsonNode rhone = api.get("/api/v1/couverture/departements/69?service=" + ApiClient.encode(DEMARCHES)).json();
		assertThat(rhone.get("communes")).hasSize(266);
		List<double[]> places = jdbc
			.sql("select latitude, longitude from lieu where latitude is not null and :service = any(services)")
			.param("service", DEMARCHES)
			.query((rs, row) -> new double[] { rs.getDouble(1), rs.getDouble(2) })
			.list();
		Map<String, double[]> centres = new java.util.HashMap<>();
		jdbc.sql("select code, latitude, longitude from commune where departement = '69' and type = 'commune-actuelle'")
			.query((rs, row) -> centres.put(rs.getString(1), new double[] { rs.getDouble(2), rs.getDouble(3) }))
			.list();
		List<String> withPlace = jdbc
			.sql("select distinct code_insee from lieu where :service = any(services) and code_insee is not null")
			.param("service", DEMARCHES)
			.query(String.class)
			.list();
		for (JsonNode commune : rhone.get("communes")) {
			String code = commune.get("code").asString();
			double distance = commune.get("distance_km").asDouble();
			if (withPlace.contains(code)) {
				assertThat(distance).as(code).isZero();
				assertThat(commune.get("palier").asString()).isEqualTo("couvert");
				continue;
			}
			Coordinates centre = new Coordinates(centres.get(code)[0], centres.get(code)[1]);
			double expected = places.stream()
				.mapToDouble(place -> centre.distanceKmTo(new Coordinates(place[0], place[1])))
				.min()
				.getAsDouble();
			assertThat(distance).as(code).isCloseTo(expected, within(0.006));
			String tier = distance <= 5 ? "couvert"
					: distance <= 10 ? "proche" : distance <= 15 ? "eloigne" : "zone_blanche";
			assertThat(commune.get("palier").asString()).as(code).isEqualTo(tier);
		}
	}

	@Test
	void aFranceServicesInTheCommuneCoversIt() {
		JsonNode rhone = api.get("/api/v1/couverture/departements/69?service=" + ApiClient.encode(DEMARCHES)).json();
		JsonNode deuxGrosnes = commune(rhone, "69135");
		assertThat(deuxGrosnes.get("distance_km").asDouble()).isZero();
		assertThat(deuxGrosnes.get("palier").asString()).isEqualTo("couvert");
		assertThat(deuxGrosnes.get("lieu_le_plus_proche").get("nom").asString())
			.isEqualTo("France services Deux Grosnes");
	}

	@Test
	void summarisesTiersAndListsFarCommunesAsPriorities() {
		JsonNode rhone = api.get("/api/v1/couverture/departements/69").json();
		assertThat(rhone.get("service").asString()).isEqualTo("tout service");
		JsonNode summary = rhone.get("synthese");
		int communes = 0;
		long population = 0;
		for (JsonNode tier : summary.get("paliers")) {
			communes += tier.get("communes").asInt();
			population += tier.get("population").asLong();
		}
		assertThat(communes).isEqualTo(266);
		assertThat(population).isEqualTo(summary.get("population").asLong())
			.isEqualTo(jdbc
				.sql("select sum(population) from commune where departement = '69' and type = 'commune-actuelle'")
				.query(Long.class)
				.single());
		long placesInRhone = jdbc.sql("""
				select count(*) from lieu l join commune c on c.code = l.code_insee and c.type = 'commune-actuelle'
				where c.departement = '69' and l.latitude is not null""").query(Long.class).single();
		assertThat(summary.get("lieux").asLong()).isEqualTo(placesInRhone);
		assertThat(summary.get("lieux_pour_10000_habitants").asDouble())
			.isCloseTo(placesInRhone * 10000.0 / summary.get("population").asLong(), within(0.01));
		for (JsonNode priority : rhone.get("priorites")) {
			assertThat(priority.get("palier").asString()).isIn("eloigne", "zone_blanche");
		}
		long far = 0;
		for (JsonNode commune : rhone.get("communes")) {
			far += commune.get("palier").asString().matches("eloigne|zone_blanche") ? 1 : 0;
		}
		assertThat(rhone.get("priorites")).hasSize((int) far);
	}

	@Test
	void suggestsWhereToOpenAndSaysWhatItWouldChange() {
		ApiClient.Response response = api.postJson("/api/v1/couverture/suggestions",
				"{\"departement\": \"69\", \"service\": \"" + DEMARCHES + "\", \"nombre\": 3, \"rayon_km\": 5}");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode result = response.json();
		assertThat(result.get("suggestions")).hasSize(3);
		assertThat(result.get("ponderation").asString()).isEqualTo("population");
		long gained = 0;
		for (JsonNode suggestion : result.get("suggestions")) {
			assertThat(suggestion.get("population_nouvellement_couverte").asLong()).isPositive();
			gained += suggestion.get("population_nouvellement_couverte").asLong();
		}
		// what is newly within 5 km is now "couvert"
		long coveredBefore = result.get("avant").get("couvert").get("population").asLong();
		long coveredAfter = result.get("apres").get("couvert").get("population").asLong();
		assertThat(coveredAfter).isEqualTo(coveredBefore + gained);
		assertThat(result.get("methode").asString()).contains("1 − 1/e");

		assertThat(api.postJson("/api/v1/couverture/suggestions", "{\"departement\": \"69\", \"nombre\": 500}").body())
			.contains("entre 1 et 50");
		assertThat(api.get("/api/v1/couverture/departements/69?service=Cuisine").body()).contains("Service inconnu");
	}

	@Test
	void coversAnEpciToo() {
		JsonNode ccpa = api.get("/api/v1/couverture/epci/246900625").json();
		assertThat(ccpa.get("communes")).hasSize(17);
		ApiClient.Response csv = api.get("/api/v1/couverture/epci/246900625.csv");
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.body().split("\r\n")).hasSize(18);
		assertThat(csv.body()).contains("L'Arbresle");
		assertThat(ccpa.get("niveau").asString()).isEqualTo("epci");
	}

	@Test
	void sortsTheCommunesByNameInFrenchOrderAndFiltersThemByTier() {
		JsonNode byName = api.get("/api/v1/couverture/departements/69?tri=nom").json();
		List<String> names = new ArrayList<>();
		byName.get("communes").forEach(commune -> names.add(commune.get("nom").asString()));
		assertThat(names).hasSize(266);
		java.text.Collator french = java.text.Collator.getInstance(java.util.Locale.FRENCH);
		french.setStrength(java.text.Collator.PRIMARY);
		assertThat(names).isSortedAccordingTo(french);
		// accents ignored: « Écully » among the E, not after « Yzeron » as by code points
		assertThat(names.indexOf("Écully")).isGreaterThan(names.indexOf("Dracé")).isLessThan(names.indexOf("Fleurie"));
		assertThat(names.get(names.size() - 1)).isNotEqualTo("Écully");
		// the nearest place names its commune
		JsonNode withPlaceElsewhere = null;
		for (JsonNode commune : byName.get("communes")) {
			JsonNode place = commune.get("lieu_le_plus_proche");
			if (place != null && !place.isNull()
					&& !place.get("code_insee").asString().equals(commune.get("code").asString())) {
				withPlaceElsewhere = commune;
				break;
			}
		}
		assertThat(withPlaceElsewhere).isNotNull();
		String placeCommune = withPlaceElsewhere.get("lieu_le_plus_proche").get("commune").asString();
		assertThat(placeCommune).isNotBlank().isNotEqualTo(withPlaceElsewhere.get("nom").asString());

		for (String tier : List.of("couvert", "proche", "eloigne", "zone_blanche")) {
			JsonNode filtered = api.get("/api/v1/couverture/departements/69?palier=" + tier).json();
			assertThat(filtered.get("communes")).as(tier)
				.hasSize(filtered.get("synthese").get("paliers").get(tier).get("communes").asInt());
			filtered.get("communes").forEach(commune -> assertThat(commune.get("palier").asString()).isEqualTo(tier));
			// the summary stays the whole département's
			assertThat(filtered.get("synthese").get("communes").asInt()).isEqualTo(266);
		}
		ApiClient.Response unknown = api.get("/api/v1/couverture/departements/69?palier=loin");
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.json().get("code").asString()).isEqualTo("palier_inconnu");
		assertThat(unknown.json().get("message").asString()).contains("couvert, proche, eloigne, zone_blanche");
		assertThat(api.get("/api/v1/couverture/epci/246900625?tri=hasard").json().get("code").asString())
			.isEqualTo("tri_inconnu");
	}

	@Test
	void suggestsSitesInAnEpciAndSaysWhy() {
		ApiClient.Response response = api.postJson("/api/v1/couverture/suggestions",
				"{\"epci\": \"246900625\", \"service\": \"" + DEMARCHES + "\", \"nombre\": 2, \"rayon_km\": 5}");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode result = response.json();
		assertThat(result.get("niveau").asString()).isEqualTo("epci");
		assertThat(result.get("code").asString()).isEqualTo("246900625");
		assertThat(result.get("departement").isNull()).isTrue();
		List<String> members = new ArrayList<>();
		api.get("/api/v1/couverture/epci/246900625")
			.json()
			.get("communes")
			.forEach(c -> members.add(c.get("code").asString()));
		assertThat(result.get("suggestions")).isNotEmpty();
		for (JsonNode suggestion : result.get("suggestions")) {
			assertThat(members).contains(suggestion.get("code").asString());
			suggestion.get("communes_atteintes").forEach(code -> assertThat(members).contains(code.asString()));
			long gained = suggestion.get("population_nouvellement_couverte").asLong();
			String firstReason = suggestion.get("raisons").get(0).asString();
			assertThat(firstReason)
				.contains(String.format(java.util.Locale.FRANCE, "%,d", gained)
					.replace(' ', '\u202f')
					.replace('\u00a0', '\u202f') + " habitants de ")
				.contains("à moins de 5 km");
			assertThat(suggestion.get("raisons").toString()).contains("Fragilité numérique des communes atteintes");
		}
		ApiClient.Response neither = api.postJson("/api/v1/couverture/suggestions", "{\"nombre\": 2}");
		assertThat(neither.status()).isEqualTo(400);
		assertThat(neither.json().get("message").asString()).contains("« epci »");
		assertThat(api.postJson("/api/v1/couverture/suggestions", "{\"departement\": \"69\", \"epci\": \"246900625\"}")
			.json()
			.get("code")
			.asString()).isEqualTo("territoire_en_double");
		assertThat(api.postJson("/api/v1/couverture/suggestions", "{\"epci\": \"123456789\"}").status()).isEqualTo(404);
	}

	@Test
	void favouringZonesBlanchesPutsTheSitesThatReachThemFirst() {
		// a service few places offer leaves zones blanches in the Rhône
		String service = null;
		for (MediationServiceLabel label : MediationServiceLabel.all()) {
			JsonNode coverage = api.get("/api/v1/couverture/departements/69?service=" + ApiClient.encode(label.text()))
				.json();
			if (coverage.get("synthese").get("paliers").get("zone_blanche").get("communes").asInt() > 2) {
				service = label.text();
				break;
			}
		}
		assertThat(service).as("a service with zones blanches in the Rhône").isNotNull();
		String body = "{\"departement\": \"69\", \"service\": \"" + service + "\", \"nombre\": 6, \"rayon_km\": 5";
		JsonNode favoured = api
			.postJson("/api/v1/couverture/suggestions", body + ", \"favoriser_zones_blanches\": true}")
			.json();
		JsonNode plain = api.postJson("/api/v1/couverture/suggestions", body + "}").json();
		assertThat(favoured.get("favoriser_zones_blanches").asBoolean()).isTrue();
		assertThat(plain.get("favoriser_zones_blanches").asBoolean()).isFalse();
		assertThat(favoured.get("suggestions").get(0).get("population_en_zone_blanche").asLong()).isPositive();
		assertThat(favoured.get("suggestions").get(0).get("raisons").toString()).contains("en zone blanche");
		// the rule: once a site reaches no zone blanche, no later one does
		boolean reachedNone = false;
		for (JsonNode suggestion : favoured.get("suggestions")) {
			long zoneBlanche = suggestion.get("population_en_zone_blanche").asLong();
			assertThat(reachedNone && zoneBlanche > 0).as(suggestion.toString()).isFalse();
			reachedNone |= zoneBlanche == 0;
		}
		long zoneBlancheFavoured = 0;
		long zoneBlanchePlain = 0;
		for (int i = 0; i < Math.min(favoured.get("suggestions").size(), plain.get("suggestions").size()); i++) {
			zoneBlancheFavoured += favoured.get("suggestions").get(i).get("population_en_zone_blanche").asLong();
			zoneBlanchePlain += plain.get("suggestions").get(i).get("population_en_zone_blanche").asLong();
		}
		assertThat(zoneBlancheFavoured).isGreaterThanOrEqualTo(zoneBlanchePlain);
	}

	/** The standard's service labels. */
	private record MediationServiceLabel(String text) {

		static List<MediationServiceLabel> all() {
			return java.util.Arrays.stream(fr.maillage.places.vocabulary.MediationService.values())
				.map(service -> new MediationServiceLabel(service.label()))
				.toList();
		}

	}

	private static JsonNode commune(JsonNode coverage, String code) {
		List<JsonNode> found = new ArrayList<>();
		coverage.get("communes").forEach(commune -> {
			if (commune.get("code").asString().equals(code)) {
				found.add(commune);
			}
		});
		return found.get(0);
	}

}
