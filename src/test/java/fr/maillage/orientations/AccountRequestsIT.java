package fr.maillage.orientations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import fr.maillage.testing.EmptyDirectoryApiTest;
import fr.maillage.testing.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Requests for a professional account (issue 16): asked from a public page, checked field
 * by field without losing what was typed, throttled; seen by the coordinators of the
 * territory and the administrators only; accepted through the invitation of accounts (a
 * member of her structure, created when new), or refused with a reason — e-mailed either
 * way; refused requests deleted after their retention.
 */
class AccountRequestsIT extends EmptyDirectoryApiTest {

	/** A SIRET whose Luhn key is right. */
	private static final String SIRET = "130 000 145 00016";

	@Autowired
	AccountRequests requests;

	private static Map<String, String> form(String name, String email, String structure, String siret,
			String territory) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("nom", name);
		fields.put("courriel", email);
		fields.put("structure", structure);
		fields.put("siret", siret);
		fields.put("territoire", territory);
		return fields;
	}

	private HttpResponse<String> ask(WebSession who, Map<String, String> fields) throws Exception {
		return who.submit("/demande-de-compte", "/demande-de-compte", fields);
	}

	private String requestId(String email) {
		return jdbc.sql("select id::text from demande_compte where courriel = :email")
			.param("email", email)
			.query(String.class)
			.single();
	}

	private String lastMail(String to) {
		return jdbc
			.sql("select sujet || ' ' || corps from courriel_sortant where destinataire = :to order by cree_le desc "
					+ "limit 1")
			.param("to", to)
			.query(String.class)
			.single();
	}

	@Test
	void aProfessionalAsksAndTheCoordinatorOfHerTerritoryLetsHerIn() throws Exception {
		WebSession stranger = new WebSession(port);
		assertThat(stranger.get("/connexion").body()).contains("/demande-de-compte");
		assertThat(stranger.get("/demande-de-compte").body()).contains("Demander un compte professionnel", "Son SIRET");
		HttpResponse<String> sent = ask(stranger,
				form("Camille Guichet", " Camille.Guichet@CCAS-Angouleme.fr ", "CCAS d'Angoulême", SIRET, "Angoulême"));
		assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
		assertThat(sent.headers().firstValue("Location").orElseThrow()).endsWith("/demande-de-compte?envoyee");
		assertThat(stranger.get("/demande-de-compte?envoyee").body()).contains("Votre demande est envoyée");
		String email = "camille.guichet@ccas-angouleme.fr";
		assertThat(jdbc.sql("select territoire || ' ' || siret || ' ' || departements from demande_compte")
			.query(String.class)
			.single()).isEqualTo("commune:16015 13000014500016 16");
		// the same request again adds nothing, and says the same
		assertThat(ask(stranger, form("Camille Guichet", email, "CCAS d'Angoulême", SIRET, "Angoulême")).statusCode())
			.isEqualTo(302);
		assertThat(jdbc.sql("select count(*) from demande_compte").query(Long.class).single()).isEqualTo(1);

		// the Charente's coordinators and the administrators see it; nobody else does
		WebSession charente = WebSession.signedIn(port, jdbc, "coordinateur", "departement:16");
		WebSession rhone = WebSession.signedIn(port, jdbc, "coordinateur", "departement:69");
		WebSession administrator = WebSession.signedIn(port, jdbc, "administrateur");
		WebSession member = WebSession.signedIn(port, jdbc, "membre");
		assertThat(charente.get("/espace").body()).contains("/espace/demandes-de-compte");
		String page = charente.get("/espace/demandes-de-compte").body();
		assertThat(page).contains("Camille Guichet", "CCAS d&#39;Angoulême", "13000014500016", "Angoulême (16)",
				"Accepter et inviter", "n'existe pas encore dans Maillage");
		assertThat(administrator.get("/espace/demandes-de-compte").body()).contains("Camille Guichet");
		assertThat(rhone.get("/espace/demandes-de-compte").body()).doesNotContain("Camille Guichet")
			.contains("Aucune demande de compte");
		assertThat(member.get("/espace/demandes-de-compte").statusCode()).isEqualTo(403);
		String id = requestId(email);
		assertThat(rhone.submit("/espace", "/espace/demandes-de-compte/" + id + "/acceptation", Map.of()).statusCode())
			.isEqualTo(404);
		assertThat(member.submit("/espace", "/espace/demandes-de-compte/" + id + "/acceptation", Map.of()).statusCode())
			.isEqualTo(403);

		HttpResponse<String> accepted = charente.submit("/espace", "/espace/demandes-de-compte/" + id + "/acceptation",
				Map.of("structure", "CCAS d'Angoulême"));
		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(302);
		String structure = jdbc.sql("select id::text from structure where nom = 'CCAS d''Angoulême'")
			.query(String.class)
			.single();
		assertThat(jdbc
			.sql("select c.role || ' ' || t.niveau || ':' || t.code from compte c "
					+ "join compte_territoire t on t.compte_id = c.id where c.courriel = :e")
			.param("e", email)
			.query(String.class)
			.single()).isEqualTo("membre structure:" + structure);
		assertThat(lastMail(email)).contains("Invitation à Maillage", "/invitation/", "CCAS d'Angoulême");
		// decided once
		assertThat(administrator
			.submit("/espace", "/espace/demandes-de-compte/" + id + "/refus", Map.of("motif", "Doublon"))
			.statusCode()).isEqualTo(409);
		assertThat(charente.get("/espace/demandes-de-compte").body()).contains("Acceptée le");

		// she chooses her password and orients people
		String link = WebSession.lastLink(jdbc, email);
		new WebSession(port).submit(link, link,
				Map.of("mot_de_passe", WebSession.PASSWORD, "confirmation", WebSession.PASSWORD));
		WebSession camille = new WebSession(port);
		HttpResponse<String> signedIn = camille.submit("/connexion", "/connexion",
				Map.of("courriel", email, "mot_de_passe", WebSession.PASSWORD));
		assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/espace");
		assertThat(camille.get("/espace/orientations").statusCode()).isEqualTo(200);
	}

	@Test
	void theCoordinatorsOfTheTerritoryAreToldARequestWaitsWithoutThePersonInTheMail() throws Exception {
		String charente = WebSession.newAccount(port, jdbc, "Coordinatrice Charente", "coordinateur", "departement:16");
		String rhone = WebSession.newAccount(port, jdbc, "Coordinateur Rhône", "coordinateur", "departement:69");
		String administrator = WebSession.newAccount(port, jdbc, "Administratrice", "administrateur");

		ask(new WebSession(port),
				form("Camille Guichet", "camille@ccas-angouleme.fr", "CCAS d'Angoulême", SIRET, "Angoulême"));

		assertThat(lastMail(charente))
			.contains("une demande de compte à examiner", "Angoulême (16)", "/espace/demandes-de-compte")
			.doesNotContain("Camille", "Guichet", "camille@", "CCAS");
		// the others are not disturbed: the Charente has its coordinator
		assertThat(mailsTo(rhone)).isZero();
		assertThat(mailsTo(administrator)).isZero();

		// a territory nobody coordinates: the administrators decide, so they are told
		ask(new WebSession(port),
				form("Dominique Accueil", "dominique@mairie-brest.fr", "Mairie de Brest", SIRET, "29"));
		assertThat(lastMail(administrator)).contains("une demande de compte à examiner", "Finistère (29)");
		assertThat(mailsTo(charente)).isEqualTo(1);
	}

	/** The notices of a waiting request sent to that address. */
	private long mailsTo(String to) {
		return jdbc
			.sql("select count(*) from courriel_sortant where destinataire = :to "
					+ "and sujet like '%demande de compte à examiner'")
			.param("to", to)
			.query(Long.class)
			.single();
	}

	@Test
	void aWrongFieldIsSaidInPlainFrenchAndNothingTypedIsLost() throws Exception {
		WebSession stranger = new WebSession(port);
		HttpResponse<String> wrong = ask(stranger,
				form(" ", "camille@", "CCAS d'Angoulême", "130 000 145 00017", "Angoulême"));
		assertThat(wrong.statusCode()).isEqualTo(400);
		assertThat(wrong.body())
			.contains("La demande n'est pas partie", "Indiquez votre prénom et votre nom.",
					"Cette adresse électronique n&#39;est pas valide", "Ce SIRET n&#39;existe pas")
			.contains("value=\"camille@\"", "value=\"CCAS d&#39;Angoulême\"", "value=\"130 000 145 00017\"",
					"value=\"Angoulême\"");
		HttpResponse<String> siren = ask(stranger, form("Camille", "camille@ccas.fr", "CCAS", "130000145", "16"));
		assertThat(siren.body()).contains("c&#39;est un SIREN");
		HttpResponse<String> nowhere = ask(stranger,
				form("Camille", "camille@ccas.fr", "CCAS", SIRET, "Zzzyxwvutsville"));
		assertThat(nowhere.statusCode()).isEqualTo(400);
		assertThat(nowhere.body()).contains("Aucune commune, intercommunalité ou département ne s&#39;appelle");
		// several answer: she picks hers, the rest of the form kept
		HttpResponse<String> several = ask(stranger,
				form("Camille", "camille@ccas.fr", "CCAS de Saint-Pierre", SIRET, "Saint-Pierre"));
		assertThat(several.statusCode()).isEqualTo(400);
		assertThat(several.body()).contains("Plusieurs territoires répondent à « Saint-Pierre »", "Saint-Pierre (974)",
				"value=\"commune:97416\"", "value=\"CCAS de Saint-Pierre\"");
		Map<String, String> picked = form("Camille", "camille@ccas.fr", "CCAS de Saint-Pierre", SIRET, "Saint-Pierre");
		picked.put("territoire_choisi", "commune:97416");
		assertThat(ask(stranger, picked).statusCode()).isEqualTo(302);
		assertThat(jdbc.sql("select territoire_nom || ' ' || departements from demande_compte")
			.query(String.class)
			.single()).isEqualTo("Saint-Pierre (974) 974");
		assertThat(ask(stranger, form("", "", "", "", "")).body()).contains("Indiquez votre territoire",
				"Indiquez le SIRET de votre structure", "Indiquez le nom de votre structure");
	}

	@Test
	void aRefusalSaysWhyAndIsDeletedAfterItsRetention() throws Exception {
		WebSession stranger = new WebSession(port);
		// an EPCI: its coordinators and those of its département see it
		assertThat(ask(stranger, form("Alex Agent", "alex@mairie.fr", "Mairie", SIRET, "200071827")).statusCode())
			.isEqualTo(302);
		String id = requestId("alex@mairie.fr");
		WebSession epci = WebSession.signedIn(port, jdbc, "coordinateur", "epci:200071827");
		assertThat(epci.get("/espace/demandes-de-compte").body()).contains("Alex Agent");
		HttpResponse<String> noReason = epci.submit("/espace", "/espace/demandes-de-compte/" + id + "/refus",
				Map.of("motif", " "));
		assertThat(noReason.statusCode()).isEqualTo(400);
		assertThat(noReason.body()).contains("Dites en une phrase pourquoi vous refusez la demande de Alex Agent");
		HttpResponse<String> refused = epci.submit("/espace", "/espace/demandes-de-compte/" + id + "/refus",
				Map.of("motif", "Cette mairie a déjà un compte : voyez avec votre collègue."));
		assertThat(refused.statusCode()).isEqualTo(302);
		assertThat(lastMail("alex@mairie.fr")).contains("n'a pas été acceptée",
				"Cette mairie a déjà un compte : voyez avec votre collègue.", "/demande-de-compte");
		assertThat(jdbc.sql("select count(*) from compte where courriel = 'alex@mairie.fr'").query(Long.class).single())
			.isZero();

		assertThat(requests.purge()).isZero();
		jdbc.sql("update demande_compte set decidee_le = now() - interval '31 days'").update();
		assertThat(requests.purge()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from demande_compte").query(Long.class).single()).isZero();
	}

	@Test
	void oneClientCannotFloodTheCoordinators() throws Exception {
		WebSession stranger = new WebSession(port);
		for (int i = 0; i < 10; i++) {
			assertThat(ask(stranger, form("Camille", "camille" + i + "@ccas.fr", "CCAS", SIRET, "16")).statusCode())
				.isEqualTo(302);
		}
		HttpResponse<String> throttled = ask(stranger, form("Camille", "camille@ccas.fr", "CCAS", SIRET, "16"));
		assertThat(throttled.statusCode()).isEqualTo(429);
		assertThat(throttled.body()).contains("Trop de demandes", "value=\"camille@ccas.fr\"");
		assertThat(jdbc.sql("select count(*) from demande_compte").query(Long.class).single()).isEqualTo(10);
	}

}
