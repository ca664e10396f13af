package fr.maillage.orientations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.maillage.testing.ApiClient;
import fr.maillage.testing.WebSession;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two lieux of Angoulême with a public e-mail and nobody attached, orientations sent to
 * them through the page, and the links they are e-mailed: what the tests of signed links,
 * reminders and a person's data share.
 */
final class UnattendedLieux {

	static final String CHAMP_DE_MARS = "accueil@espace-champ-de-mars.fr";

	static final String ALPHA = "contact@mediatheque-alpha.fr";

	private static final String CSV = """
			id,nom,pivot,commune,code_postal,code_insee,adresse,latitude,longitude,courriels,date_maj
			L1,Espace numérique du Champ de Mars,,Angoulême,16000,16015,1 place du Champ de Mars,45.6500,0.1560,%s,2026-01-01
			L2,Médiathèque Alpha,,Angoulême,16000,16015,1 rue de la Médiathèque,45.6490,0.1570,%s,2026-01-01
			"""
		.formatted(CHAMP_DE_MARS, ALPHA);

	private UnattendedLieux() {
	}

	static void importThem(ApiClient api) {
		ApiClient.Response imported = api.importFile("angouleme", "lieux.csv", CSV.getBytes(StandardCharsets.UTF_8));
		assertThat(imported.status()).as(imported.body()).isEqualTo(201);
	}

	/** Sends an orientation with the person's oral consent; its id. */
	static String send(WebSession orienteur, String lieuId, String firstName, String phone) throws Exception {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("lieu", lieuId);
		fields.put("prenom", firstName);
		fields.put("besoin", "Déclarer ses revenus en ligne");
		fields.put("telephone", phone);
		fields.put("courriel", "");
		fields.put("mode", "oral_guichet");
		fields.put("consentement", "oui");
		HttpResponse<String> sent = orienteur.submit("/espace/orientations/nouvelle?lieu=" + lieuId,
				"/espace/orientations", fields);
		assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
		String location = sent.headers().firstValue("Location").orElseThrow();
		return location.substring(location.indexOf("/espace/orientations/") + "/espace/orientations/".length(),
				location.indexOf('?'));
	}

	/** The last e-mail to that address, subject and body. */
	static String lastMail(JdbcClient jdbc, String to) {
		return jdbc
			.sql("select sujet || E'\\n' || corps from courriel_sortant where destinataire = :to "
					+ "order by cree_le desc, id desc limit 1")
			.param("to", to)
			.query(String.class)
			.single();
	}

	static long mails(JdbcClient jdbc, String to) {
		return jdbc.sql("select count(*) from courriel_sortant where destinataire = :to")
			.param("to", to)
			.query(Long.class)
			.single();
	}

	/** The signed link of the last e-mail to that address, as a path. */
	static String lastLink(JdbcClient jdbc, String to) {
		String mail = lastMail(jdbc, to);
		Matcher link = Pattern.compile("https?://[^/]+(/orientations/lien/[A-Za-z0-9_-]+)").matcher(mail);
		assertThat(link.find()).as(mail).isTrue();
		return link.group(1);
	}

}
