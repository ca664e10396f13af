package fr.maillage.orientations.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.maillage.testing.EmptyDirectoryApiTest;
import fr.maillage.testing.Fixtures;
import fr.maillage.testing.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.HtmlUtils;

/**
 * The repérage (issue 16, item 2): answers at the counter give the schema's services and
 * the nearest lieux open when the person can go, through the directory's search; «
 * Orienter vers ce lieu » opens the send form with the lieu and the needs filled in; the
 * answers are kept, encrypted, only inside an orientation sent with her consent to that;
 * otherwise only anonymous counts per territory and month remain.
 */
class ScreeningIT extends EmptyDirectoryApiTest {

	private WebSession agent;

	private String serviceInfoId;

	private String poleCommerceId;

	@BeforeEach
	void charente() throws Exception {
		api.importFile("charente", Fixtures.CHARENTE, Fixtures.lieux(Fixtures.CHARENTE));
		serviceInfoId = api.findLieuId("Service Info 16");
		poleCommerceId = api.findLieuId("Pôle commerce de la ville de Cognac");
		agent = WebSession.signedIn(port, jdbc, "membre", "structure:" + java.util.UUID.randomUUID());
	}

	private HttpResponse<String> screen(String commune, String... answers) throws Exception {
		List<Map.Entry<String, String>> fields = new ArrayList<>();
		fields.add(Map.entry("_csrf", agent.csrfToken("/espace/orientations/reperage")));
		fields.add(Map.entry("commune", commune));
		for (String answer : answers) {
			String[] parts = answer.split("=");
			for (String code : parts[1].split(",")) {
				fields.add(Map.entry(parts[0], code));
			}
		}
		return agent.post("/espace/orientations/reperage", fields);
	}

	private long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	@Test
	void theAnswersSuggestServicesAndTheLieuxOpenWhenSheCanGo() throws Exception {
		String form = agent.get("/espace/orientations/reperage").body();
		assertThat(HtmlUtils.htmlUnescape(form)).contains("De quoi a-t-elle besoin maintenant ?",
				"Quels appareils a-t-elle chez elle ?", "A-t-elle internet chez elle ?",
				"Comment peut-elle se déplacer ?", "Quels jours peut-elle y aller ?",
				"Un handicap dont le lieu doit tenir compte ?");

		HttpResponse<String> wednesday = screen("Cognac", "besoins=appareil", "internet=non", "mobilite=a_pied",
				"jours=mercredi", "moments=matin");
		assertThat(wednesday.statusCode()).isEqualTo(200);
		String page = HtmlUtils.htmlUnescape(wednesday.body());
		assertThat(page).contains("Apprendre à me servir d’un ordinateur, d’un téléphone",
				"(Maîtrise des outils numériques du quotidien)", "Accès internet et matériel informatique",
				"Pas d'internet chez elle", "à moins de 3 km", "Service Info 16",
				"Pôle commerce de la ville de Cognac");
		// open on Thursday afternoons only: the Pôle commerce, not Service Info 16
		// (Wednesday mornings)
		String thursday = HtmlUtils.htmlUnescape(
				screen("16100", "besoins=appareil", "mobilite=a_pied", "jours=jeudi", "moments=apres_midi").body());
		assertThat(thursday).contains("Pôle commerce de la ville de Cognac").doesNotContain("Service Info 16");
		// « Orienter vers ce lieu » carries the lieu and the answers
		Matcher link = Pattern.compile("href=\"(/espace/orientations/nouvelle\\?lieu=" + poleCommerceId + "[^\"]*)\"")
			.matcher(screen("16100", "besoins=appareil,demarche", "mobilite=a_pied", "jours=jeudi", "handicap=surdite")
				.body());
		assertThat(link.find()).isTrue();
		String sendForm = HtmlUtils
			.htmlUnescape(agent.get(HtmlUtils.htmlUnescape(link.group(1)).replace(" ", "%20")).body());
		assertThat(sendForm).contains("Pôle commerce de la ville de Cognac",
				"Faire une démarche en ligne (CAF, impôts, ANTS, retraite…) ; Se servir de son téléphone ou de son ordinateur",
				"Ses réponses au repérage", "Surdité, malentendance",
				"Elle accepte aussi que ces réponses soient transmises au lieu");
		assertThat(count("select count(*) from orientation")).isZero();
	}

	@Test
	void wrongAnswersAreRefusedInPlainFrenchAndKeepWhatWasTicked() throws Exception {
		HttpResponse<String> noNeed = screen("Cognac", "internet=non");
		assertThat(noNeed.statusCode()).isEqualTo(400);
		assertThat(HtmlUtils.htmlUnescape(noNeed.body()))
			.contains("Cochez au moins une chose dont la personne a besoin maintenant.")
			.containsPattern("id=\"internet-non\"[^>]*checked");
		HttpResponse<String> nowhere = screen("Cognaq-sur-Mer", "besoins=demarche");
		assertThat(nowhere.statusCode()).isEqualTo(400);
		assertThat(HtmlUtils.htmlUnescape(nowhere.body())).contains("Aucune commune ni aucun code postal ne s'écrit");
		assertThat(screen("", "besoins=demarche").statusCode()).isEqualTo(400);
		assertThat(screen("Cognac", "besoins=voyager").statusCode()).isEqualTo(400);
		assertThat(screen("Cognac", "besoins=demarche", "internet=oui,non").statusCode()).isEqualTo(400);
		// nothing counted for a repérage that did not go through
		assertThat(count("select count(*) from reperage_compte")).isZero();
	}

	@Test
	void aRepérageLeavesOnlyAnonymousCountsPerTerritoryAndMonth() throws Exception {
		screen("Cognac", "besoins=demarche", "internet=non", "handicap=surdite");
		screen("Cognac", "besoins=demarche,courriel", "internet=oui");
		screen("Angoulême", "besoins=demarche");
		// one row per month, territory, question and answer: adding people adds to
		// counts, not rows
		assertThat(jdbc.sql("select question || '=' || reponse || ':' || nombre from reperage_compte "
				+ "where departement = '16' and epci <> '' and question in ('reperages', 'besoins', 'internet', 'handicap') "
				+ "and epci = (select epci from reperage_compte where question = 'handicap') order by 1")
			.query(String.class)
			.list()).containsExactly("besoins=courriel:1", "besoins=demarche:2", "handicap=surdite:1", "internet=non:1",
					"internet=oui:1", "reperages=total:2");
		assertThat(count("select coalesce(sum(nombre), 0) from reperage_compte where question = 'reperages'"))
			.isEqualTo(3);
		assertThat(count("select count(distinct epci) from reperage_compte")).isEqualTo(2);
		// the month, never the day; no column for a person, a session, an account or a
		// time
		assertThat(count("select count(*) from reperage_compte where extract(day from mois) <> 1")).isZero();
		assertThat(jdbc
			.sql("select column_name from information_schema.columns where table_name = 'reperage_compte' "
					+ "order by ordinal_position")
			.query(String.class)
			.list()).containsExactly("mois", "departement", "epci", "question", "reponse", "nombre");
		assertThat(count("select count(*) from orientation_reperage")).isZero();
	}

	@Test
	void theAnswersFollowTheOrientationOnlyWithHerConsentEncryptedAndErasedWithHerData() throws Exception {
		String line = "besoins=demarche;internet=non;handicap=surdite";
		String page = "/espace/orientations/nouvelle?lieu=" + serviceInfoId + "&reperage="
				+ java.net.URLEncoder.encode(line, java.nio.charset.StandardCharsets.UTF_8);
		Map<String, String> fields = new java.util.LinkedHashMap<>(
				Map.of("lieu", serviceInfoId, "prenom", "Zoé", "besoin", "Faire une démarche en ligne", "mode",
						"oral_guichet", "consentement", "oui", "reperage", line));
		// she agrees to the orientation, not to sharing her answers: none kept
		HttpResponse<String> without = agent.submit(page, "/espace/orientations", fields);
		assertThat(without.statusCode()).as(without.body()).isEqualTo(302);
		assertThat(count("select count(*) from orientation_reperage")).isZero();
		// without her consent to the orientation, nothing at all
		Map<String, String> noConsent = new java.util.LinkedHashMap<>(fields);
		noConsent.put("consentement", "");
		noConsent.put("joindre_reperage", "oui");
		assertThat(agent.submit(page, "/espace/orientations", noConsent).statusCode()).isEqualTo(422);
		assertThat(count("select count(*) from orientation_reperage")).isZero();

		fields.put("joindre_reperage", "oui");
		HttpResponse<String> sent = agent.submit(page, "/espace/orientations", fields);
		assertThat(sent.statusCode()).isEqualTo(302);
		String location = sent.headers().firstValue("Location").orElseThrow();
		String id = location.substring(location.indexOf("/orientations/") + 14, location.indexOf('?'));
		String stored = jdbc.sql("select reponses_chiffre from orientation_reperage where orientation_id = :id::uuid")
			.param("id", id)
			.query(String.class)
			.single();
		// encrypted like her name: a dump does not tell her disability
		assertThat(stored).startsWith("v1.").doesNotContain("surdite").doesNotContain("besoins");
		assertThat(HtmlUtils.htmlUnescape(agent.get("/espace/orientations/" + id).body()))
			.contains("Ses réponses au repérage", "Surdité, malentendance", "A-t-elle internet chez elle ? Non");
		// her copy of her data, asked through an administrator, carries them too
		fr.maillage.testing.WebSession administrator = fr.maillage.testing.WebSession.signedIn(port, jdbc,
				"administrateur");
		HttpResponse<String> copy = administrator.post("/espace/donnees-personnelles/export", Map.of("orientation", id,
				"format", "json", "_csrf", administrator.csrfToken("/espace/donnees-personnelles")));
		assertThat(copy.statusCode()).isEqualTo(200);
		assertThat(copy.body()).contains("\"reperage\"", "Surdité, malentendance");
		// withdrawing her consent erases them with the rest
		agent.submit("/espace/orientations/" + id, "/espace/orientations/" + id + "/consentement/retrait", Map.of());
		assertThat(count("select count(*) from orientation_reperage")).isZero();
		assertThat(HtmlUtils.htmlUnescape(agent.get("/espace/orientations/" + id).body()))
			.doesNotContain("Surdité, malentendance");
	}

	@Test
	void signedInAccountsOrientFromTheSearchResultsTheAnonymousSeeNothingNew() throws Exception {
		String signedIn = agent.get("/?q=Cognac").body();
		assertThat(signedIn).contains("/espace/orientations/nouvelle?lieu=" + serviceInfoId,
				"Orienter une personne ici");
		String anonymous = new WebSession(port).get("/?q=Cognac").body();
		assertThat(anonymous).contains("Service Info 16")
			.doesNotContain("/espace/orientations/nouvelle")
			.doesNotContain("Orienter une personne ici");
	}

}
