package fr.maillage.contributions.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.maillage.testing.EmptyDirectoryApiTest;
import fr.maillage.testing.Fixtures;
import fr.maillage.testing.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A coordinator edits the lieux of its territory (issue 6): the edit is validated like an
 * import, wins in the merge and shows in the provenance, is kept with its author, and
 * never silently overwrites someone else's edit.
 */
class PlaceEditIT extends EmptyDirectoryApiTest {

	private String lieuId;

	@BeforeEach
	void importCharente() {
		api.importFile("charente", Fixtures.CHARENTE, Fixtures.lieux(Fixtures.CHARENTE));
		lieuId = api.findLieuId("Service Info 16");
	}

	private static String formPath(String id) {
		return "/espace/lieux/" + id + "/modifier";
	}

	private HttpResponse<String> edit(WebSession session, String html, Map<String, String> changes) throws Exception {
		Map<String, String> values = WebSession.formFields(html, changes);
		values.put("_csrf", csrf(html));
		return session.post(formPath(lieuId), values);
	}

	private static String csrf(String html) {
		Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
		assertThat(token.find()).isTrue();
		return token.group(1);
	}

	@Test
	void aCoordinatorEditsALieuOfItsTerritoryAndTheEditWinsWithItsProvenance() throws Exception {
		WebSession charente = WebSession.signedIn(port, jdbc, "coordinateur", "departement:16");
		String form = charente.get(formPath(lieuId)).body();
		assertThat(form).contains("Modifier", "Service Info 16");

		HttpResponse<String> saved = edit(charente, form,
				Map.of("nom", "Service Info 16 — Angoulême", "motif", "Nom affiché sur la façade"));

		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
		assertThat(saved.headers().firstValue("Location"))
			.hasValueSatisfying(location -> assertThat(location).endsWith("/espace/lieux/" + lieuId + "/modifie"));
		JsonNode lieu = api.get("/api/v1/lieux/" + lieuId).json();
		assertThat(lieu.get("nom").asString()).isEqualTo("Service Info 16 — Angoulême");
		assertThat(lieu.get("sources").toString()).contains("saisie-maillage");
		JsonNode provenance = api.get("/api/v1/lieux/" + lieuId + "/provenance").json();
		assertThat(provenance.get("champs").get("nom").toString()).contains("saisie-maillage",
				"Service Info 16 — Angoulême");
		// the edit is signed: "saisie Maillage", its author's name (not the address), its
		// date
		assertThat(provenance.get("sources").toString()).contains("saisie Maillage", "Test coordinateur")
			.doesNotContain("@exemple.fr");
		// kept with its author, before and after
		assertThat(jdbc.sql("select auteur from saisie_lieu").query(String.class).single()).contains("coordinateur");
		assertThat(jdbc.sql("select avant->>'nom' from saisie_lieu").query(String.class).single())
			.isEqualTo("Service Info 16");
		// and shown on the lieu's history page, with the other events of the lieu
		String history = charente.get("/espace/lieux/" + lieuId + "/historique").body();
		assertThat(history).contains("Fiche modifiée dans Maillage", "Test coordinateur", "Nom affiché sur la façade",
				"Service Info 16 — Angoulême", "Dernière version reçue de « charente »");
		assertThat(WebSession.signedIn(port, jdbc, "coordinateur", "departement:69")
			.get("/espace/lieux/" + lieuId + "/historique")
			.statusCode()).isEqualTo(403);
	}

	@Test
	void anEditBeatsASameDayRecordOfAnotherSourceAndAFieldItEmptiedStaysEmpty(@Autowired Clock clock) throws Exception {
		String today = LocalDate.now(clock.withZone(ZoneId.of("Europe/Paris"))).toString();
		// another source gives the same place, dated today; by its name it sorts before
		// the edits' source, so a merge by date then source name would make it win
		String other = """
				[{"id": "autre-1", "nom": "Service Info 16", "commune": "COGNAC", "code_postal": "16100",
				  "adresse": "53 Rue d'Angoulême", "latitude": 45.694815, "longitude": -0.326982,
				  "telephone": "+33545000009", "date_maj": "%s", "source": "Autre", "pivot": "00000000000000",
				  "services": "Compréhension du monde numérique"}]""".formatted(today);
		assertThat(api.importFile("aaa-autre", "autre.json", other.getBytes(StandardCharsets.UTF_8)).status())
			.isEqualTo(201);
		assertThat(api.get("/api/v1/lieux/" + lieuId).json().get("sources").toString()).contains("aaa-autre");

		WebSession charente = WebSession.signedIn(port, jdbc, "coordinateur", "departement:16");
		HttpResponse<String> saved = edit(charente, charente.get(formPath(lieuId)).body(),
				Map.of("nom", "Service Info 16 — Cognac", "telephone", ""));
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);

		JsonNode lieu = api.get("/api/v1/lieux/" + lieuId).json();
		assertThat(lieu.get("nom").asString()).isEqualTo("Service Info 16 — Cognac");
		assertThat(lieu.toString()).doesNotContain("+33545000009", "+33545826200");
		// the provenance still shows the phones the sources give, not kept
		assertThat(api.get("/api/v1/lieux/" + lieuId + "/provenance").json().get("champs").get("telephone").toString())
			.contains("+33545000009", "+33545826200")
			.doesNotContain("true");

		// the same file again changes nothing: the edit still wins
		api.importFile("aaa-autre", "autre.json", other.getBytes(StandardCharsets.UTF_8));
		lieu = api.get("/api/v1/lieux/" + lieuId).json();
		assertThat(lieu.get("nom").asString()).isEqualTo("Service Info 16 — Cognac");
		assertThat(lieu.toString()).doesNotContain("+33545000009");

		// new values received after the edit win over it
		api.importFile("aaa-autre", "autre.json",
				other.replace("+33545000009", "+33545000010").getBytes(StandardCharsets.UTF_8));
		assertThat(api.get("/api/v1/lieux/" + lieuId).json().toString()).contains("+33545000010");
	}

	@Test
	void theHistoryShowsWhatAnImportChanged() throws Exception {
		byte[] changed = new String(Fixtures.lieux(Fixtures.CHARENTE), java.nio.charset.StandardCharsets.UTF_8)
			.replace("\"Service Info 16\"", "\"Service Info 16 (Angoulême)\"")
			.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		api.importFile("charente", Fixtures.CHARENTE, changed);

		WebSession charente = WebSession.signedIn(port, jdbc, "coordinateur", "departement:16");
		String history = charente.get("/espace/lieux/" + lieuId + "/historique").body();
		assertThat(history).contains("Mise à jour reçue de « charente »", "Service Info 16 (Angoulême)");
		assertThat(jdbc.sql("select avant ->> 'nom' from lieu_source_historique").query(String.class).single())
			.isEqualTo("Service Info 16");
	}

	@Test
	void aCoordinatorOfAnotherTerritoryCannotEditIt() throws Exception {
		WebSession rhone = WebSession.signedIn(port, jdbc, "coordinateur", "departement:69");
		assertThat(rhone.get(formPath(lieuId)).statusCode()).isEqualTo(403);
		WebSession charente = WebSession.signedIn(port, jdbc, "coordinateur", "departement:16");
		String form = charente.get(formPath(lieuId)).body();
		// even with a valid form and token of its own session
		Map<String, String> values = WebSession.formFields(form, Map.of("nom", "Détourné"));
		values.put("_csrf", rhone.csrfToken("/espace"));
		assertThat(rhone.post(formPath(lieuId), values).statusCode()).isEqualTo(403);
		assertThat(api.get("/api/v1/lieux/" + lieuId).json().get("nom").asString()).isEqualTo("Service Info 16");
	}

	@Test
	void twoPeopleEditingTheSameLieuNeverOverwriteEachOtherSilently() throws Exception {
		WebSession first = WebSession.signedIn(port, jdbc, "coordinateur", "departement:16");
		WebSession second = WebSession.signedIn(port, jdbc, "administrateur");
		String firstForm = first.get(formPath(lieuId)).body();
		String secondForm = second.get(formPath(lieuId)).body();

		assertThat(edit(first, firstForm, Map.of("telephone", "05 45 00 00 01")).statusCode()).isEqualTo(302);
		HttpResponse<String> conflict = edit(second, secondForm, Map.of("telephone", "05 45 00 00 02"));

		assertThat(conflict.statusCode()).isEqualTo(409);
		assertThat(conflict.body()).contains("modifié par quelqu'un d'autre", "+33545000001", "05 45 00 00 02");
		assertThat(api.get("/api/v1/lieux/" + lieuId).json().get("telephone").asString()).isEqualTo("+33545000001");
		// saving again from the conflict page, knowingly, goes through
		assertThat(edit(second, conflict.body(), Map.of("telephone", "05 45 00 00 02")).statusCode()).isEqualTo(302);
		assertThat(api.get("/api/v1/lieux/" + lieuId).json().get("telephone").asString()).isEqualTo("+33545000002");
	}

	@Test
	void twoSimultaneousEditsOfOneVersionGiveOneSaveAndOneConflict() throws Exception {
		WebSession first = WebSession.signedIn(port, jdbc, "coordinateur", "departement:16");
		WebSession second = WebSession.signedIn(port, jdbc, "administrateur");
		String firstForm = first.get(formPath(lieuId)).body();
		String secondForm = second.get(formPath(lieuId)).body();
		java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
		try {
			var a = pool.submit(() -> {
				start.await();
				return edit(first, firstForm, Map.of("telephone", "05 45 00 00 01")).statusCode();
			});
			var b = pool.submit(() -> {
				start.await();
				return edit(second, secondForm, Map.of("telephone", "05 45 00 00 02")).statusCode();
			});
			start.countDown();
			assertThat(java.util.List.of(a.get(), b.get())).containsExactlyInAnyOrder(302, 409);
		}
		finally {
			pool.shutdown();
		}
		assertThat(jdbc.sql("select count(*) from saisie_lieu").query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void anInvalidEditIsRefusedInFrenchAndChangesNothing() throws Exception {
		WebSession charente = WebSession.signedIn(port, jdbc, "coordinateur", "departement:16");
		String form = charente.get(formPath(lieuId)).body();

		HttpResponse<String> refused = edit(charente, form, Map.of("nom", "", "code_postal", "1600"));

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("n'a pas été enregistré", "Champ obligatoire manquant");
		assertThat(api.get("/api/v1/lieux/" + lieuId).json().get("nom").asString()).isEqualTo("Service Info 16");
		assertThat(jdbc.sql("select count(*) from saisie_lieu").query(Long.class).single()).isZero();
	}

	@Test
	void scriptTypedIntoAFieldIsShownAsText() throws Exception {
		WebSession charente = WebSession.signedIn(port, jdbc, "coordinateur", "departement:16");
		String form = charente.get(formPath(lieuId)).body();
		String payload = "<script>alert('x')</script>";

		edit(charente, form, Map.of("presentation_resume", payload));

		String page = api.get("/lieux/" + lieuId).body();
		assertThat(page).doesNotContain(payload).contains("&lt;script&gt;");
		assertThat(charente.get(formPath(lieuId)).body()).doesNotContain(payload);
	}

	@Test
	void aScriptAddressOrATooLongValueIsRefusedNextToItsFieldKeepingWhatWasTyped() throws Exception {
		WebSession charente = WebSession.signedIn(port, jdbc, "coordinateur", "departement:16");
		for (String address : java.util.List.of("javascript:alert(1)", "  JavaScript:alert(1)", "data:text/html,x",
				"//evil.example", "javascript&#58;alert(1)")) {
			String form = charente.get(formPath(lieuId)).body();
			HttpResponse<String> refused = edit(charente, form,
					Map.of("prise_rdv", address, "site_web", "https://ok.example|vbscript:x", "nom", "N".repeat(251)));

			assertThat(refused.statusCode()).as(address).isEqualTo(400);
			String page = refused.body();
			assertThat(page).contains("id=\"prise_rdv-erreur\"", "id=\"site_web-erreur\"", "id=\"nom-erreur\"",
					"Adresse web invalide", "Texte trop long : 251 caractères, au plus 250");
			// the field says where its error is, and keeps what was typed
			assertThat(page).containsPattern("id=\"prise_rdv\"[^>]*aria-invalid=\"true\"");
			assertThat(WebSession.formFields(page, Map.of()))
				.containsEntry("prise_rdv", address.strip().isEmpty() ? "" : address)
				.containsEntry("nom", "N".repeat(251));
		}
		assertThat(api.get("/api/v1/lieux/" + lieuId).json().path("prise_rdv").asString(""))
			.doesNotContain("javascript");
		assertThat(jdbc.sql("select count(*) from saisie_lieu").query(Long.class).single()).isZero();
		assertThat(jdbc.sql("select count(*) from lieu_source where prise_rdv not like 'http%'")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aMembersProposalWithAScriptAddressOrAnOverlongReasonIsRefusedToo() throws Exception {
		WebSession member = WebSession.signedIn(port, jdbc, "membre");
		String form = member.get(formPath(lieuId)).body();
		assertThat(form).contains("proposée à la coordination");

		HttpResponse<String> refused = edit(member, form,
				Map.of("fiche_acces_libre", "javascript:alert(1)", "motif", "m".repeat(501)));

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("id=\"fiche_acces_libre-erreur\"", "id=\"motif-erreur\"",
				"Adresse web invalide", "au plus 500 pour le motif");
		assertThat(jdbc.sql("select count(*) from proposition_lieu").query(Long.class).single()).isZero();
	}

	@Test
	void hoursInWordsAreSavedInOsmFormAndWhatAnImportWouldOnlyWarnAboutIsRefusedNextToItsField() throws Exception {
		WebSession charente = WebSession.signedIn(port, jdbc, "coordinateur", "departement:16");

		// the whole week in words, the grid emptied (it held Wednesday morning)
		HttpResponse<String> saved = edit(charente, charente.get(formPath(lieuId)).body(),
				Map.of("horaires", "Lundi 10h30-12h, mercredi 14h-17h", "horaires-mercredi-matin-debut", "",
						"horaires-mercredi-matin-fin", ""));
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
		assertThat(api.get("/api/v1/lieux/" + lieuId).json().get("horaires").asString())
			.isEqualTo("Mo 10:30-12:00; We 14:00-17:00");

		// each of these an import would take with a warning (or drop): an edit refuses it
		for (Map.Entry<String, String> typed : Map
			.of("horaires", "quand il y a quelqu'un", "telephone", "04 78 pas de tel", "code_postal", "6910")
			.entrySet()) {
			HttpResponse<String> refused = edit(charente, charente.get(formPath(lieuId)).body(),
					Map.of(typed.getKey(), typed.getValue()));
			assertThat(refused.statusCode()).as(typed.toString()).isEqualTo(400);
			// hours typed in words are refused under the text, beside the grid
			String error = typed.getKey().equals("horaires") ? "horaires-texte-erreur" : typed.getKey() + "-erreur";
			assertThat(refused.body()).contains("id=\"" + error + "\"");
			// what was typed is kept in the form
			assertThat(refused.body()).contains(org.springframework.web.util.HtmlUtils.htmlEscape(typed.getValue()));
		}
		assertThat(edit(charente, charente.get(formPath(lieuId)).body(), Map.of("horaires", "quand on peut")).body())
			.contains("Exemple");
		JsonNode lieu = api.get("/api/v1/lieux/" + lieuId).json();
		assertThat(lieu.get("code_postal").asString()).isEqualTo("16100");
		assertThat(lieu.get("telephone").asString()).isEqualTo("+33545826200");
		assertThat(jdbc.sql("select count(*) from saisie_lieu").query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aPlainWebAddressIsStillSaved() throws Exception {
		WebSession charente = WebSession.signedIn(port, jdbc, "coordinateur", "departement:16");
		String form = charente.get(formPath(lieuId)).body();

		HttpResponse<String> saved = edit(charente, form, Map.of("prise_rdv", "https://rdv.example.fr/lieu?id=16"));

		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
		assertThat(api.get("/api/v1/lieux/" + lieuId).json().path("prise_rdv").asString())
			.isEqualTo("https://rdv.example.fr/lieu?id=16");
	}

}
