package fr.maillage.opendata.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.maillage.testing.EmptyDirectoryApiTest;
import fr.maillage.testing.Fixtures;
import fr.maillage.testing.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The review queue and the provenance as pages (issue 15), on the real Charente file: a
 * coordinator of the Charente sees and decides its pairs through {@code DuplicateReview},
 * a coordinator of another territory neither sees nor decides them, a stranger is sent to
 * sign in; the provenance of a lieu is public, as its JSON form.
 */
class DuplicateReviewPagesIT extends EmptyDirectoryApiTest {

	private static final String CHARENTE = "20230711-charente-lieux-de-mediation-numeriques-nouvelle-aquitaine.json";

	@BeforeEach
	void importCharente() {
		assertThat(api.importFile("charente", CHARENTE, Fixtures.lieux(CHARENTE)).status()).isEqualTo(201);
	}

	private static String firstPairId(String queue) {
		Matcher link = Pattern.compile("/espace/doublons/([0-9a-f-]{36})").matcher(queue);
		assertThat(link.find()).as(queue).isTrue();
		return link.group(1);
	}

	/** The page with its entities read, as a person reads it. */
	private static String text(HttpResponse<String> page) {
		return org.springframework.web.util.HtmlUtils.htmlUnescape(page.body());
	}

	private int publishedCount() {
		return api.get("/api/v1/lieux?taille=1").json().get("total").asInt();
	}

	@Test
	void theCoordinatorComparesThePairAndItsDecisionMergesTheTwoRecords() throws Exception {
		WebSession charente = WebSession.signedIn(port, jdbc, "coordinateur", "departement:16");
		String queue = charente.get("/espace/doublons").body();
		int queued = api.getAsAdmin("/api/v1/doublons?statut=a_examiner").json().get("total").asInt();
		assertThat(queued).isPositive();
		assertThat(queue).contains("Doublons à examiner", "Charente (16)",
				queued + (queued > 1 ? " paires" : " paire"));
		String id = firstPairId(queue);
		JsonNode pair = null;
		for (JsonNode candidate : api.getAsAdmin("/api/v1/doublons?taille=200").json().get("doublons")) {
			if (candidate.get("id").asString().equals(id)) {
				pair = candidate;
			}
		}
		assertThat(pair).isNotNull();

		String page = text(charente.get("/espace/doublons/" + id));
		String nameA = pair.get("lieux").get(0).get("nom").asString();
		String nameB = pair.get("lieux").get(1).get("nom").asString();
		assertThat(page).contains("Fiche A", "Fiche B", nameA, nameB, "score de", "l'un de l'autre", "Même lieu",
				"Lieux différents", "name=\"_csrf\"");
		// the score's reasons, as the API gives them
		pair.get("raisons").forEach(reason -> assertThat(page).contains(reason.asString()));
		if (!nameA.equalsIgnoreCase(nameB)) {
			assertThat(page).contains("etiquette-difference\">différent</span>");
		}
		int before = publishedCount();

		HttpResponse<String> decided = charente.submit("/espace/doublons/" + id, "/espace/doublons/" + id + "/decision",
				Map.of("decision", "fusionner"));

		assertThat(decided.statusCode()).isEqualTo(302);
		assertThat(decided.headers().firstValue("Location").orElse("")).endsWith("/espace/doublons?decision=fusionner");
		assertThat(charente.get("/espace/doublons?decision=fusionner").body())
			.contains("Décision enregistrée : « Même lieu »");
		// the two records are now one lieu
		assertThat(publishedCount()).isEqualTo(before - 1);
		String idA = pair.get("lieux").get(0).get("id").asString();
		String idB = pair.get("lieux").get(1).get("id").asString();
		assertThat(api.get("/api/v1/lieux/" + idA).json().get("id").asString())
			.isEqualTo(api.get("/api/v1/lieux/" + idB).json().get("id").asString());
		assertThat(jdbc.sql("select statut || ' ' || auteur from doublon where id = cast(:id as uuid)")
			.param("id", id)
			.query(String.class)
			.single()).startsWith("fusionner Test coordinateur");

		// signed and dated, in French
		String decidedPage = text(charente.get("/espace/doublons/" + id));
		String month = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Paris"))
			.format(java.time.format.DateTimeFormatter.ofPattern("MMMM yyyy", java.util.Locale.FRENCH));
		assertThat(decidedPage).contains("Décidé le", month, "par <strong>Test coordinateur</strong>",
				"« <span>Même lieu</span> »");
		assertThat(decidedPage).doesNotContain("name=\"decision\"");
		assertThat(charente.get("/espace/doublons?statut=fusionner").body()).contains("/espace/doublons/" + id);

		// deciding otherwise afterwards is refused in words, and changes nothing
		HttpResponse<String> again = charente.submit("/espace", "/espace/doublons/" + id + "/decision",
				Map.of("decision", "distincts"));
		assertThat(again.statusCode()).isEqualTo(409);
		// the same person, from another tab: told it was their own decision
		assertThat(text(again)).contains("Vous aviez déjà décidé cette paire",
				"Ce nouveau choix n'a pas été enregistré");
		assertThat(publishedCount()).isEqualTo(before - 1);
	}

	@Test
	void aCoordinatorOfAnotherTerritoryNeitherSeesNorDecidesAndAStrangerIsSentToSignIn() throws Exception {
		WebSession charente = WebSession.signedIn(port, jdbc, "coordinateur", "departement:16");
		String id = firstPairId(charente.get("/espace/doublons").body());
		WebSession rhone = WebSession.signedIn(port, jdbc, "coordinateur", "departement:69");
		int before = publishedCount();

		assertThat(rhone.get("/espace/doublons").body()).contains("Rhône (69)", "Aucune paire dans cet état")
			.doesNotContain("/espace/doublons/" + id);
		HttpResponse<String> hidden = rhone.get("/espace/doublons/" + id);
		assertThat(hidden.statusCode()).isEqualTo(404);
		assertThat(hidden.body()).contains("Page introuvable");
		assertThat(rhone.submit("/espace", "/espace/doublons/" + id + "/decision", Map.of("decision", "fusionner"))
			.statusCode()).isEqualTo(404);
		// a member reviews no pair
		WebSession member = WebSession.signedIn(port, jdbc, "membre");
		assertThat(member.get("/espace/doublons").body()).contains("Aucune paire");
		assertThat(member.get("/espace/doublons/" + id).statusCode()).isEqualTo(404);
		// an EPCI's coordinator sees the pairs of its communes: Grand Angoulême
		WebSession angouleme = WebSession.signedIn(port, jdbc, "coordinateur", "epci:200071827");
		assertThat(angouleme.get("/espace/doublons").statusCode()).isEqualTo(200);

		WebSession stranger = new WebSession(port);
		HttpResponse<String> toSignIn = stranger.get("/espace/doublons/" + id);
		assertThat(toSignIn.statusCode()).isEqualTo(302);
		assertThat(toSignIn.headers().firstValue("Location").orElse("")).endsWith("/connexion");
		assertThat(stranger.post("/espace/doublons/" + id + "/decision", Map.of("decision", "fusionner")).statusCode())
			.isIn(302, 403);

		assertThat(publishedCount()).isEqualTo(before);
		assertThat(jdbc.sql("select count(*) from doublon where statut <> 'a_examiner'").query(Long.class).single())
			.isZero();
		// the administrator sees every pair
		WebSession administrator = WebSession.signedIn(port, jdbc, "administrateur");
		assertThat(administrator.get("/espace/doublons/" + id).statusCode()).isEqualTo(200);
	}

	@Test
	void theProvenanceIsAPublicPageThatKeepsTheValuesNotKept() throws Exception {
		String apej = null;
		for (JsonNode lieu : api.get("/api/v1/lieux?taille=500&q=APEJ").json().get("lieux")) {
			if (lieu.get("nom").asString().equals("APEJ")) {
				apej = lieu.get("id").asString();
			}
		}
		assertThat(apej).isNotNull();
		assertThat(text(new WebSession(port).get("/lieux/" + apej))).contains("/lieux/" + apej + "/provenance",
				"D'où viennent ces informations ?");

		HttpResponse<String> page = new WebSession(port).get("/lieux/" + apej + "/provenance");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(text(page)).contains("D'où viennent les informations de <span>APEJ</span>", "3 fiches",
				"<span class=\"etiquette-retenue\">retenue</span> <span>APEJ</span>",
				"<span class=\"etiquette-non-retenue\">non retenue</span> <del>APEJ COGNAC</del>", "charente");
		// dates in French: « 1 décembre 2026 », never 2026-12-01
		assertThat(page.body()).containsPattern("\\d{1,2} (janvier|février|mars|avril|mai|juin|juillet|août|septembre"
				+ "|octobre|novembre|décembre) \\d{4}");
		assertThat(page.body()).doesNotContainPattern(">\\d{4}-\\d{2}-\\d{2}<");
		assertThat(new WebSession(port).get("/lieux/00000000-0000-0000-0000-000000000000/provenance").statusCode())
			.isEqualTo(404);
	}

}
