package fr.maillage.contributions.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.maillage.testing.EmptyDirectoryApiTest;
import fr.maillage.testing.Fixtures;
import fr.maillage.testing.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "Signaler une erreur" reaches the coordinator of the lieu's territory (issue 6), beside
 * the published lieu; each decision is kept, a rejection is explained to its author.
 */
class ModerationIT extends EmptyDirectoryApiTest {

	private String lieuId;

	@BeforeEach
	void importCharenteAndReport() {
		api.importFile("charente", Fixtures.CHARENTE, Fixtures.lieux(Fixtures.CHARENTE));
		lieuId = api.findLieuId("Service Info 16");
		Map<String, String> form = new LinkedHashMap<>();
		form.put("champ", "Horaires");
		form.put("message", "Fermé le mercredi depuis septembre.");
		form.put("courriel", "habitante@exemple.fr");
		form.put("site_web_confirmation", "");
		form.put("affiche_le", Long.toString(System.currentTimeMillis() - 10_000));
		assertThat(api.postFormFromPage("/lieux/" + lieuId, "/lieux/" + lieuId + "/signalements", form).status())
			.isEqualTo(302);
	}

	private static String reportId(String page) {
		Matcher action = Pattern.compile("/espace/signalements/([0-9a-f-]+)/decision").matcher(page);
		assertThat(action.find()).as(page).isTrue();
		return action.group(1);
	}

	@Test
	void theCoordinatorSeesTheReportBesideTheLieuAndExplainsARejection() throws Exception {
		WebSession coordinator = WebSession.signedIn(port, jdbc, "coordinateur", "departement:16");
		String queue = coordinator.get("/espace/moderation").body();
		assertThat(queue).contains("Service Info 16", "Fermé le mercredi depuis septembre.", "La fiche aujourd");
		String id = reportId(queue);

		String noReason = coordinator
			.submit("/espace/moderation", "/espace/signalements/" + id + "/decision", Map.of("decision", "rejetee"))
			.body();
		assertThat(noReason).contains("Expliquez en une phrase pourquoi");

		var rejected = coordinator.submit("/espace/moderation", "/espace/signalements/" + id + "/decision",
				Map.of("decision", "rejetee", "reponse", "Le lieu est bien ouvert le mercredi matin."));
		assertThat(rejected.statusCode()).isEqualTo(302);
		assertThat(jdbc.sql("select statut || ' ' || decide_par from signalement").query(String.class).single())
			.startsWith("rejetee Test coordinateur");
		assertThat(jdbc.sql("select corps from courriel_sortant where destinataire = 'habitante@exemple.fr'")
			.query(String.class)
			.single()).contains("Le lieu est bien ouvert le mercredi matin.");
		assertThat(coordinator.get("/espace/moderation").body()).contains("Aucun signalement en attente");
		// decided once: a second decision is refused
		String again = coordinator
			.submit("/espace", "/espace/signalements/" + id + "/decision", Map.of("decision", "acceptee"))
			.body();
		assertThat(again).contains("déjà été traité");
	}

	@Test
	void aCoordinatorOfAnotherTerritoryNeitherSeesNorDecidesIt() throws Exception {
		WebSession charente = WebSession.signedIn(port, jdbc, "coordinateur", "departement:16");
		String id = reportId(charente.get("/espace/moderation").body());
		WebSession rhone = WebSession.signedIn(port, jdbc, "coordinateur", "departement:69");

		assertThat(rhone.get("/espace/moderation").body()).doesNotContain("Fermé le mercredi");
		assertThat(rhone.submit("/espace", "/espace/signalements/" + id + "/decision", Map.of("decision", "acceptee"))
			.statusCode()).isEqualTo(403);
		assertThat(jdbc.sql("select statut from signalement").query(String.class).single()).isEqualTo("a_examiner");
	}

	@Test
	void aMemberNotInChargeProposesAndTheCoordinatorAcceptsSideBySide() throws Exception {
		WebSession member = WebSession.signedIn(port, jdbc, "membre");
		String editPage = "/espace/lieux/" + lieuId + "/modifier";
		String form = member.get(editPage).body();
		assertThat(form).contains("proposée à la coordination");
		Map<String, String> values = WebSession.formFields(form, Map.of());
		values.put("telephone", "05 45 95 00 00");
		values.put("motif", "Nouveau standard");
		values.put("_csrf", member.csrfToken(editPage));
		assertThat(member.post(editPage, values).body()).contains("Proposition envoyée");
		// nothing published yet
		assertThat(api.get("/api/v1/lieux/" + lieuId).json().path("telephone").asString(""))
			.isNotEqualTo("+33545950000");

		WebSession coordinator = WebSession.signedIn(port, jdbc, "coordinateur", "departement:16");
		String queue = coordinator.get("/espace/moderation").body();
		assertThat(queue).contains("Modifications proposées", "Nouveau standard", "05 45 95 00 00");
		Matcher action = Pattern.compile("/espace/propositions/([0-9a-f-]+)/decision").matcher(queue);
		assertThat(action.find()).isTrue();
		var accepted = coordinator.submit("/espace/moderation", "/espace/propositions/" + action.group(1) + "/decision",
				Map.of("decision", "acceptee"));
		assertThat(accepted.statusCode()).isEqualTo(302);

		assertThat(api.get("/api/v1/lieux/" + lieuId).json().get("telephone").asString()).isEqualTo("+33545950000");
		assertThat(coordinator.get("/espace/lieux/" + lieuId + "/historique").body()).contains("Proposition de");
		assertThat(jdbc.sql("select count(*) from courriel_sortant where sujet like 'Votre proposition%'")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

}
