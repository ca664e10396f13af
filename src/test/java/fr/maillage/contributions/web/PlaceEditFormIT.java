package fr.maillage.contributions.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
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
 * The edit form in plain French (issue 15), posted as a browser posts it (every input,
 * the checked boxes, the hours grid): the SIRET's check digit, the commune giving its
 * INSEE code and position, hours typed day by day, and the confirmation listing what
 * changed.
 */
class PlaceEditFormIT extends EmptyDirectoryApiTest {

	private String lieuId;

	private WebSession charente;

	@BeforeEach
	void importCharente() throws Exception {
		api.importFile("charente", Fixtures.CHARENTE, Fixtures.lieux(Fixtures.CHARENTE));
		lieuId = api.findLieuId("Service Info 16");
		charente = WebSession.signedIn(port, jdbc, "coordinateur", "departement:16");
	}

	private String formPath() {
		return "/espace/lieux/" + lieuId + "/modifier";
	}

	/** The edit form's own controls (not the structure's forms below it). */
	private static String editForm(String page) {
		int start = page.indexOf("class=\"formulaire-lieu\"");
		return page.substring(start, page.indexOf("</form>", start));
	}

	private HttpResponse<String> edit(WebSession session, Map<String, String> changes) throws Exception {
		String page = session.get(formPath()).body();
		Map<String, List<String>> changed = new LinkedHashMap<>();
		changes.forEach((name, value) -> changed.put(name, List.of(value)));
		List<Map.Entry<String, String>> fields = new java.util.ArrayList<>(
				WebSession.browserFields(editForm(page), changed));
		Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
		assertThat(token.find()).isTrue();
		fields.add(Map.entry("_csrf", token.group(1)));
		return session.post(formPath(), fields);
	}

	private JsonNode lieu() {
		return api.get("/api/v1/lieux/" + lieuId).json();
	}

	@Test
	void theFormSpeaksFrenchInGroupsWithNothingTechnicalToType() throws Exception {
		String page = charente.get(formPath()).body();

		assertThat(page).contains("<legend>Identité</legend>", "<legend>Adresse et accès</legend>",
				"<legend>Contact</legend>", "<legend>Horaires</legend>", "<legend>Services et publics</legend>",
				"<legend>Accompagnement</legend>", ">SIRET<", "Complément d&#39;adresse", "Autres horaires en clair");
		// labels are words, each field says what to type
		assertThat(page).doesNotContain(">pivot<", ">complement_adresse<", ">latitude<", ">code_insee<")
			.containsPattern("id=\"pivot\"[^>]*aria-describedby=\"pivot-aide\"");
		// no INSEE code nor coordinates to type: the position is a hidden field
		assertThat(page).doesNotContain("name=\"code_insee\"")
			.containsPattern("<input type=\"hidden\" id=\"latitude\" name=\"latitude\" value=\"45.694815\"");
		// the stored hours, in the grid and in words
		assertThat(page)
			.contains("name=\"horaires-mercredi-matin-debut\" value=\"09:00\"",
					"name=\"horaires-mercredi-matin-fin\" value=\"12:00\"",
					"name=\"horaires-lundi-matin-debut\" value=\"\"")
			.containsPattern("Horaires enregistrés :\\s*<strong>[^<]*mercredi");
		// the standard's lists as checkboxes, checked as stored
		assertThat(page).containsPattern(
				"type=\"checkbox\" id=\"services-\\d+\" name=\"services\" value=\"Compréhension du monde numérique\" checked");
	}

	@Test
	void aSiretWithAWrongCheckDigitIsRefusedNextToItsFieldInFrench() throws Exception {
		HttpResponse<String> refused = edit(charente, Map.of("pivot", "732 829 320 00075"));

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("id=\"pivot-erreur\"", "la clé de contrôle", "732 829 320 00075")
			.containsPattern("id=\"pivot\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"pivot-aide pivot-erreur\"");
		assertThat(jdbc.sql("select count(*) from saisie_lieu").query(Long.class).single()).isZero();
		// someone who may not edit the lieu is refused before the form is read
		String page = charente.get(formPath()).body();
		WebSession rhone = WebSession.signedIn(port, jdbc, "coordinateur", "departement:69");
		List<Map.Entry<String, String>> fields = new java.util.ArrayList<>(
				WebSession.browserFields(editForm(page), Map.of("pivot", List.of("123"))));
		fields.add(Map.entry("_csrf", rhone.csrfToken("/espace")));
		assertThat(rhone.post(formPath(), fields).statusCode()).isEqualTo(403);

		assertThat(edit(charente, Map.of("pivot", "732 829 320 00074")).statusCode()).isEqualTo(302);
		assertThat(lieu().get("pivot").asString()).isEqualTo("73282932000074");
	}

	@Test
	void theCommuneGivesTheInseeCodeAndTheNewCommunesCentre() throws Exception {
		assertThat(lieu().get("code_insee").asString()).isEqualTo("16102");

		HttpResponse<String> wrong = edit(charente, Map.of("commune", "Lyon", "code_postal", "16000"));
		assertThat(wrong.statusCode()).isEqualTo(400);
		assertThat(wrong.body()).contains("id=\"commune-erreur\"", "n&#39;est pas une commune du code postal 16000",
				"Angoulême");

		HttpResponse<String> saved = edit(charente,
				Map.of("commune", "angouleme", "code_postal", "16000", "adresse", "1 place de l'Hôtel de Ville"));

		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
		JsonNode lieu = lieu();
		assertThat(lieu.get("code_insee").asString()).isEqualTo("16015");
		// the old position was in Cognac: the lieu moves to Angoulême's centre
		assertThat(lieu.get("latitude").asDouble()).isBetween(45.6, 45.7);
		assertThat(lieu.get("longitude").asDouble()).isBetween(0.1, 0.2);
	}

	@Test
	void aPositionChosenOnTheMapIsKept() throws Exception {
		HttpResponse<String> saved = edit(charente, Map.of("latitude", "45.6951", "longitude", "-0.3301"));

		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
		assertThat(lieu().get("latitude").asDouble()).isEqualTo(45.6951);
		assertThat(lieu().get("code_insee").asString()).isEqualTo("16102");
	}

	@Test
	void hoursTypedDayByDayAreSavedInOsmFormAndUntouchedHoursStayAsStored() throws Exception {
		assertThat(edit(charente, Map.of("nom", "Service Info 16 — Cognac")).statusCode()).isEqualTo(302);
		assertThat(lieu().get("horaires").asString()).isEqualTo("We 09:00-12:00");

		Map<String, String> week = new LinkedHashMap<>();
		for (String day : List.of("lundi", "mardi", "mercredi", "jeudi", "vendredi")) {
			week.put("horaires-" + day + "-matin-debut", "09:00");
			week.put("horaires-" + day + "-matin-fin", "12:00");
			week.put("horaires-" + day + "-apresmidi-debut", "14:00");
			week.put("horaires-" + day + "-apresmidi-fin", "17:00");
		}
		week.put("horaires", "fermé les jours fériés");
		HttpResponse<String> saved = edit(charente, week);

		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
		assertThat(lieu().get("horaires").asString()).isEqualTo("Mo-Fr 09:00-12:00,14:00-17:00; PH off");

		HttpResponse<String> refused = edit(charente,
				Map.of("horaires-jeudi-matin-debut", "12:00", "horaires-jeudi-matin-fin", "09:00"));
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("id=\"horaires-erreur\"",
				"Jeudi matin : l&#39;heure de fermeture (09:00) doit venir après l&#39;heure d&#39;ouverture (12:00).")
			// what was typed stays in the grid
			.contains("name=\"horaires-jeudi-matin-debut\" value=\"12:00\"");
	}

	@Test
	void hoursInWordsNotUnderstoodAreRefusedUnderTheTextNotAboveTheGrid() throws Exception {
		HttpResponse<String> refused = edit(charente, Map.of("horaires", "quand la boutique est ouverte"));

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("id=\"horaires-texte-erreur\"", "quand la boutique est ouverte")
			.doesNotContain("id=\"horaires-erreur\"")
			.containsPattern("id=\"horaires\"[^>]*aria-invalid=\"true\"");
	}

	@Test
	void aStructureTypeIsACodeOfTheReferentialWhateverItsCase() throws Exception {
		HttpResponse<String> refused = edit(charente, Map.of("typologie", "EPN, médiathèque"));
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("id=\"typologie-erreur\"",
				"« médiathèque » n&#39;est pas un type de structure du référentiel");

		assertThat(edit(charente, Map.of("typologie", "epn, muni")).statusCode()).isEqualTo(302);
		assertThat(lieu().get("typologie").toString()).isEqualTo("[\"EPN\",\"MUNI\"]");
	}

	@Test
	void everyRefusalIsShownAtOnceTheFormsAndTheSavingsOnes() throws Exception {
		// the SIRET is the form's refusal, the phone the saving's: both in the first
		// answer
		HttpResponse<String> refused = edit(charente,
				Map.of("pivot", "732 829 320 00075", "telephone", "04 78 pas de tel"));

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("id=\"pivot-erreur\"", "id=\"telephone-erreur\"",
				"n&#39;est pas un numéro de téléphone : tapez ses 10 chiffres");
	}

	@Test
	void afterSavingTheEditorSeesWhatChangedBeforeAndAfter() throws Exception {
		HttpResponse<String> saved = edit(charente,
				Map.of("nom", "Service Info 16 — Cognac", "telephone", "05 45 00 00 01", "motif", "Affiche"));

		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
		String confirmation = saved.headers().firstValue("Location").orElseThrow();
		assertThat(confirmation).endsWith("/espace/lieux/" + lieuId + "/modifie");
		String page = charente.get(confirmation.replaceFirst("^https?://[^/]+", "")).body();
		assertThat(page).contains("Modification enregistrée", "2 champs", "Nom du lieu", "Service Info 16",
				"Service Info 16 — Cognac", "Téléphone", "+33545826200", "+33545000001");
		// only what changed: hours, services and position were posted as they were (the
		// boxes in the standard's order, the record's services in another)
		assertThat(page).doesNotContain("Horaires", "Services proposés", "Position", "Date");
		// the list comes once, with the save; the page then points to the history
		assertThat(charente.get(confirmation.replaceFirst("^https?://[^/]+", "")).body()).doesNotContain("+33545000001")
			.contains("historique");
		// only those who may edit the lieu see the page
		assertThat(WebSession.signedIn(port, jdbc, "coordinateur", "departement:69")
			.get("/espace/lieux/" + lieuId + "/modifie")
			.statusCode()).isEqualTo(403);
	}

	@Test
	void aMemberSeesWhatTheyProposed() throws Exception {
		WebSession member = WebSession.signedIn(port, jdbc, "membre");

		HttpResponse<String> sent = edit(member, Map.of("telephone", "05 45 00 00 02"));

		assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
		assertThat(sent.body()).contains("Proposition envoyée", "Téléphone", "+33545826200", "05 45 00 00 02")
			.doesNotContain("Horaires", "Services proposés");
		assertThat(jdbc.sql("select count(*) from proposition_lieu").query(Long.class).single()).isEqualTo(1);
	}

}
