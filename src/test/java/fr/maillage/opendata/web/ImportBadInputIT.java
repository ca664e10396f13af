package fr.maillage.opendata.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import fr.maillage.testing.ApiClient;
import fr.maillage.testing.Fixtures;
import fr.maillage.testing.EmptyDirectoryApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Each bad input an import can meet, through the API: what is refused, what is rejected,
 * what is kept.
 */
class ImportBadInputIT extends EmptyDirectoryApiTest {

	private static final String HEADER = "id,pivot,nom,commune,code_postal,adresse,date_maj,services\n";

	private static final String VALID_ROW = "a1,43493312300029,Médiathèque Jean Macé,Villeurbanne,69100,"
			+ "150 rue du 4 Août 1789,2024-04-02,Aide aux démarches administratives\n";

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private int placeCount() {
		return jdbc.sql("select count(*) from lieu").query(Integer.class).single();
	}

	@Test
	void importsTheOfficialVersion1Example() {
		ApiClient.Response response = api.importFile("exemple", "exemple-valide.csv",
				Fixtures.bytes("fixtures/schema/v1.0.2/exemple-valide.csv"));
		assertThat(response.status()).isEqualTo(201);
		assertThat(response.json().get("acceptees").asInt()).isEqualTo(1);
		assertThat(response.json().get("versionSchema").asString()).isEqualTo("1.0");
		// the standard's own example places Reims at Aix-en-Provence's coordinates
		assertThat(response.json().get("avertissements").toString()).contains("km du centre de Reims");
		assertThat(response.json().get("nombreAvertissements").asInt()).isEqualTo(1);
	}

	@Test
	void importsTheOfficialVersion01ExampleSeparatedBySemicolons() {
		ApiClient.Response response = api.importFile("exemple", "exemple-valide.csv",
				Fixtures.bytes("fixtures/schema/v0.1.1/exemple-valide.csv"));
		assertThat(response.status()).isEqualTo(201);
		assertThat(response.json().get("acceptees").asInt()).isEqualTo(1);
		assertThat(response.json().get("versionSchema").asString()).isEqualTo("0.1");
		JsonNode lieu = api.get("/api/v1/lieux").json().get("lieux").get(0);
		assertThat(lieu.get("dispositif_programmes_nationaux").toString())
			.isEqualTo("[\"France Services\",\"Point d'accès numérique CAF\"]");
		assertThat(lieu.get("autres_formations_labels").asString())
			.isEqualTo("SudLabs|Nièvre médiation numérique|APTIC");
	}

	@Test
	void transcodesAWindows1252FileAndSaysSo() {
		ApiClient.Response response = api.importFile("tableur", "lieux.csv",
				(HEADER.replace(',', ';') + VALID_ROW.replace(',', ';')).getBytes(Charset.forName("windows-1252")));
		assertThat(response.status()).isEqualTo(201);
		assertThat(response.json().get("avertissements").get(0).get("message").asString()).contains("windows-1252");
		assertThat(api.get("/api/v1/lieux?q=mace").json().get("lieux").get(0).get("nom").asString())
			.isEqualTo("Médiathèque Jean Macé");
	}

	@Test
	void refusesAFileInAnUnknownEncoding() {
		byte[] bytes = utf8(HEADER + VALID_ROW);
		bytes[bytes.length - 3] = (byte) 0x81;
		ApiClient.Response response = api.importFile("tableur", "lieux.csv", bytes);
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("code").asString()).isEqualTo("encodage_inconnu");
		assertThat(response.json().get("message").asString()).contains("UTF-8");
	}

	@Test
	void refusesAFileMissingRequiredColumnsAndListsThem() {
		ApiClient.Response response = api.importFile("tableur", "lieux.csv",
				utf8("id,nom,commune,code_postal,adresse\na1,Médiathèque,Lyon,69001,1 rue X\n"));
		assertThat(response.status()).isEqualTo(400);
		JsonNode error = response.json();
		assertThat(error.get("code").asString()).isEqualTo("colonnes_manquantes");
		assertThat(error.get("details").toString()).isEqualTo("[\"pivot\",\"date_maj\"]");
		assertThat(error.get("message").asString()).contains("pivot, date_maj");
		assertThat(placeCount()).isZero();
	}

	@Test
	void rejectsBadRowsKeepsTheGoodOnesAndStoresEveryRejectedRow() {
		String csv = HEADER + VALID_ROW + "a2,43493312300029,,Lyon,69001,1 rue X,2024-01-01,\n"
				+ "a3,43493312300029,=1+2,Lyon,69001,2 rue Y,hier,\n"
				+ "a1,43493312300029,Doublon,Lyon,69001,3 rue Z,2024-01-01,\n";
		ApiClient.Response response = api.importFile("tableur", "lieux.csv", utf8(csv));

		assertThat(response.status()).isEqualTo(201);
		JsonNode report = response.json();
		assertThat(report.get("lues").asInt()).isEqualTo(4);
		assertThat(report.get("acceptees").asInt()).isEqualTo(1);
		assertThat(report.get("rejetees").asInt()).isEqualTo(3);
		assertThat(report.get("rejets").toString()).contains(
				"{\"ligne\":3,\"champ\":\"nom\",\"valeur\":\"\",\"message\":\"Champ obligatoire manquant : « nom ».\"}")
			.contains("{\"ligne\":4,\"champ\":\"date_maj\",\"valeur\":\"hier\"")
			.contains("{\"ligne\":5,\"champ\":\"id\",\"valeur\":\"a1\",\"message\":\"Identifiant déjà utilisé ligne 2");

		ApiClient.Response rejected = api
			.getAsAdmin("/api/v1/imports/" + report.get("importId").asString() + "/rejets.csv");
		assertThat(rejected.status()).isEqualTo(200);
		assertThat(rejected.body().split("\r\n")).containsExactly(
				"ligne,id,pivot,nom,commune,code_postal,adresse,date_maj,services,motif_rejet",
				"3,a2,43493312300029,,Lyon,69001,1 rue X,2024-01-01,,Champ obligatoire manquant : « nom ».",
				"4,a3,43493312300029,'=1+2,Lyon,69001,2 rue Y,hier,,"
						+ "Date de mise à jour illisible : format AAAA-MM-JJ attendu.",
				"5,a1,43493312300029,Doublon,Lyon,69001,3 rue Z,2024-01-01,,"
						+ "Identifiant déjà utilisé ligne 2 de ce fichier : ligne écartée.");
		assertThat(placeCount()).isEqualTo(1);
	}

	@Test
	void aFileThatBreaksHalfwayChangesNothing() {
		api.importFile("hub", "lieux.csv", utf8(HEADER + VALID_ROW));
		String truncatedUpdate = "[{\"id\":\"a1\",\"pivot\":\"43493312300029\",\"nom\":\"Nom modifié\","
				+ "\"commune\":\"Villeurbanne\",\"code_postal\":\"69100\",\"adresse\":\"150 rue du 4 Août 1789\","
				+ "\"date_maj\":\"2024-05-01\"},{\"id\":\"a2\",\"nom\":";

		ApiClient.Response response = api.importFile("hub", "lieux.json", utf8(truncatedUpdate));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("message").asString()).contains("rien n'a été importé");
		assertThat(jdbc.sql("select nom from lieu").query(String.class).single()).isEqualTo("Médiathèque Jean Macé");
		assertThat(jdbc.sql("select count(*) from import_run").query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void refusesAnEmptyFileAndAMissingSource() {
		assertThat(api.importFile("tableur", "vide.csv", new byte[0]).json().get("code").asString())
			.isEqualTo("fichier_vide");
		ApiClient.Response noSource = api.importFile("", "lieux.csv", utf8(HEADER + VALID_ROW));
		assertThat(noSource.status()).isEqualTo(400);
		assertThat(noSource.json().get("message").asString()).contains("« source » est obligatoire");
	}

	@Test
	void writesNeedTheAdministratorToken() {
		ApiClient.Response anonymous = api.importFile("tableur", "lieux.csv", utf8(HEADER + VALID_ROW), null);
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.json().get("message").asString()).contains("Authorization: Bearer");
		ApiClient.Response wrong = api.importFile("tableur", "lieux.csv", utf8(HEADER + VALID_ROW), "devine");
		assertThat(wrong.status()).isEqualTo(401);
		assertThat(wrong.json().get("message").asString()).isEqualTo("Jeton invalide.");
		assertThat(placeCount()).isZero();
	}

	@Test
	void importReportsAreForAdministratorsOnly() {
		String importId = api.importFile("tableur", "lieux.csv", utf8(HEADER + VALID_ROW))
			.json()
			.get("importId")
			.asString();
		assertThat(api.get("/api/v1/imports/" + importId + "/rejets.csv").status()).isEqualTo(401);
		assertThat(api.get("/api/v1/imports/" + importId).status()).isEqualTo(401);
		ApiClient.Response report = api.getAsAdmin("/api/v1/imports/" + importId);
		assertThat(report.status()).isEqualTo(200);
		assertThat(report.json().get("acceptees").asInt()).isEqualTo(1);
		assertThat(api.getAsAdmin("/api/v1/imports/" + java.util.UUID.randomUUID()).status()).isEqualTo(404);
	}

}
