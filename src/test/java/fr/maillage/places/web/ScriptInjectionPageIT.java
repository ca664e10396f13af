package fr.maillage.places.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import fr.maillage.testing.ApiClient;
import fr.maillage.testing.Browser;
import fr.maillage.testing.CleanDatabase;
import fr.maillage.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Script in every text field a producer or an editor can fill is shown as text and never
 * runs (issue 6), checked in real Chromium on every page that shows a lieu: each payload
 * would set {@code window.__xss} if it ran.
 */
@IntegrationTest
class ScriptInjectionPageIT {

	private static final String RECORD = """
			[{"id": "xss-1", "pivot": "00000000000000",
			  "nom": "Lieu <img src=x onerror=\\"window.__xss=1\\">",
			  "commune": "Lyon", "code_postal": "69001",
			  "adresse": "<script>window.__xss=2</script>1 rue de la Martinière",
			  "complement_adresse": "<svg onload=window.__xss=3>",
			  "latitude": 45.7676, "longitude": 4.8303,
			  "presentation_resume": "<b onmouseover=window.__xss=4>résumé</b>",
			  "presentation_detail": "<iframe src=\\"javascript:window.__xss=5\\"></iframe>",
			  "structure_parente": "<img src=x onerror=window.__xss=6>",
			  "autres_formations_labels": "<script>window.__xss=7</script>",
			  "prise_rdv": "javascript:window.__xss=8",
			  "source": "<script>window.__xss=9</script>",
			  "date_maj": "2026-11-01",
			  "services": "Aide aux démarches administratives"}]""";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void scriptInAnyFieldIsShownAsTextOnEveryPage() {
		CleanDatabase.empty(jdbc);
		ApiClient api = new ApiClient(port);
		assertThat(api.importFile("xss", "xss.json", RECORD.getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(201);
		String id = api.get("/api/v1/lieux").json().get("lieux").get(0).get("id").asString();

		try (Browser browser = new Browser()) {
			for (String page : new String[] { "/lieux/" + id, "/?q=Lieu", "/carte?departement=69",
					"/carte?commune=69381" }) {
				browser.open(port, page);
				browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.tagName("body")));
				Object ran = browser.driver().executeScript("return window.__xss === undefined ? null : window.__xss;");
				assertThat(ran).as(page).isNull();
			}
			browser.open(port, "/lieux/" + id);
			String text = browser.driver().findElement(By.tagName("main")).getText();
			assertThat(text).contains("Lieu <img src=x onerror=\"window.__xss=1\">");
		}
	}

}
