package fr.maillage.orientations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import fr.maillage.testing.EmptyDirectoryApiTest;
import fr.maillage.testing.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A person's rights (issue 16): an administrator finds her orientations by the id of one
 * of them (same first name, same phone), exports them decrypted as JSON or CSV, erases
 * them on her request; everything logged, the history kept, nobody else let in.
 */
class PersonDataRequestsIT extends EmptyDirectoryApiTest {

	private WebSession orienteur;

	private WebSession administrator;

	private String zoe;

	private String zoeAgain;

	private String yanis;

	@BeforeEach
	void threeOrientationsTwoOfZoe() throws Exception {
		UnattendedLieux.importThem(api);
		String champDeMars = api.findLieuId("Espace numérique du Champ de Mars");
		String alpha = api.findLieuId("Médiathèque Alpha");
		orienteur = WebSession.signedIn(port, jdbc, "coordinateur", "departement:69");
		administrator = WebSession.signedIn(port, jdbc, "administrateur");
		zoe = UnattendedLieux.send(orienteur, champDeMars, "Zoé", "06 12 34 56 78");
		// the same person, her number written otherwise
		zoeAgain = UnattendedLieux.send(orienteur, alpha, "zoe", "+33 6 12 34 56 78");
		// the same phone, another person
		yanis = UnattendedLieux.send(orienteur, alpha, "Yanis", "06 12 34 56 78");
	}

	private long actions(String id, String action) {
		return jdbc.sql("select count(*) from orientation_acces where orientation_id = :id::uuid and action = :action")
			.param("id", id)
			.param("action", action)
			.query(Long.class)
			.single();
	}

	@Test
	void anAdministratorFindsExportsAndErasesOnePersonsData() throws Exception {
		String page = administrator.get("/espace/donnees-personnelles?orientation=" + zoe).body();
		assertThat(page)
			.contains("2 orientation(s) de Zoé", "Espace numérique du Champ de Mars", "Médiathèque Alpha",
					"06 12 34 56 78", "Télécharger (JSON)")
			.doesNotContain("Yanis");
		assertThat(actions(zoe, "lecture")).isEqualTo(1);
		assertThat(actions(zoeAgain, "lecture")).isEqualTo(1);
		assertThat(actions(yanis, "lecture")).isZero();

		String token = administrator.csrfToken("/espace/donnees-personnelles");
		HttpResponse<String> json = administrator.post("/espace/donnees-personnelles/export",
				Map.of("orientation", zoe, "format", "json", "_csrf", token));
		assertThat(json.statusCode()).isEqualTo(200);
		assertThat(json.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment",
				"donnees-personne-" + zoe + ".json");
		assertThat(json.body())
			.contains("\"prenom\" : \"Zoé\"", "\"prenom\" : \"zoe\"", zoeAgain, "\"mode\" : \"oral_guichet\"",
					"Déclarer ses revenus en ligne")
			.doesNotContain("Yanis");
		HttpResponse<String> csv = administrator.post("/espace/donnees-personnelles/export",
				Map.of("orientation", zoe, "format", "csv", "_csrf", token));
		assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
		assertThat(csv.body().lines().toList()).hasSize(3);
		// a cell a spreadsheet would read as a formula is neutralised
		assertThat(csv.body()).contains("\"Zoé\"", "\"'+33 6 12 34 56 78\"");
		assertThat(actions(zoe, "export")).isEqualTo(2);
		assertThat(actions(zoeAgain, "export")).isEqualTo(2);

		HttpResponse<String> unconfirmed = administrator.submit("/espace/donnees-personnelles",
				"/espace/donnees-personnelles/effacement", Map.of("orientation", zoe));
		assertThat(unconfirmed.statusCode()).isEqualTo(400);
		assertThat(unconfirmed.body()).contains("Cochez la case pour confirmer");
		HttpResponse<String> erased = administrator.submit("/espace/donnees-personnelles",
				"/espace/donnees-personnelles/effacement", Map.of("orientation", zoe, "confirmation", "oui"));
		assertThat(erased.statusCode()).isEqualTo(302);
		assertThat(erased.headers().firstValue("Location").orElseThrow()).endsWith("efface=2");
		assertThat(jdbc
			.sql("select count(*) from orientation where prenom_chiffre is null and effacement_motif = " + "'demande'")
			.query(Long.class)
			.single()).isEqualTo(2);
		assertThat(actions(zoe, "effacement")).isEqualTo(1);
		// her history stays, without her; the other person is untouched
		String after = orienteur.get("/espace/orientations/" + zoe).body();
		assertThat(after).contains("à sa demande", "Envoyée, en attente de réponse").doesNotContain("Zoé");
		assertThat(orienteur.get("/espace/orientations/" + yanis).body()).contains("Yanis");
		assertThat(administrator.get("/espace/donnees-personnelles?orientation=" + zoe).body())
			.contains("ont déjà été effacées");
	}

	@Test
	void nobodyButAnAdministratorGetsInAndBadIdsAreSaid() throws Exception {
		WebSession coordinator = WebSession.signedIn(port, jdbc, "coordinateur", "departement:16");
		for (WebSession outsider : java.util.List.of(orienteur, coordinator)) {
			assertThat(outsider.get("/espace/donnees-personnelles?orientation=" + zoe).statusCode()).isEqualTo(403);
			String token = outsider.csrfToken("/espace");
			assertThat(outsider
				.post("/espace/donnees-personnelles/export",
						Map.of("orientation", zoe, "format", "json", "_csrf", token))
				.statusCode()).isEqualTo(403);
			assertThat(outsider
				.post("/espace/donnees-personnelles/effacement",
						Map.of("orientation", zoe, "confirmation", "oui", "_csrf", token))
				.statusCode()).isEqualTo(403);
		}
		assertThat(actions(zoe, "export")).isZero();
		assertThat(jdbc.sql("select count(*) from orientation where prenom_chiffre is null").query(Long.class).single())
			.isZero();
		HttpResponse<String> notAnId = administrator.get("/espace/donnees-personnelles?orientation=Zoé");
		assertThat(notAnId.statusCode()).isEqualTo(400);
		assertThat(notAnId.body()).contains("n&#39;est pas un identifiant d&#39;orientation");
		HttpResponse<String> unknown = administrator
			.get("/espace/donnees-personnelles?orientation=" + java.util.UUID.randomUUID());
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.body()).contains("Aucune orientation n&#39;a l&#39;identifiant");
		assertThat(administrator.get("/espace").body()).contains("/espace/donnees-personnelles");
	}

}
