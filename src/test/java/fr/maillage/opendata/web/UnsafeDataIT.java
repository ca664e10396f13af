package fr.maillage.opendata.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import fr.maillage.testing.ApiClient;
import fr.maillage.testing.EmptyDirectoryApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 14: data cannot carry a script into a link, nor weigh megabytes on every page.
 * Imports (CSV and JSON) drop a non-http(s) address with a warning and reject a record
 * whose required field is over its limit (ADR 0004); pages never link to another scheme,
 * even when the database holds one.
 */
class UnsafeDataIT extends EmptyDirectoryApiTest {

	private static final String HEADER = "id,pivot,nom,commune,code_postal,adresse,date_maj,site_web,prise_rdv\n";

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	@Test
	void aCsvImportDropsEveryScriptAddressAndSaysWhereAndWhy() {
		String rows = HEADER
				+ "a1,43493312300029,Lieu A,Villeurbanne,69100,1 rue A,2024-04-02,https://a.example,javascript:alert(1)\n"
				+ "a2,43493312300029,Lieu B,Villeurbanne,69100,1 rue B,2024-04-02,JavaScript:alert(1),\" \tjavascript:x\"\n"
				+ "a3,43493312300029,Lieu C,Villeurbanne,69100,1 rue C,2024-04-02,//evil.example,data:text/html;base64,x\n"
				+ "a4,43493312300029,Lieu D,Villeurbanne,69100,1 rue D,2024-04-02,vbscript:x,%6Aavascript:x\n";

		ApiClient.Response response = api.importFile("csv", "lieux.csv", utf8(rows));

		assertThat(response.status()).as(response.body()).isEqualTo(201);
		assertThat(response.json().get("acceptees").asInt()).isEqualTo(4);
		JsonNode warnings = response.json().get("avertissements");
		assertThat(warnings.toString()).contains("Adresse web invalide");
		assertThat(warnings.findValues("champ").stream().map(JsonNode::asString)).contains("site_web", "prise_rdv");
		assertThat(warnings.findValues("ligne").stream().map(JsonNode::asInt)).contains(2, 3, 4, 5);
		assertThat(jdbc
			.sql("select count(*) from lieu_source where prise_rdv is not null or exists "
					+ "(select 1 from unnest(site_web) s where s !~* '^https?://')")
			.query(Long.class)
			.single()).isZero();
		assertThat(jdbc.sql("select site_web[1] from lieu where nom = 'Lieu A'").query(String.class).single())
			.isEqualTo("https://a.example");
	}

	@Test
	void aJsonImportDropsThemTooAndRejectsAFiveMegabyteName() {
		String hugeName = "N".repeat(5_000_000);
		String records = "[{\"id\": \"j1\", \"pivot\": \"43493312300029\", \"nom\": \"Lieu J\", \"commune\": \"Villeurbanne\","
				+ " \"code_postal\": \"69100\", \"adresse\": \"1 rue J\", \"date_maj\": \"2024-04-02\","
				+ " \"prise_rdv\": \"\\njavascript:alert(1)\", \"fiche_acces_libre\": \"javascript:alert(2)\","
				+ " \"site_web\": [\"https://j.example\", \"javascript:alert(3)\"]},"
				+ " {\"id\": \"j2\", \"pivot\": \"43493312300029\", \"nom\": \"" + hugeName + "\","
				+ " \"commune\": \"Villeurbanne\", \"code_postal\": \"69100\", \"adresse\": \"1 rue K\","
				+ " \"date_maj\": \"2024-04-02\"}]";

		ApiClient.Response response = api.importFile("json", "lieux.json", utf8(records));

		assertThat(response.status()).as(response.body().substring(0, Math.min(2_000, response.body().length())))
			.isEqualTo(201);
		assertThat(response.json().get("acceptees").asInt()).isEqualTo(1);
		assertThat(response.json().get("rejetees").asInt()).isEqualTo(1);
		JsonNode rejection = response.json().get("rejets").get(0);
		assertThat(rejection.get("champ").asString()).isEqualTo("nom");
		assertThat(rejection.get("message").asString()).contains("Texte trop long", "au plus 250");
		// the report does not repeat the five megabytes
		assertThat(response.body().length()).isLessThan(100_000);
		assertThat(response.json().get("avertissements").toString()).contains("prise_rdv", "fiche_acces_libre",
				"site_web");
		JsonNode lieu = api.get("/api/v1/lieux").json().get("lieux").get(0);
		assertThat(lieu.path("prise_rdv").asString("")).isEmpty();
		assertThat(lieu.get("site_web").toString()).contains("https://j.example").doesNotContain("javascript");
		assertThat(jdbc.sql("select max(length(nom)) from lieu").query(Integer.class).single()).isEqualTo(6);
	}

	@Test
	void pagesNeverLinkToAScriptAddressEvenWhenTheDatabaseHoldsOne() {
		String rows = HEADER + "s1,43493312300029,Lieu Stocké,Villeurbanne,69100,1 rue S,2024-04-02,"
				+ "https://ok.example,https://rdv.example\n";
		assertThat(api.importFile("stock", "lieux.csv", utf8(rows)).status()).isEqualTo(201);
		String id = api.findLieuId("Lieu Stocké");
		// bypasses every validation, as a row written before it or by hand would
		for (String table : new String[] { "lieu", "lieu_source" }) {
			jdbc.sql("update " + table + " set prise_rdv = ' javascript:alert(1)', "
					+ "site_web = array['JavaScript:alert(2)', 'data:text/html,x', '//evil.example', 'https://ok.example']")
				.update();
		}

		for (String page : new String[] { "/lieux/" + id, "/?q=Villeurbanne" }) {
			String html = api.get(page).body();
			assertThat(html).as(page).containsIgnoringCase("Lieu Stocké");
			assertThat(html.toLowerCase()).as(page)
				.doesNotContain("href=\" javascript", "href=\"javascript", "href=\"data:", "href=\"//evil",
						"javascript:alert");
		}
		assertThat(api.get("/lieux/" + id).body()).contains("href=\"https://ok.example\"")
			.doesNotContain("Prendre rendez-vous en ligne");
	}

}
