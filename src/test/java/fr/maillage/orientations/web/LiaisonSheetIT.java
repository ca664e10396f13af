package fr.maillage.orientations.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import fr.maillage.testing.EmptyDirectoryApiTest;
import fr.maillage.testing.Fixtures;
import fr.maillage.testing.Pdfs;
import fr.maillage.testing.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fiche de liaison (issue 16, item 3), read as the person reads it: the lieu, its
 * hours in words, its phone and address, a QR code to its public page, who oriented her
 * and when — and nothing about her (not her need, not her phone; her first name only when
 * asked). For the orienteur only.
 */
class LiaisonSheetIT extends EmptyDirectoryApiTest {

	private String lieuId;

	private WebSession orienteur;

	private WebSession receiver;

	@BeforeEach
	void orientationSent() throws Exception {
		api.importFile("charente", Fixtures.CHARENTE, Fixtures.lieux(Fixtures.CHARENTE));
		lieuId = api.findLieuId("Service Info 16");
		String ccasLieu = api.findLieuId("Pôle commerce de la ville de Cognac");
		WebSession coordinator = WebSession.signedIn(port, jdbc, "coordinateur", "departement:16");
		coordinator.submit("/espace/lieux/" + lieuId + "/modifier", "/espace/lieux/" + lieuId + "/structure",
				Map.of("nom", "Service Info 16 (association)"));
		coordinator.submit("/espace/lieux/" + ccasLieu + "/modifier", "/espace/lieux/" + ccasLieu + "/structure",
				Map.of("nom", "CCAS de Cognac"));
		receiver = signIn(
				WebSession.newAccount(port, jdbc, "Dominique Accueil", "membre", "structure:" + structureOf(lieuId)));
		orienteur = signIn(
				WebSession.newAccount(port, jdbc, "Samia Guichet", "membre", "structure:" + structureOf(ccasLieu)));
	}

	private String structureOf(String lieu) {
		return jdbc.sql("select structure_id::text from structure_lieu where lieu_id = :id::uuid")
			.param("id", lieu)
			.query(String.class)
			.single();
	}

	private WebSession signIn(String email) throws Exception {
		WebSession session = new WebSession(port);
		session.submit("/connexion", "/connexion", Map.of("courriel", email, "mot_de_passe", WebSession.PASSWORD));
		return session;
	}

	private String send() throws Exception {
		HttpResponse<String> sent = orienteur.submit("/espace/orientations/nouvelle?lieu=" + lieuId,
				"/espace/orientations",
				Map.of("lieu", lieuId, "prenom", "Zoé", "besoin", "Déclarer ses revenus en ligne", "telephone",
						"06 12 34 56 78", "mode", "oral_guichet", "consentement", "oui"));
		String location = sent.headers().firstValue("Location").orElseThrow();
		return location.substring(location.indexOf("/orientations/") + 14, location.indexOf('?'));
	}

	private static Pdfs.Fetched pdf(WebSession session, String path) throws Exception {
		HttpResponse<byte[]> response = session.getBytes(path);
		return new Pdfs.Fetched(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
				response.body());
	}

	@Test
	void oneAnonymousPageWithTheLieuItsHoursAQrCodeAndWhoOrientedHer() throws Exception {
		String id = send();
		String path = "/espace/orientations/" + id + "/fiche-liaison.pdf";
		assertThat(orienteur.get("/espace/orientations/" + id).body()).contains(path);
		Pdfs.Fetched sheet = pdf(orienteur, path);
		assertThat(sheet.status()).isEqualTo(200);
		assertThat(sheet.contentType()).isEqualTo("application/pdf");
		assertThat(Pdfs.pages(sheet.body())).isEqualTo(1);
		String text = Pdfs.text(sheet.body());
		assertThat(text).contains("Service Info 16", "53 Rue d'Angoulême", "16100", "05 45 82 62 00", "mercredi",
				"Samia (CCAS de Cognac)", "Le lieu est prévenu de votre venue");
		// nothing about her: not her name, not her need, not her phone
		assertThat(text).doesNotContain("Zoé")
			.doesNotContain("revenus")
			.doesNotContain("06 12 34 56 78")
			.doesNotContain("Guichet");
		assertThat(Pdfs.qrCodes(sheet.body(), 150)).containsExactly("http://localhost:" + port + "/lieux/" + lieuId);
		Pdfs.savePage(sheet.body(), 0, "fiche-liaison");
		// her first name when she asks for it
		assertThat(Pdfs.text(pdf(orienteur, path + "?prenom=oui").body())).contains("Pour Zoé")
			.doesNotContain("revenus");
	}

	@Test
	void onlyItsOrienteurPrintsIt() throws Exception {
		String id = send();
		String path = "/espace/orientations/" + id + "/fiche-liaison.pdf";
		assertThat(receiver.get(path).statusCode()).isEqualTo(404);
		assertThat(WebSession.signedIn(port, jdbc, "coordinateur", "departement:69").get(path).statusCode())
			.isEqualTo(404);
		assertThat(new WebSession(port).get(path).statusCode()).isEqualTo(302);
		assertThat(orienteur.get("/espace/orientations/00000000-0000-0000-0000-000000000000/fiche-liaison.pdf")
			.statusCode()).isEqualTo(404);
		assertThat(orienteur.get("/espace/orientations/pas-un-id/fiche-liaison.pdf").statusCode()).isEqualTo(404);
	}

}
