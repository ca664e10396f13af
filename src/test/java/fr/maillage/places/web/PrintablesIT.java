package fr.maillage.places.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.opendata.importing.SourceImport;
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

}
