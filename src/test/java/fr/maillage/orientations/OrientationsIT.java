package fr.maillage.orientations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.maillage.testing.EmptyDirectoryApiTest;
import fr.maillage.testing.Fixtures;
import fr.maillage.testing.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Orientations through the pages (issue 16): sent only with the person's consent (422
 * otherwise), answered by the lieu's structure, every illegal move refused (409), unseen
 * by anyone else (404), the person's data encrypted at rest, every read logged, expired
 * and erased by the daily job.
 */
class OrientationsIT extends EmptyDirectoryApiTest {

	@Autowired
	OrientationJobs jobs;

	private String lieuId;

	private WebSession orienteur;

	private WebSession receiver;

	private String receiverEmail;

	@BeforeEach
	void lieuWithItsStructure() throws Exception {
		api.importFile("charente", Fixtures.CHARENTE, Fixtures.lieux(Fixtures.CHARENTE));
		lieuId = api.findLieuId("Service Info 16");
		WebSession coordinator = WebSession.signedIn(port, jdbc, "coordinateur", "departement:16");
		coordinator.submit("/espace/lieux/" + lieuId + "/modifier", "/espace/lieux/" + lieuId + "/structure",
				Map.of("nom", "Service Info 16 (association)"));
		String structure = jdbc.sql("select structure_id::text from structure_lieu where lieu_id = :id::uuid")
			.param("id", lieuId)
			.query(String.class)
			.single();
		receiverEmail = WebSession.newAccount(port, jdbc, "Dominique Accueil", "membre", "structure:" + structure);
		receiver = signIn(receiverEmail);
		// a France Services agent of another département: any signed-in account orients
		orienteur = WebSession.signedIn(port, jdbc, "coordinateur", "departement:69");
	}

	private WebSession signIn(String email) throws Exception {
		WebSession session = new WebSession(port);
		session.submit("/connexion", "/connexion", Map.of("courriel", email, "mot_de_passe", WebSession.PASSWORD));
		return session;
	}

	private Map<String, String> form(String firstName, String consent, String mode) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("lieu", lieuId);
		fields.put("prenom", firstName);
		fields.put("besoin", "Déclarer ses revenus en ligne");
		fields.put("telephone", "06 12 34 56 78");
		fields.put("courriel", "");
		fields.put("mode", mode);
		fields.put("consentement", consent);
		return fields;
	}

	private String formPage() {
		return "/espace/orientations/nouvelle?lieu=" + lieuId;
	}

	/** Sends an orientation for Zoé with her oral consent; its id. */
	private String send(String firstName) throws Exception {
		HttpResponse<String> sent = orienteur.submit(formPage(), "/espace/orientations",
				form(firstName, "oui", "oral_guichet"));
		assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
		String location = sent.headers().firstValue("Location").orElseThrow();
		assertThat(location).contains("/espace/orientations/").endsWith("?envoyee");
		return location.substring(location.indexOf("/espace/orientations/") + "/espace/orientations/".length(),
				location.indexOf('?'));
	}

	private HttpResponse<String> answer(WebSession who, String id, String status, String reason) throws Exception {
		Map<String, String> fields = new LinkedHashMap<>(Map.of("statut", status));
		if (reason != null) {
			fields.put("motif", reason);
		}
		return who.submit("/espace", "/espace/orientations/" + id + "/statut", fields);
	}

	private long count(String sql, String id) {
		return jdbc.sql(sql).param("id", id).query(Long.class).single();
	}

	@Test
	void theLoopClosesFromTheCounterToTheLieuAndBack() throws Exception {
		assertThat(orienteur.get("/lieux/" + lieuId).body()).contains("Orienter une personne vers ce lieu");
		assertThat(new WebSession(port).get("/lieux/" + lieuId).body())
			.doesNotContain("Orienter une personne vers ce lieu");
		String form = orienteur.get(formPage()).body();
		assertThat(form).contains("Orienter une personne", "Service Info 16", "À l&#39;oral, au guichet",
				"La notice complète");

		String id = send("Zoé");
		assertThat(id).matches("[0-9a-f-]{36}");
		// the receiver is told, with a link and nothing about the person
		String mail = jdbc
			.sql("select sujet || ' ' || corps from courriel_sortant where destinataire = :to "
					+ "order by cree_le desc limit 1")
			.param("to", receiverEmail)
			.query(String.class)
			.single();
		assertThat(mail).contains("une nouvelle orientation vous attend", "/espace/orientations/" + id)
			.doesNotContain("Zoé")
			.doesNotContain("revenus")
			.doesNotContain("06 12");

		assertThat(receiver.get("/espace/orientations/recues").body()).contains("Zoé", "à traiter");
		assertThat(orienteur.get("/espace/orientations").body()).contains("Zoé", "Envoyée, en attente de réponse");
		String page = receiver.get("/espace/orientations/" + id).body();
		assertThat(page)
			.contains("Zoé", "Déclarer ses revenus en ligne", "06 12 34 56 78", "Accepter", "Refuser l'orientation",
					"À l&#39;oral, au guichet")
			.doesNotContain("Annuler l&#39;orientation");

		assertThat(answer(receiver, id, "acceptee", null).statusCode()).isEqualTo(302);
		assertThat(answer(receiver, id, "venue", null).statusCode()).isEqualTo(302);
		assertThat(orienteur.get("/espace/orientations").body()).contains("La personne est venue");
		assertThat(answer(receiver, id, "accompagnement_termine", null).statusCode()).isEqualTo(302);
		String timeline = orienteur.get("/espace/orientations/" + id).body();
		assertThat(timeline).contains("Accompagnement terminé", "Acceptée par le lieu", "Dominique Accueil");
		assertThat(count("select count(*) from orientation_transition where orientation_id = :id::uuid", id))
			.isEqualTo(4);
	}

	@Test
	void withoutConsentNothingIsSent() throws Exception {
		for (Map<String, String> fields : List.of(form("Zoé", "", "oral_guichet"), form("Zoé", "oui", ""),
				form("Zoé", "", ""))) {
			HttpResponse<String> refused = orienteur.submit(formPage(), "/espace/orientations", fields);
			assertThat(refused.statusCode()).isEqualTo(422);
			assertThat(refused.body())
				.contains("L'orientation n'est pas partie",
						"Recueillez le consentement de la personne avant d&#39;envoyer l&#39;orientation.")
				// what was typed is kept
				.contains("value=\"Zoé\"");
		}
		HttpResponse<String> invalid = orienteur.submit(formPage(), "/espace/orientations",
				form(" ", "oui", "oral_guichet"));
		assertThat(invalid.statusCode()).isEqualTo(400);
		assertThat(invalid.body()).contains("Indiquez le prénom de la personne.");
		// every refusal at once
		HttpResponse<String> both = orienteur.submit(formPage(), "/espace/orientations", form(" ", "", ""));
		assertThat(both.statusCode()).isEqualTo(400);
		assertThat(both.body()).contains("Indiquez le prénom de la personne.",
				"Recueillez le consentement de la personne avant d&#39;envoyer l&#39;orientation.");
		// the notice is public and says the periods configured
		assertThat(new WebSession(port).get("/orientations/notice").body()).contains("article 13 du RGPD",
				"<span>3</span> mois", "<span>24</span> mois");
		assertThat(jdbc.sql("select count(*) from orientation").query(Long.class).single()).isZero();
		assertThat(orienteur.get("/espace/orientations/nouvelle").statusCode()).isEqualTo(400);
		assertThat(orienteur.get("/espace/orientations/nouvelle?lieu=inconnu").statusCode()).isEqualTo(404);
	}

	@Test
	void everyMoveOutsideTheWorkflowIsRefused() throws Exception {
		String id = send("Zoé");
		// not yet accepted: she cannot have come
		HttpResponse<String> tooEarly = answer(receiver, id, "venue", null);
		assertThat(tooEarly.statusCode()).isEqualTo(409);
		assertThat(tooEarly.body()).contains("ne peut pas devenir");
		// accepting is the lieu's, cancelling the orienteur's
		assertThat(answer(orienteur, id, "acceptee", null).statusCode()).isEqualTo(403);
		assertThat(answer(receiver, id, "annulee", null).statusCode()).isEqualTo(403);
		// a refusal says why
		HttpResponse<String> noReason = answer(receiver, id, "refusee", null);
		assertThat(noReason.statusCode()).isEqualTo(400);
		assertThat(noReason.body()).contains("Choisissez la raison du refus");
		assertThat(answer(receiver, id, "inconnu", null).statusCode()).isEqualTo(400);
		assertThat(answer(receiver, id, "refusee", "complet").statusCode()).isEqualTo(302);
		// decided once: a second answer, or the cancellation that came too late,
		// conflicts
		assertThat(answer(receiver, id, "acceptee", null).statusCode()).isEqualTo(409);
		assertThat(answer(orienteur, id, "annulee", null).statusCode()).isEqualTo(409);
		assertThat(orienteur.get("/espace/orientations/" + id).body()).contains("Refusée par le lieu",
				"Plus de place pour le moment");

		String cancelled = send("Yanis");
		assertThat(answer(orienteur, cancelled, "annulee", null).statusCode()).isEqualTo(302);
	}

	@Test
	void ofTwoReceiversAnsweringAtOnceOneWinsAndTheOtherIsToldOfTheConflict() throws Exception {
		String id = send("Zoé");
		WebSession charente = WebSession.signedIn(port, jdbc, "coordinateur", "departement:16");
		String receiverToken = receiver.csrfToken("/espace");
		String charenteToken = charente.csrfToken("/espace");
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
		try {
			var accept = pool.submit(() -> receiver.post("/espace/orientations/" + id + "/statut",
					Map.of("statut", "acceptee", "_csrf", receiverToken)));
			var refuse = pool.submit(() -> charente.post("/espace/orientations/" + id + "/statut",
					Map.of("statut", "refusee", "motif", "complet", "_csrf", charenteToken)));
			List<Integer> statuses = List.of(accept.get().statusCode(), refuse.get().statusCode());
			assertThat(statuses).containsExactlyInAnyOrder(302, 409);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(count("select count(*) from orientation_transition where orientation_id = :id::uuid", id))
			.isEqualTo(2);
	}

	@Test
	void toAnyoneElseAnOrientationDoesNotExist() throws Exception {
		String id = send("Zoé");
		WebSession otherCoordinator = WebSession.signedIn(port, jdbc, "coordinateur", "departement:69");
		WebSession otherMember = WebSession.signedIn(port, jdbc, "membre", "structure:" + java.util.UUID.randomUUID());
		for (WebSession outsider : List.of(otherCoordinator, otherMember)) {
			HttpResponse<String> page = outsider.get("/espace/orientations/" + id);
			assertThat(page.statusCode()).isEqualTo(404);
			assertThat(page.body()).doesNotContain("Zoé");
			assertThat(answer(outsider, id, "acceptee", null).statusCode()).isEqualTo(404);
			assertThat(outsider.submit("/espace", "/espace/orientations/" + id + "/consentement/retrait", Map.of())
				.statusCode()).isEqualTo(404);
			assertThat(outsider.get("/espace/orientations/recues").body()).doesNotContain("Zoé");
			assertThat(outsider.get("/espace/orientations").body()).doesNotContain("Zoé");
		}
		// the same answer as for an orientation that does not exist, or an id that is not
		// one
		assertThat(otherMember.get("/espace/orientations/" + java.util.UUID.randomUUID()).statusCode()).isEqualTo(404);
		assertThat(otherMember.get("/espace/orientations/pas-un-identifiant").statusCode()).isEqualTo(404);
		// the coordinators covering the lieu receive it
		WebSession charente = WebSession.signedIn(port, jdbc, "coordinateur", "departement:16");
		assertThat(charente.get("/espace/orientations/" + id).body()).contains("Zoé", "Accepter");
		assertThat(charente.get("/espace/orientations/recues").body()).contains("Zoé");
		// nobody is told anything of it by a stranger's request
		assertThat(new WebSession(port).get("/espace/orientations/" + id).statusCode()).isEqualTo(302);
	}

	@Test
	void thePersonsDataIsEncryptedAtRestAndEveryReadIsLogged() throws Exception {
		String id = send("Zoé");
		String raw = jdbc
			.sql("select concat_ws(' ', prenom_chiffre, telephone_chiffre, courriel_chiffre, besoin_chiffre) "
					+ "from orientation where id = :id::uuid")
			.param("id", id)
			.query(String.class)
			.single();
		assertThat(raw).startsWith("v1.").doesNotContain("Zoé").doesNotContain("revenus").doesNotContain("06 12");
		String reads = "select count(*) from orientation_acces where orientation_id = :id::uuid and action = 'lecture'";
		assertThat(count(reads, id)).isZero();
		receiver.get("/espace/orientations/" + id);
		assertThat(count(reads, id)).isEqualTo(1);
		orienteur.get("/espace/orientations/" + id);
		receiver.get("/espace/orientations/recues");
		assertThat(count(reads, id)).isEqualTo(3);
		assertThat(jdbc
			.sql("select par from orientation_acces where orientation_id = :id::uuid and action = 'lecture' "
					+ "order by moment, id")
			.param("id", id)
			.query(String.class)
			.list()).first().asString().contains("Dominique Accueil");
		// an outsider's attempt reads nothing, logs nothing
		WebSession outsider = WebSession.signedIn(port, jdbc, "coordinateur", "departement:69");
		outsider.get("/espace/orientations/" + id);
		assertThat(count(reads, id)).isEqualTo(3);
	}

	@Test
	void withdrawingTheConsentErasesThePersonAtOnce() throws Exception {
		String id = send("Zoé");
		receiver.submit("/espace", "/espace/orientations/" + id + "/statut", Map.of("statut", "acceptee"));
		HttpResponse<String> withdrawn = orienteur.submit("/espace",
				"/espace/orientations/" + id + "/consentement/retrait", Map.of());
		assertThat(withdrawn.statusCode()).isEqualTo(302);
		assertThat(jdbc
			.sql("select count(*) from orientation where id = :id::uuid and prenom_chiffre is null "
					+ "and besoin_chiffre is null and telephone_chiffre is null and effacement_motif = 'retrait'")
			.param("id", id)
			.query(Long.class)
			.single()).isEqualTo(1);
		String page = receiver.get("/espace/orientations/" + id).body();
		assertThat(page).contains("a retiré son accord").doesNotContain("Zoé").doesNotContain("revenus");
		// the steps stay, without her
		assertThat(page).contains("Acceptée par le lieu");
		assertThat(count("select count(*) from orientation_consentement where orientation_id = :id::uuid "
				+ "and retire_le is not null", id))
			.isEqualTo(1);
	}

	@Test
	void unansweredOrientationsExpireAndTheirDataIsErasedAfterItsRetention() throws Exception {
		String old = send("Zoé");
		String recent = send("Yanis");
		String done = send("Inès");
		answer(receiver, done, "acceptee", null);
		jdbc.sql(
				"update orientation set envoyee_le = now() - interval '31 days', statut_le = now() - interval '31 days' "
						+ "where id = :id::uuid")
			.param("id", old)
			.update();
		assertThat(jobs.run()).isEqualTo(new OrientationJobs.Report(1, 0));
		assertThat(jobs.run()).as("once").isEqualTo(new OrientationJobs.Report(0, 0));
		assertThat(orienteur.get("/espace/orientations/" + old).body()).contains("Expirée, sans réponse du lieu",
				"Zoé");
		assertThat(orienteur.get("/espace/orientations/" + recent).body()).contains("Envoyée, en attente de réponse");

		// three months after it ended without support, then 24 months after any last news
		jdbc.sql("update orientation set statut_le = now() - interval '4 months' where id = :id::uuid")
			.param("id", old)
			.update();
		jdbc.sql("update orientation set statut_le = now() - interval '25 months' where id = :id::uuid")
			.param("id", done)
			.update();
		assertThat(jobs.run()).isEqualTo(new OrientationJobs.Report(0, 2));
		assertThat(orienteur.get("/espace/orientations/" + old).body()).contains("durée de conservation")
			.doesNotContain("Zoé");
		assertThat(orienteur.get("/espace/orientations/" + recent).body()).contains("Yanis");
		assertThat(count("select count(*) from orientation_acces where orientation_id = :id::uuid "
				+ "and action = 'effacement'", done))
			.isEqualTo(1);
	}

}
