package fr.maillage.places.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import fr.maillage.opendata.importing.SourceImport;
import fr.maillage.testing.ApiClient;
import fr.maillage.testing.CleanDatabase;
import fr.maillage.testing.Fixtures;
import fr.maillage.testing.IntegrationTest;
import fr.maillage.testing.Pdfs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The paper of issue 17, read as a reader would: the PDFs' text with PDFBox, their QR
 * codes decoded with ZXing.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrintablesIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SourceImport sourceImport;

	String mieteId;

	@BeforeAll
	void importHinaura() {
		CleanDatabase.empty(jdbc);
		Fixtures.importHinaura(sourceImport);
		mieteId = jdbc.sql("select id from lieu where nom like 'La MIETE%'").query(String.class).single();
	}

	@Test
	void thePosterOfAPlaceSaysItsNameHoursServicesAndPhoneAndItsQrCodeOpensItsPage() {
		Pdfs.Fetched poster = Pdfs.get(port, "/lieux/" + mieteId + "/affiche.pdf");
		assertThat(poster.status()).isEqualTo(200);
		assertThat(poster.contentType()).startsWith("application/pdf");
		Pdfs.savePage(poster.body(), 0, "affiche-miete");
		assertThat(Pdfs.pages(poster.body())).as("one A4 page").isEqualTo(1);
		String text = Pdfs.text(poster.body());
		assertThat(text).contains("La MIETE")
			.contains("150 rue du 4 Août 1789")
			.contains("Horaires")
			.contains("Utiliser un ordinateur, Internet ou une imprimante sur place")
			.contains("09 53 22 61 07");
		assertThat(Pdfs.qrCodes(poster.body(), 150)).containsExactly("http://localhost:" + port + "/lieux/" + mieteId);
	}

	@Test
	void thePosterOfAnUnknownPlaceIsAFrenchNotFound() {
		Pdfs.Fetched missing = Pdfs.get(port, "/lieux/inconnu/affiche.pdf");
		assertThat(missing.status()).isEqualTo(404);
	}

	@Test
	void theDirectoryOfTheRhoneListsItsPlacesByCommuneWithTheirQrCodes() {
		Pdfs.Fetched directory = Pdfs.get(port, "/territoires/69/annuaire.pdf");
		assertThat(directory.status()).isEqualTo(200);
		assertThat(directory.contentType()).startsWith("application/pdf");
		String text = Pdfs.text(directory.body()).replaceAll("\\s+", " ");
		assertThat(text).contains("Où trouver de l’aide avec le numérique — Rhône (69)")
			.contains("48 lieux")
			.contains("La MIETE")
			.contains("Données : Maillage");
		// communes in French order: « Écully » (if any) among the E, « Lyon » before «
		// Villeurbanne »
		assertThat(text.indexOf(" Brignais ")).isPositive().isLessThan(text.indexOf(" Villeurbanne "));
		List<String> codes = Pdfs.qrCodes(directory.body(), 200);
		assertThat(codes).isNotEmpty()
			.allMatch(code -> code.startsWith("http://localhost:" + port + "/lieux/"))
			.contains("http://localhost:" + port + "/lieux/" + mieteId);
		assertThat(Pdfs.fontSizes(directory.body()).first()).isLessThan(14);
		Pdfs.savePage(directory.body(), 0, "annuaire-rhone-couverture");
		Pdfs.savePage(directory.body(), 1, "annuaire-rhone-page-2");
	}

	@Test
	void theLargePrintDirectoryWritesEveryLetterAt14PointsOrMore() {
		Pdfs.Fetched directory = Pdfs.get(port,
				"/territoires/246900625/annuaire.pdf?gros_caracteres=true&services=" + java.net.URLEncoder
					.encode("Aide aux démarches administratives", java.nio.charset.StandardCharsets.UTF_8));
		assertThat(directory.status()).isEqualTo(200);
		String text = Pdfs.text(directory.body()).replaceAll("\\s+", " ");
		assertThat(text).contains("Pays de l'Arbresle").contains("pour : Faire mes démarches en ligne");
		Pdfs.savePage(directory.body(), 1, "annuaire-arbresle-gros-caracteres");
		assertThat(Pdfs.textSmallerThan(directory.body(), 14)).as("sizes %s", Pdfs.fontSizes(directory.body()))
			.isEmpty();
		assertThat(Pdfs.fontSizes(directory.body()).first()).isGreaterThanOrEqualTo(14.0);
	}

	@Test
	void aWrongTerritoryOrCriterionIsAFrenchMessageNeverAnError() {
		ApiClient api = new ApiClient(port);
		ApiClient.Response unknown = api.get("/territoires/00000/annuaire.pdf");
		assertThat(unknown.status()).isEqualTo(404);
		ApiClient.Response criterion = api.get("/territoires/69/annuaire.pdf?services=Cuisine");
		assertThat(criterion.status()).isEqualTo(400);
		assertThat(criterion.body()).contains("« Cuisine » n’est pas une valeur connue");
		ApiClient.Response html = api.get("/territoires/69M/annuaire");
		assertThat(html.status()).isEqualTo(200);
		assertThat(html.body()).contains("Métropole de Lyon").contains("Télécharger cet annuaire en PDF");
	}

}
