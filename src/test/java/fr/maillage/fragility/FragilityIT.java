package fr.maillage.fragility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
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

/**
 * The IFN through its API, on invented values for five communes of the CC du Pays de
 * l'Arbresle (fixtures/fragilite, made up so every figure can be computed by hand; COG
 * 2026 populations: L'Arbresle 6 537, Bibost 538, Chevinay 580, Lentilly 6 623, Sarcey
 * 980).
 */
@IntegrationTest
class FragilityIT {

	private static final String IMPORTS = "/api/v1/fragilite/imports";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	ApiClient api;

	@BeforeEach
	void emptyInputs() {
		CleanDatabase.empty(jdbc);
		api = new ApiClient(port);
	}

	private JsonNode importFixture(String name) {
		ApiClient.Response response = api.postFile(IMPORTS, Map.of(), name,
				Fixtures.bytes("fixtures/fragilite/" + name), ApiClient.ADMIN_TOKEN);
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json();
	}

	@Test
	void communesMergedSinceTheFileWasMadeBecomeTheirCurrentCommuneWithAWarningEach() {
		// invented scores in the published file's format; Oullins and Pierre-Bénite are
		// 69149 since 2024, Béon joined Culoz (01138); 01018 has no known population
		JsonNode report = importFixture("scores-publies-fusions-invente.csv");

		assertThat(report.get("lues").asInt()).isEqualTo(9);
		assertThat(report.get("acceptees").asInt()).isEqualTo(8);
		assertThat(report.get("rejets")).hasSize(1);
		assertThat(report.get("rejets").get(0).toString()).contains("\"ligne\":9", "69149", "déjà donné ligne 3");
		JsonNode warnings = report.get("avertissements");
		assertThat(warnings).hasSize(3);
		JsonNode oullins = warnings.get(0);
		assertThat(oullins.get("commune").asString()).isEqualTo("69149");
		assertThat(oullins.get("anciens_codes").toString()).isEqualTo("[\"69149\",\"69152\"]");
		assertThat(oullins.get("ponderation").asString()).isEqualTo("population");
		// last known populations (2023): Oullins 26 994, Pierre-Bénite 10 508
		assertThat(oullins.get("poids").get("69149").asDouble()).isCloseTo(26994 / 37502.0, within(1e-9));
		assertThat(oullins.get("lignes").toString()).isEqualTo("[3,4]");
		assertThat(oullins.get("message").asString()).contains("Communes fusionnées", "69149 Oullins",
				"69152 Pierre-Bénite", "poids 72 %", "poids 28 %", "dernière population connue");
		assertThat(warnings.get(1).get("commune").asString()).isEqualTo("01138");
		JsonNode unknownPopulation = warnings.get(2);
		assertThat(unknownPopulation.get("commune").asString()).isEqualTo("01033");
		assertThat(unknownPopulation.get("ponderation").asString()).isEqualTo("egale");
		assertThat(unknownPopulation.get("message").asString()).contains("population inconnue", "à poids égaux");

		JsonNode merged = api.get("/api/v1/fragilite/commune/69149").json();
		assertThat(merged.get("origine").asString()).isEqualTo("scores_publies");
		assertThat(merged.get("score").asDouble()).isEqualTo(round((26994 * 4.0 + 10508 * 7.0) / 37502));
		assertThat(merged.get("indicateurs").get("non_couverture_thd").asDouble())
			.isEqualTo(round((26994 * 2.0 + 10508 * 8.0) / 37502));
		// Béon 439, Culoz 2 987
		assertThat(api.get("/api/v1/fragilite/commune/01138").json().get("score").asDouble())
			.isEqualTo(round((439 * 5.0 + 2987 * 9.0) / 3426));
		assertThat(api.get("/api/v1/fragilite/commune/01033").json().get("score").asDouble()).isEqualTo(5.0);
	}

	private static double round(double value) {
		return Math.round(value * 100) / 100.0;
	}

	@Test
	void importsIndicatorValuesAndReportsEveryValueLeftOut() {
		JsonNode report = importFixture("indicateurs-ccpa-invente.csv");
		assertThat(report.get("type").asString()).isEqualTo("indicateurs");
		assertThat(report.get("lues").asInt()).isEqualTo(6);
		assertThat(report.get("acceptees").asInt()).isEqualTo(5);
		assertThat(report.get("rejetees").asInt()).isEqualTo(1);
		assertThat(report.get("colonnes_ignorees").toString()).contains("colonne_inconnue");
		assertThat(report.get("rejets")).hasSize(2);
		assertThat(report.get("rejets").get(0).toString()).contains("\"ligne\":6", "99999", "Commune inconnue");
		assertThat(report.get("rejets").get(1).toString()).contains("\"ligne\":7", "taux_pauvrete", "abc",
				"entre 0 et 100");
	}

	@Test
	void scoresACommuneByRankOnEachIndicatorThenTheMean() {
		importFixture("indicateurs-ccpa-invente.csv");
		JsonNode arbresle = api.get("/api/v1/fragilite/commune/69010").json();
		// poverty 10 among {5, 10, 20, 30}: 2/4 -> 5; 65+ 20 among {15, 20, 22, 25, 30}:
		// 2/5 -> 4; THD 5 among {2, 5, 10, 40, 60}: 2/5 -> 4; no 4G nor diploma value
		assertThat(arbresle.get("indicateurs").get("taux_pauvrete").asDouble()).isEqualTo(5.0);
		assertThat(arbresle.get("indicateurs").get("part_65_ans_et_plus").asDouble()).isEqualTo(4.0);
		assertThat(arbresle.get("indicateurs").get("non_couverture_thd").asDouble()).isEqualTo(4.0);
		assertThat(arbresle.get("indicateurs").has("non_couverture_4g")).isFalse();
		assertThat(arbresle.get("score").asDouble()).isEqualTo(4.33);
		assertThat(arbresle.get("contexte").get("taux_chomage").asDouble()).isEqualTo(8.5);
		assertThat(arbresle.get("methode").asString()).isEqualTo("v3");
		assertThat(arbresle.get("variante").asString()).isEqualTo("tout_age");
		assertThat(arbresle.get("base").asString()).isEqualTo("france");
		assertThat(arbresle.get("origine").asString()).isEqualTo("calcule");
		assertThat(arbresle.get("population").asLong()).isEqualTo(6537);
		// Sarcey's poverty value was refused: its score is the mean of the two others
		assertThat(api.get("/api/v1/fragilite/commune/69173").json().get("score").asDouble()).isEqualTo(6.0);
	}

	@Test
	void anEpciScoreIsThePopulationWeightedMeanOfItsCommunes() {
		importFixture("indicateurs-ccpa-invente.csv");
		JsonNode ccpa = api.get("/api/v1/fragilite/epci/246900625").json();
		double expected = (6537 * 13 / 3.0 + 538 * 26 / 3.0 + 580 * 28 / 3.0 + 6623 * 7 / 3.0 + 980 * 6.0)
				/ (6537 + 538 + 580 + 6623 + 980);
		assertThat(ccpa.get("score").asDouble()).isCloseTo(expected, within(0.005));
		assertThat(ccpa.get("communes_sans_score").asInt()).isEqualTo(12);
		assertThat(ccpa.get("nom").asString()).isEqualTo("CC du Pays de l'Arbresle (CCPA)");
		JsonNode rhone = api.get("/api/v1/fragilite/departement/69").json();
		assertThat(rhone.get("score").asDouble()).isCloseTo(expected, within(0.005));
	}

	@Autowired
	FragilityIndexes indexes;

	@Test
	void irisValuesMakeTheirCommunesValueWeightedByIrisPopulation() {
		byte[] iris = """
				code_iris,population,taux_chomage,taux_pauvrete
				692660101,1000,10,12
				692660102,3000,30,
				692669999,abc,20,
				""".getBytes(StandardCharsets.UTF_8);
		JsonNode report = api.postFile(IMPORTS, Map.of(), "iris.csv", iris, ApiClient.ADMIN_TOKEN).json();
		assertThat(report.get("acceptees").asInt()).isEqualTo(3);
		assertThat(report.get("rejets").toString()).contains("Population attendue");
		JsonNode villeurbanne = api.get("/api/v1/fragilite/commune/69266").json();
		// (1000 x 10 + 3000 x 30 + 1 x 20) / 4001: an IRIS without population counts as
		// one person
		assertThat(villeurbanne.get("contexte").get("taux_chomage").asDouble()).isEqualTo(25.0);
		// poverty known for one IRIS only: its value; the commune is alone in the base
		assertThat(villeurbanne.get("indicateurs").get("taux_pauvrete").asDouble()).isEqualTo(10.0);
	}

	@Test
	void listsEveryEpciInOnePassWithTheSameScores() {
		importFixture("indicateurs-ccpa-invente.csv");
		var epcis = indexes.listTerritories("epci", fr.maillage.fragility.domain.FragilitySettings.OFFICIAL);
		assertThat(epcis).hasSizeGreaterThan(1200);
		TerritoryFragility ccpa = epcis.stream().filter(epci -> epci.code().equals("246900625")).findFirst().get();
		assertThat(ccpa.score()).isEqualTo(api.get("/api/v1/fragilite/epci/246900625").json().get("score").asDouble());
		assertThat(ccpa.nom()).isEqualTo("CC du Pays de l'Arbresle (CCPA)");
		assertThat(epcis.stream().filter(epci -> epci.score() != null)).hasSize(1);
	}

	@Test
	void weightsAndMethodChangeTheScoreAndTheAnswerSaysSo() {
		importFixture("indicateurs-ccpa-invente.csv");
		JsonNode withoutThd = api.get("/api/v1/fragilite/commune/69010?poids.non_couverture_thd=0").json();
		assertThat(withoutThd.get("score").asDouble()).isEqualTo(4.5);
		assertThat(withoutThd.get("poids").get("non_couverture_thd").asDouble()).isEqualTo(0.0);
		JsonNode v1 = api.get("/api/v1/fragilite/commune/69010?methode=v1").json();
		double povertyReference = (6537 * 10 + 538 * 20 + 580 * 30 + 6623 * 5) / (double) (6537 + 538 + 580 + 6623);
		assertThat(v1.get("indicateurs").get("taux_pauvrete").asDouble()).isCloseTo(100 * 10 / povertyReference,
				within(0.005));
		assertThat(v1.get("methode").asString()).isEqualTo("v1");
		assertThat(api.get("/api/v1/fragilite/commune/69010?methode=v9").status()).isEqualTo(400);
		assertThat(api.get("/api/v1/fragilite/commune/69010?poids.taux_chomage=2").body())
			.contains("n'est pas un indicateur de la variante");
	}

	@Test
	void publishedScoresAnswerTheOfficialSettingAndAggregateWithComputedOnes() {
		importFixture("indicateurs-ccpa-invente.csv");
		JsonNode report = importFixture("scores-publies-invente.csv");
		assertThat(report.get("type").asString()).isEqualTo("scores_publies");
		assertThat(report.get("lues").asInt()).isEqualTo(6);
		assertThat(report.get("acceptees").asInt()).isEqualTo(4);
		assertThat(report.get("rejets")).hasSize(3);
		assertThat(report.get("rejets").toString()).contains("Division inconnue", "entre 0 et 10");

		JsonNode arbresle = api.get("/api/v1/fragilite/commune/69010").json();
		assertThat(arbresle.get("origine").asString()).isEqualTo("scores_publies");
		assertThat(arbresle.get("score").asDouble()).isEqualTo(6.0);
		// re-weighted published scores: (4 + 6 + 8 + 10) / 4
		assertThat(api.get("/api/v1/fragilite/commune/69010?poids.non_couverture_thd=0").json().get("score").asDouble())
			.isEqualTo(7.0);
		// another base needs the values: back to the computed score
		JsonNode departementBase = api.get("/api/v1/fragilite/commune/69010?base=departement").json();
		assertThat(departementBase.get("origine").asString()).isEqualTo("calcule");
		assertThat(departementBase.get("score").asDouble()).isEqualTo(4.33);

		JsonNode ccpa = api.get("/api/v1/fragilite/epci/246900625").json();
		double expected = (6537 * 6.0 + 538 * 6.0 + 980 * 3.0 + 580 * 28 / 3.0 + 6623 * 7 / 3.0)
				/ (6537 + 538 + 580 + 6623 + 980);
		assertThat(ccpa.get("score").asDouble()).isCloseTo(expected, within(0.005));
		assertThat(ccpa.get("origine").asString()).isEqualTo("mixte");
	}

	@Test
	void exportsTheCommunesOfADepartementWithTheSettingOnEveryRow() {
		importFixture("indicateurs-ccpa-invente.csv");
		ApiClient.Response csv = api.get("/api/v1/fragilite/departements/69/communes.csv?poids.taux_pauvrete=2");
		assertThat(csv.status()).isEqualTo(200);
		String[] lines = csv.body().split("\r\n");
		assertThat(lines[0]).startsWith("code_insee,nom,population,score,score_non_couverture_thd")
			.endsWith("methode,variante,base,poids,origine");
		String arbresle = java.util.Arrays.stream(lines).filter(line -> line.startsWith("69010,")).findFirst().get();
		// (4 + 2 x 5 + 4) / 4
		assertThat(arbresle).contains(",4.5,", "v3,tout_age,france,", "taux_pauvrete=2.0", "calcule");
		JsonNode list = api.get("/api/v1/fragilite/departements/69/communes").json();
		assertThat(list).hasSize(266);
	}

	@Test
	void importsAreForTheAdministratorAndRefuseAFileWithoutCodeInFrench() {
		byte[] file = "nom,taux_pauvrete\nL'Arbresle,10\n".getBytes(StandardCharsets.UTF_8);
		assertThat(api.postFile(IMPORTS, Map.of(), "x.csv", file, null).status()).isEqualTo(401);
		ApiClient.Response refused = api.postFile(IMPORTS, Map.of(), "x.csv", file, ApiClient.ADMIN_TOKEN);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("Colonne de code manquante");
		assertThat(jdbc.sql("select count(*) from fragilite_import").query(Long.class).single()).isZero();
		assertThat(api.get("/api/v1/fragilite/commune/00000").status()).isEqualTo(404);
	}

}
