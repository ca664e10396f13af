package fr.maillage.orientations;

import static fr.maillage.orientations.UnattendedLieux.ALPHA;
import static fr.maillage.orientations.UnattendedLieux.CHAMP_DE_MARS;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import fr.maillage.testing.EmptyDirectoryApiTest;
import fr.maillage.testing.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Signed links (issue 16): a lieu with nobody attached is e-mailed a link — the link
 * only, nothing of the person — that opens that one orientation for 8 days and takes the
 * lieu's answers; an altered, expired, replaced or spent link is refused; the orienteur
 * or a coordinator renews it; every read through it is logged.
 */
class OrientationLinksIT extends EmptyDirectoryApiTest {

	private String champDeMars;

	private String alpha;

	private WebSession orienteur;

	@BeforeEach
	void twoLieuxWithNobodyAttached() throws Exception {
		UnattendedLieux.importThem(api);
		champDeMars = api.findLieuId("Espace numérique du Champ de Mars");
		alpha = api.findLieuId("Médiathèque Alpha");
		orienteur = WebSession.signedIn(port, jdbc, "coordinateur", "departement:69");
	}

	private long count(String sql, String id) {
		return jdbc.sql(sql).param("id", id).query(Long.class).single();
	}

	private HttpResponse<String> answer(String link, String status, String reason) throws Exception {
		WebSession lieu = new WebSession(port);
		Map<String, String> fields = reason == null ? Map.of("statut", status)
				: Map.of("statut", status, "motif", reason);
		// the CSRF token from a public form: a refused link's page has none
		return lieu.submit("/demande-de-compte", link + "/statut", fields);
	}

	@Test
	void theLieuReadsAndAnswersThroughItsLinkUntilItsLastAnswer() throws Exception {
		String id = UnattendedLieux.send(orienteur, champDeMars, "Zoé", "06 12 34 56 78");
		String mail = UnattendedLieux.lastMail(jdbc, CHAMP_DE_MARS);
		assertThat(mail).contains("une orientation attend votre réponse", "/orientations/lien/", "valable 8 jours")
			.doesNotContain("Zoé")
			.doesNotContain("revenus")
			.doesNotContain("06 12")
			.doesNotContain(id);
		// only the token's hash is stored
		String link = UnattendedLieux.lastLink(jdbc, CHAMP_DE_MARS);
		String token = link.substring(link.lastIndexOf('/') + 1);
		assertThat(jdbc.sql("select jeton_sha256 from orientation_lien").query(String.class).single()).hasSize(64)
			.isNotEqualTo(token);

		WebSession lieu = new WebSession(port);
		HttpResponse<String> page = lieu.get(link);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Orientation de Zoé", "Déclarer ses revenus en ligne", "06 12 34 56 78",
				"Accepter", "Refuser l'orientation");
		assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
		assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
		// the read is logged, as the lieu's
		assertThat(jdbc.sql("select par from orientation_acces where orientation_id = :id::uuid and action = 'lecture'")
			.param("id", id)
			.query(String.class)
			.single()).contains("Espace numérique du Champ de Mars", "lien");

		assertThat(answer(link, "acceptee", null).statusCode()).isEqualTo(302);
		String accepted = lieu.get(link).body();
		assertThat(accepted).contains("Acceptée par le lieu", "La personne est venue");
		// the orienteur's cancelling, or the end of support, are not a link's
		assertThat(answer(link, "annulee", null).statusCode()).isEqualTo(409);
		assertThat(answer(link, "accompagnement_termine", null).statusCode()).isEqualTo(409);
		assertThat(answer(link, "venue", null).statusCode()).isEqualTo(302);
		assertThat(lieu.get(link + "?repondu").body()).contains("Merci, votre réponse est enregistrée");
		// spent: neither readable nor answerable again
		HttpResponse<String> spent = lieu.get(link);
		assertThat(spent.statusCode()).isEqualTo(410);
		assertThat(spent.body()).contains("a reçu ses réponses").doesNotContain("Zoé");
		assertThat(answer(link, "non_venue", null).statusCode()).isEqualTo(410);
		assertThat(orienteur.get("/espace/orientations").body()).contains("La personne est venue");
		assertThat(orienteur.get("/espace/orientations/" + id).body())
			.contains("Espace numérique du Champ de Mars", "(lien envoyé par courriel)", "le lien ne sert plus")
			.doesNotContain("Renvoyer un lien");
		assertThat(count("select count(*) from orientation_transition where orientation_id = :id::uuid", id))
			.isEqualTo(3);
	}

	@Test
	void anAlteredExpiredOrReplacedLinkOpensNothing() throws Exception {
		String id = UnattendedLieux.send(orienteur, champDeMars, "Zoé", "06 12 34 56 78");
		String link = UnattendedLieux.lastLink(jdbc, CHAMP_DE_MARS);
		WebSession stranger = new WebSession(port);
		String altered = link.substring(0, link.length() - 1) + (link.endsWith("A") ? "B" : "A");
		HttpResponse<String> wrong = stranger.get(altered);
		assertThat(wrong.statusCode()).isEqualTo(404);
		assertThat(wrong.body()).contains("Ce lien n&#39;est pas valide").doesNotContain("Zoé");
		assertThat(answer(altered, "acceptee", null).statusCode()).isEqualTo(404);
		assertThat(stranger.get("/orientations/lien/").statusCode()).isEqualTo(404);

		jdbc.sql("update orientation_lien set expire_le = now() - interval '1 minute'").update();
		HttpResponse<String> expired = stranger.get(link);
		assertThat(expired.statusCode()).isEqualTo(410);
		assertThat(expired.body()).contains("Ce lien a expiré").doesNotContain("Zoé");
		assertThat(answer(link, "acceptee", null).statusCode()).isEqualTo(410);
		assertThat(orienteur.get("/espace/orientations/" + id).body()).contains("Il a expiré",
				"Renvoyer un lien valable 8 jours");

		// nobody else renews it; the orienteur does, and the old link stops
		WebSession member = WebSession.signedIn(port, jdbc, "membre", "structure:" + java.util.UUID.randomUUID());
		assertThat(member.submit("/espace", "/espace/orientations/" + id + "/lien", Map.of()).statusCode())
			.isEqualTo(404);
		HttpResponse<String> renewed = orienteur.submit("/espace", "/espace/orientations/" + id + "/lien", Map.of());
		assertThat(renewed.statusCode()).isEqualTo(302);
		String fresh = UnattendedLieux.lastLink(jdbc, CHAMP_DE_MARS);
		assertThat(fresh).isNotEqualTo(link);
		assertThat(stranger.get(fresh).body()).contains("Orientation de Zoé");
		jdbc.sql("update orientation_lien set expire_le = now() + interval '1 day' where revoque_le is not null")
			.update();
		HttpResponse<String> replaced = stranger.get(link);
		assertThat(replaced.statusCode()).isEqualTo(410);
		assertThat(replaced.body()).contains("remplacé par un lien plus récent");
		// the coordinators of the lieu renew it too
		WebSession charente = WebSession.signedIn(port, jdbc, "coordinateur", "departement:16");
		assertThat(charente.get("/espace/orientations/" + id).body()).contains("Renvoyer un lien valable 8 jours");
		assertThat(charente.submit("/espace", "/espace/orientations/" + id + "/lien", Map.of()).statusCode())
			.isEqualTo(302);
	}

	@Test
	void aLinkOpensItsOrientationOnlyAndGivesNoAccount() throws Exception {
		String zoe = UnattendedLieux.send(orienteur, champDeMars, "Zoé", "06 12 34 56 78");
		String yanis = UnattendedLieux.send(orienteur, alpha, "Yanis", "07 98 76 54 32");
		String zoeLink = UnattendedLieux.lastLink(jdbc, CHAMP_DE_MARS);
		String yanisLink = UnattendedLieux.lastLink(jdbc, ALPHA);
		WebSession lieu = new WebSession(port);
		assertThat(lieu.get(zoeLink).body()).contains("Zoé").doesNotContain("Yanis");
		// holding a link opens no other orientation, and no workspace
		assertThat(lieu.get("/espace/orientations/" + yanis).statusCode()).isEqualTo(302);
		assertThat(lieu.get("/espace/orientations/" + zoe).statusCode()).isEqualTo(302);
		assertThat(answer(zoeLink, "acceptee", null).statusCode()).isEqualTo(302);
		assertThat(count("select count(*) from orientation where id = :id::uuid and statut = 'envoyee'", yanis))
			.isEqualTo(1);
		assertThat(lieu.get(yanisLink).body()).contains("Yanis").doesNotContain("Zoé");
		// a refusal through the link says why, and spends it
		HttpResponse<String> noReason = answer(yanisLink, "refusee", null);
		assertThat(noReason.statusCode()).isEqualTo(400);
		assertThat(noReason.body()).contains("Choisissez la raison du refus");
		assertThat(answer(yanisLink, "refusee", "complet").statusCode()).isEqualTo(302);
		assertThat(lieu.get(yanisLink).statusCode()).isEqualTo(410);
	}

	@Test
	void aLieuWithAMemberGetsNoLink() throws Exception {
		WebSession charente = WebSession.signedIn(port, jdbc, "coordinateur", "departement:16");
		charente.submit("/espace/lieux/" + alpha + "/modifier", "/espace/lieux/" + alpha + "/structure",
				Map.of("nom", "Médiathèque Alpha"));
		String structure = jdbc.sql("select structure_id::text from structure_lieu where lieu_id = :id::uuid")
			.param("id", alpha)
			.query(String.class)
			.single();
		String member = WebSession.newAccount(port, jdbc, "Dominique Accueil", "membre", "structure:" + structure);
		String id = UnattendedLieux.send(orienteur, alpha, "Zoé", "06 12 34 56 78");
		assertThat(UnattendedLieux.mails(jdbc, ALPHA)).isZero();
		assertThat(UnattendedLieux.lastMail(jdbc, member)).contains("/espace/orientations/" + id);
		assertThat(jdbc.sql("select count(*) from orientation_lien").query(Long.class).single()).isZero();
		assertThat(orienteur.get("/espace/orientations/" + id).body()).doesNotContain("Renvoyer un lien");
		assertThat(orienteur.submit("/espace", "/espace/orientations/" + id + "/lien", Map.of()).statusCode())
			.isEqualTo(409);
	}

}
