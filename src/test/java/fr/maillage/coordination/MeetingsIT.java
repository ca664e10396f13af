package fr.maillage.coordination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.maillage.accounts.AccountPrincipal;
import fr.maillage.accounts.Role;
import fr.maillage.coordination.domain.MeetingRules;
import fr.maillage.shared.web.ConflictException;
import fr.maillage.shared.web.NotFoundException;
import fr.maillage.testing.ApiClient;
import fr.maillage.testing.EmptyDirectoryApiTest;
import fr.maillage.testing.WebSession;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import tools.jackson.databind.JsonNode;

/**
 * Meetings (issue 18, item 5): a coordinator creates a body's meeting and invites its
 * members — only referents with the consent « invitations » in force, the others listed
 * with why; each invitee is an encrypted participant and receives an .ics that a real
 * parser reads at the right Paris time; a cancellation sends METHOD:CANCEL; a stale edit
 * is a 409; the public registers once per e-mail; the territory's feed parses, shows
 * cancelled meetings as such and names nobody; the API creates and lists.
 */
class MeetingsIT extends EmptyDirectoryApiTest {

	private static final AccountPrincipal RHONE = new AccountPrincipal(UUID.randomUUID().toString(),
			"coordination@rhone.fr", "Coordination Rhône", Role.COORDINATEUR, List.of("departement:69"));

	private static final AccountPrincipal CHARENTE = new AccountPrincipal(UUID.randomUUID().toString(),
			"coordination@charente.fr", "Coordination Charente", Role.COORDINATEUR, List.of("departement:16"));

	/** Next year: a summer and a winter date, both to come. */
	private static final int YEAR = LocalDate.now().getYear() + 1;

	@Autowired
	Meetings meetings;

	@Autowired
	Actors actors;

	private String mairie;

	private String caf;

	private String association;

	private String body;

	private void directory() {
		mairie = actors.saveActor(Map.of("nom", "Mairie de Villeurbanne", "type", "mairie", "departement", "69M",
				"referent_nom", "Camille Martin", "referent_courriel", "camille.martin@mairie.example",
				"consentement_invitations", "oui"), RHONE)
			.id();
		caf = actors
			.saveActor(Map.of("nom", "CAF du Rhône", "type", "caf", "departement", "69", "referent_nom",
					"Dominique Petit", "referent_courriel", "d.petit@caf.example", "consentement_invitations", "non"),
					RHONE)
			.id();
		association = actors
			.saveActor(Map.of("nom", "Association Numérique Solidaire", "type", "association", "departement", "69D"),
					RHONE)
			.id();
		body = UUID.randomUUID().toString();
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql(
				"""
						insert into instance (id, nom, type, departement, cree_le, cree_par, modifie_le, modifie_par)
						values (cast(:id as uuid), 'Comité technique du Rhône', 'comite_technique', '69', :now, 't', :now, 't')""")
			.param("id", body)
			.param("now", now)
			.update();
		for (String actor : List.of(mairie, caf, association)) {
			jdbc.sql("""
					insert into instance_membre (instance_id, acteur_id, role, ajoute_le, ajoute_par)
					values (cast(:body as uuid), cast(:actor as uuid), 'membre', :now, 't')""")
				.param("body", body)
				.param("actor", actor)
				.param("now", now)
				.update();
		}
	}

	private Map<String, String> summerMeeting() {
		Map<String, String> fields = new HashMap<>();
		fields.put("titre", "Comité technique, bilan; suite");
		fields.put("instance", body);
		fields.put("departement", "69");
		fields.put("debut", YEAR + "-06-15T14:00");
		fields.put("fin", YEAR + "-06-15T16:00");
		fields.put("adresse", "Hôtel du Département, 29-31 cours de la Liberté, Lyon");
		fields.put("lien_visio", "https://visio.exemple.fr/comite-technique");
		fields.put("ordre_du_jour", "1. Accueil\n2. Bilan des permanences, par EPCI");
		return fields;
	}

	private Calendar attachment(String to) throws Exception {
		String base64 = jdbc
			.sql("select pieces_jointes->0->>'contenu' from courriel_sortant where destinataire = :to "
					+ "order by cree_le desc limit 1")
			.param("to", to)
			.query(String.class)
			.single();
		return new CalendarBuilder()
			.build(new StringReader(new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8)));
	}

	private static LocalDateTime opensInParis(VEvent event) {
		return ((ZonedDateTime) event.getDateTimeStart().orElseThrow().getDate())
			.withZoneSameInstant(MeetingRules.PARIS)
			.toLocalDateTime();
	}

	@Test
	void aBodysMembersAreInvitedWithTheirConsentAndReceiveAnIcs() throws Exception {
		directory();
		Meetings.Meeting meeting = meetings.create(summerMeeting(), RHONE);
		assertThat(meeting.bodyName()).isEqualTo("Comité technique du Rhône");

		Meetings.InvitationReport report = meetings.inviteBody(meeting.id(), RHONE);

		assertThat(report.invited()).containsExactly("Mairie de Villeurbanne");
		assertThat(report.refused()).extracting(Meetings.Refused::structure)
			.containsExactlyInAnyOrder("CAF du Rhône", "Association Numérique Solidaire");
		assertThat(report.refused()).filteredOn(refused -> refused.structure().equals("CAF du Rhône"))
			.singleElement()
			.satisfies(refused -> assertThat(refused.reason()).contains("accord pour recevoir les invitations"));
		// encrypted at rest, bound to the participant; the structure and its type in
		// clear
		Map<String, Object> row = jdbc.sql("select * from reunion_participant").query().singleRow();
		assertThat(String.valueOf(row.get("nom"))).startsWith("v1.").doesNotContain("Camille");
		assertThat(String.valueOf(row.get("courriel"))).startsWith("v1.");
		assertThat(row.get("type_acteur")).isEqualTo("mairie");
		assertThat(row.get("structure_nom")).isEqualTo("Mairie de Villeurbanne");
		assertThat(row.get("origine")).isEqualTo("invitation");
		assertThat(String.valueOf(row.get("acteur_id"))).isEqualTo(mairie);
		assertThat(meetings.getFile(meeting.id(), RHONE).participants()).singleElement()
			.satisfies(participant -> assertThat(participant.name()).isEqualTo("Camille Martin"));
		// reading the names is logged, as attendance logs them
		assertThat(jdbc.sql("select action || ' ' || personnes from reunion_acces where reunion_id = cast(:id as uuid)")
			.param("id", meeting.id())
			.query(String.class)
			.list()).containsExactly("lecture 1");

		// the e-mail: nothing personal in the subject; the meeting, date, place, agenda,
		// a link
		Map<String, Object> mail = jdbc
			.sql("select sujet, corps from courriel_sortant where destinataire = 'camille.martin@mairie.example'")
			.query()
			.singleRow();
		assertThat(String.valueOf(mail.get("sujet"))).isEqualTo("Invitation : Comité technique, bilan; suite");
		assertThat(String.valueOf(mail.get("corps"))).contains("15 juin " + YEAR, "14 h 00", "Hôtel du Département",
				"Bilan des permanences", "/territoires/69/reunions.ics");
		Calendar invitation = attachment("camille.martin@mairie.example");
		assertThat(invitation.getProperty("METHOD").orElseThrow().getValue()).isEqualTo("REQUEST");
		VEvent event = invitation.getComponent("VEVENT").map(VEvent.class::cast).orElseThrow();
		assertThat(opensInParis(event)).isEqualTo(LocalDateTime.of(YEAR, 6, 15, 14, 0));
		assertThat(event.getSummary().orElseThrow().getValue()).isEqualTo("Comité technique, bilan; suite");
		assertThat(event.getUid().orElseThrow().getValue()).isEqualTo(meeting.id() + "@maillage");

		// again: nobody twice
		assertThat(meetings.inviteBody(meeting.id(), RHONE).already()).containsExactly("Mairie de Villeurbanne");
		assertThat(jdbc.sql("select count(*) from reunion_participant").query(Long.class).single()).isEqualTo(1);

		// a person typed by name and e-mail
		meetings.invitePerson(meeting.id(), Map.of("nom", "Sam Durand", "courriel", "Sam.Durand@exemple.fr"), RHONE);
		assertThat(meetings
			.invitePerson(meeting.id(), Map.of("nom", "Sam Durand", "courriel", "sam.durand@exemple.fr"), RHONE)
			.already()).containsExactly("Sam Durand");

		// cancelled: everyone invited receives METHOD:CANCEL with the same UID
		meetings.cancel(meeting.id(), meetings.getManaged(meeting.id(), RHONE).version(), RHONE);
		Calendar cancellation = attachment("sam.durand@exemple.fr");
		assertThat(cancellation.getProperty("METHOD").orElseThrow().getValue()).isEqualTo("CANCEL");
		VEvent cancelled = cancellation.getComponent("VEVENT").map(VEvent.class::cast).orElseThrow();
		assertThat(cancelled.getUid().orElseThrow().getValue()).isEqualTo(meeting.id() + "@maillage");
		assertThat(cancelled.getProperty("STATUS").orElseThrow().getValue()).isEqualTo("CANCELLED");
		assertThat(jdbc.sql("select count(*) from courriel_sortant where sujet like 'Réunion annulée%'")
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void aStaleEditIsAConflictAndAnotherTerritoryIsNotFound() {
		directory();
		Meetings.Meeting meeting = meetings.create(summerMeeting(), RHONE);
		Map<String, String> changed = summerMeeting();
		changed.put("titre", "Comité technique (salle changée)");
		meetings.update(meeting.id(), changed, meeting.version(), RHONE);

		assertThatThrownBy(() -> meetings.update(meeting.id(), summerMeeting(), meeting.version(), RHONE))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("modifiée par Coordination Rhône");
		assertThatThrownBy(() -> meetings.getFile(meeting.id(), CHARENTE)).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> meetings.create(summerMeeting(), CHARENTE)).isInstanceOf(AccessDeniedException.class);
		Map<String, String> unknownBody = summerMeeting();
		unknownBody.put("instance", UUID.randomUUID().toString());
		assertThatThrownBy(() -> meetings.create(unknownBody, RHONE)).isInstanceOfSatisfying(
				Meetings.InvalidMeetingException.class,
				invalid -> assertThat(invalid.errors()).containsKey("instance"));
	}

	@Test
	void theFeedParsesOpensInParisSummerAndWinterAndNamesNobody() throws Exception {
		directory();
		Meetings.Meeting june = meetings.create(summerMeeting(), RHONE);
		Map<String, String> winter = summerMeeting();
		winter.put("titre", "Plénière d'hiver");
		winter.put("instance", "");
		winter.put("departement", "69M");
		winter.put("debut", YEAR + "-01-18T09:30");
		winter.put("fin", YEAR + "-01-18T12:00");
		Meetings.Meeting january = meetings.create(winter, RHONE);
		meetings.inviteBody(june.id(), RHONE);
		meetings.cancel(january.id(), january.version(), RHONE);

		ApiClient.Response feed = api.get("/territoires/69/reunions.ics");

		assertThat(feed.status()).isEqualTo(200);
		assertThat(feed.headers().firstValue("Content-Type")).hasValue("text/calendar;charset=UTF-8");
		assertThat(feed.body()).doesNotContain("Camille", "mairie.example", "visio.exemple.fr");
		Calendar calendar = new CalendarBuilder().build(new StringReader(feed.body()));
		List<VEvent> events = calendar.getComponents("VEVENT").stream().map(VEvent.class::cast).toList();
		assertThat(events).hasSize(2);
		VEvent first = events.get(0);
		assertThat(opensInParis(first)).isEqualTo(LocalDateTime.of(YEAR, 1, 18, 9, 30));
		assertThat(first.getProperty("STATUS").orElseThrow().getValue()).isEqualTo("CANCELLED");
		assertThat(opensInParis(events.get(1))).isEqualTo(LocalDateTime.of(YEAR, 6, 15, 14, 0));
		assertThat(events.get(1).getLocation().orElseThrow().getValue()).contains("Hôtel du Département");

		assertThat(api.get("/territoires/69M/reunions.ics").body()).contains("Plénière d").doesNotContain("bilan");
		assertThat(api.get("/territoires/69m/reunions.ics").status()).isEqualTo(200);
		assertThat(api.get("/territoires/16/reunions.ics").body()).doesNotContain("VEVENT");
		ApiClient.Response unknown = api.get("/territoires/999/reunions.ics");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.body()).contains("Aucun département n");
	}

	@Test
	void thePublicRegistersOncePerEmailAndReceivesAnIcs() throws Exception {
		directory();
		Map<String, String> open = summerMeeting();
		open.put("instance", "");
		open.put("titre", "Rencontre annuelle départementale");
		open.put("rencontre_annuelle", "oui");
		open.put("inscription_publique", "oui");
		Meetings.Meeting meeting = meetings.create(open, RHONE);
		Meetings.Meeting closed = meetings.create(summerMeeting(), RHONE);
		meetings.invitePerson(meeting.id(), Map.of("nom", "Invitée Une", "courriel", "invitee@exemple.fr"), RHONE);
		String page = "/reunions/" + meeting.id();

		assertThat(api.get("/reunions/" + closed.id()).status()).isEqualTo(404);
		ApiClient.Response shown = api.get(page);
		assertThat(shown.status()).isEqualTo(200);
		assertThat(shown.body()).contains("Rencontre annuelle départementale", "Mairie de Villeurbanne")
			.doesNotContain("Invitée Une", "invitee@exemple.fr", "visio.exemple.fr");

		Map<String, String> form = new HashMap<>(Map.of("nom", "Lou Bernard", "courriel", "lou@exemple.fr", "structure",
				"Centre social des Pentes", "type_acteur", "association", "consentement", "oui", "affiche_le",
				String.valueOf(System.currentTimeMillis() - 10_000)));
		// too fast: a robot's pace
		Map<String, String> fast = new HashMap<>(form);
		fast.put("affiche_le", String.valueOf(System.currentTimeMillis()));
		ApiClient.Response refused = api.postFormFromPage(page, page + "/inscription", fast);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("quelques secondes", "Lou Bernard");
		// no consent: said, and what was typed kept
		Map<String, String> noConsent = new HashMap<>(form);
		noConsent.remove("consentement");
		ApiClient.Response withoutConsent = api.postFormFromPage(page, page + "/inscription", noConsent);
		assertThat(withoutConsent.status()).isEqualTo(400);
		assertThat(withoutConsent.body()).contains("Cochez la case d", "Centre social des Pentes");

		ApiClient.Response done = api.postFormFromPage(page, page + "/inscription", form);
		ApiClient.Response again = api.postFormFromPage(page, page + "/inscription", form);
		ApiClient.Response invitee = api.postFormFromPage(page, page + "/inscription",
				Map.of("nom", "Invitée Une", "courriel", "INVITEE@exemple.fr", "acteur", mairie, "consentement", "oui",
						"affiche_le", String.valueOf(System.currentTimeMillis() - 10_000)));

		assertThat(done.status()).isEqualTo(302);
		assertThat(again.status()).isEqualTo(302);
		assertThat(again.headers().firstValue("Location")).isEqualTo(done.headers().firstValue("Location"));
		assertThat(invitee.status()).isEqualTo(302);
		assertThat(jdbc
			.sql("select origine, type_acteur, structure_nom, inscrit_le is not null from reunion_participant "
					+ "order by origine, structure_nom")
			.query((rs, n) -> rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getString(3) + "/" + rs.getBoolean(4))
			.list())
			.containsExactly("inscription/association/Centre social des Pentes/true", "invitation/null/null/true");
		assertThat(jdbc.sql("select count(*) from courriel_sortant where destinataire = 'lou@exemple.fr'")
			.query(Long.class)
			.single()).isEqualTo(1);
		VEvent event = attachment("lou@exemple.fr").getComponent("VEVENT").map(VEvent.class::cast).orElseThrow();
		assertThat(opensInParis(event)).isEqualTo(LocalDateTime.of(YEAR, 6, 15, 14, 0));
	}

	@Test
	void theApiCreatesForACoordinatorsTerritoryAndListsPublicFieldsOnly() throws Exception {
		directory();
		String json = """
				{"titre": "Comité de pilotage", "instance": "%s", "departement": "69", "debut": "%d-01-18T14:00",
				 "fin": "%d-01-18T16:00", "adresse": "Lyon", "lien_visio": null, "ordre_du_jour": "Budget",
				 "rencontre_annuelle": false, "inscription_publique": true}""".formatted(body, YEAR, YEAR);

		ApiClient.Response created = api.postJsonAsAdmin("/api/v1/reunions", json);

		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.json().get("debut").asString()).isEqualTo(YEAR + "-01-18T14:00+01:00");
		assertThat(created.json().get("instance_nom").asString()).isEqualTo("Comité technique du Rhône");

		ApiClient.Response wrong = api.postJsonAsAdmin("/api/v1/reunions",
				json.replace("\"Lyon\"", "null").replace("16:00", "13:00"));
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(wrong.body()).contains("reunion_invalide", "fin : La fin doit venir après le début.",
				"adresse : Indiquez l");
		assertThat(api.postJsonAsAdmin("/api/v1/reunions", json.replace(body, UUID.randomUUID().toString())).body())
			.contains("instance : Aucune instance");
		assertThat(api.postJson("/api/v1/reunions", json).status()).isEqualTo(401);
		String charente = token(WebSession.signedIn(port, jdbc, "coordinateur", "departement:16"));
		assertThat(send(charente, json).status()).isEqualTo(403);
		String rhone = token(WebSession.signedIn(port, jdbc, "coordinateur", "departement:69"));
		assertThat(send(rhone, json).status()).isEqualTo(201);

		meetings.invitePerson(created.json().get("id").asString(),
				Map.of("nom", "Sam Durand", "courriel", "sam@exemple.fr"), RHONE);
		JsonNode listed = api.get("/api/v1/reunions?territoire=69&du=" + YEAR + "-01-01&au=" + YEAR + "-01-31").json();
		assertThat(listed.get("total").asInt()).isEqualTo(2);
		assertThat(listed.toString()).doesNotContain("Sam", "sam@exemple.fr");
		assertThat(api.get("/api/v1/reunions?territoire=69&du=" + YEAR + "-02-01").json().get("total").asInt())
			.isZero();
		assertThat(api.get("/api/v1/reunions?du=demain").status()).isEqualTo(400);
		assertThat(api.get("/api/v1/reunions?territoire=999").status()).isEqualTo(404);
	}

	private static String token(WebSession session) throws Exception {
		String page = session.submit("/espace", "/espace/jetons", Map.of("nom", "essai")).body();
		Matcher value = Pattern.compile("(mlg_[A-Za-z0-9_-]+)").matcher(page);
		assertThat(value.find()).as(page).isTrue();
		return value.group(1);
	}

	private ApiClient.Response send(String token, String json) throws Exception {
		java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest
				.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/v1/reunions"))
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", "application/json")
				.POST(java.net.http.HttpRequest.BodyPublishers.ofString(json))
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		return new ApiClient.Response(response.statusCode(), response.body(), response.headers());
	}

}
