package fr.maillage.coordination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.maillage.accounts.AccountPrincipal;
import fr.maillage.accounts.Role;
import fr.maillage.shared.crypto.FieldCipher;
import fr.maillage.shared.web.ConflictException;
import fr.maillage.shared.web.NotFoundException;
import fr.maillage.testing.ApiClient;
import fr.maillage.testing.EmptyDirectoryApiTest;
import fr.maillage.testing.Pdfs;
import fr.maillage.testing.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import tools.jackson.databind.JsonNode;

/**
 * Attendance, sign-in sheet, minutes, files, follow-up actions, the indicators of the
 * exchanges and the retention of participants (issue 18, items 5 and 6), on PostgreSQL.
 */
class AttendanceIT extends EmptyDirectoryApiTest {

	static final AccountPrincipal RHONE = new AccountPrincipal(UUID.randomUUID().toString(), "coordination@rhone.fr",
			"Coordination Rhône", Role.COORDINATEUR, List.of("departement:69"));

	static final AccountPrincipal CHARENTE = new AccountPrincipal(UUID.randomUUID().toString(),
			"coordination@charente.fr", "Coordination Charente", Role.COORDINATEUR, List.of("departement:16"));

	static final AccountPrincipal MEMBER = new AccountPrincipal(UUID.randomUUID().toString(), "membre@lieu.fr",
			"Membre", Role.MEMBRE, List.of("structure:x"));

	static final Instant MARCH = Instant.parse("2026-03-12T09:00:00Z");

	@Autowired
	Attendance attendance;

	@Autowired
	MeetingRetention retention;

	@Autowired
	FieldCipher cipher;

	UUID mairie;

	UUID association;

	UUID meeting;

	UUID alice;

	UUID bruno;

	UUID chloe;

	@BeforeEach
	void aComiteTechniqueWithThreeInvitees() {
		mairie = MeetingRows.actor(jdbc, "Mairie de Givors", "mairie", "69");
		association = MeetingRows.actor(jdbc, "Association Connectons-nous", "association", "69M");
		MeetingRows.actor(jdbc, "CAF du Rhône", "caf", "69");
		MeetingRows.actor(jdbc, "CCAS de Vénissieux", "ccas", "69M");
		meeting = MeetingRows.meeting(jdbc, "Comité technique de mars", "69", MARCH);
		alice = MeetingRows.participant(jdbc, cipher, meeting, mairie, "mairie", "Mairie de Givors", "Alice Martin",
				"invitation");
		bruno = MeetingRows.participant(jdbc, cipher, meeting, association, "association",
				"Association Connectons-nous", "Bruno Petit", "invitation");
		chloe = MeetingRows.participant(jdbc, cipher, meeting, null, "bailleur", "Lyon Métropole Habitat",
				"Chloé Durand", "inscription");
	}

	@Test
	void aCoordinatorTakesAttendanceAtTheDoorAndEachDisplayOfNamesIsLogged() {
		Attendance.Sheet sheet = attendance.getSheet(meeting.toString(), RHONE);

		assertThat(sheet.participants()).extracting(Attendance.Participant::name)
			.containsExactlyInAnyOrder("Alice Martin", "Bruno Petit", "Chloé Durand");
		assertThat(sheet.structures()).hasSize(4);
		assertThat(jdbc.sql("select personnes from reunion_acces where reunion_id = :id and action = 'lecture'")
			.param("id", meeting)
			.query(Integer.class)
			.list()).containsExactly(3);

		Attendance.Marked marked = attendance.markPresence(meeting.toString(), alice.toString(), true, RHONE);
		assertThat(marked.participant().present()).isTrue();
		assertThat(marked.presentCount()).isEqualTo(1);
		assertThat(marked.total()).isEqualTo(3);
		attendance.markPresence(meeting.toString(), bruno.toString(), false, RHONE);
		String added = attendance.addOnTheSpot(meeting.toString(),
				new Attendance.NewPerson("Damien Roux", null, "Emmaüs Connect", "association"), RHONE);

		Map<String, Object> row = jdbc.sql("select * from reunion_participant where id = :id")
			.param("id", UUID.fromString(added))
			.query()
			.singleRow();
		assertThat(row).containsEntry("origine", "sur_place")
			.containsEntry("present", true)
			.containsEntry("structure_nom", "Emmaüs Connect")
			.containsEntry("type_acteur", "association");
		assertThat((String) row.get("nom")).isNotEqualTo("Damien Roux").doesNotContain("Damien");
		assertThat(attendance.getSheet(meeting.toString(), RHONE).presentCount()).isEqualTo(2);
		assertThat((Boolean) jdbc.sql("select present from reunion_participant where id = :id")
			.param("id", bruno)
			.query(Boolean.class)
			.single()).isFalse();
	}

	@Test
	void anotherTerritorysMeetingDoesNotExistAndAMemberIsRefused() {
		assertThatThrownBy(() -> attendance.getSheet(meeting.toString(), CHARENTE))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> attendance.markPresence(meeting.toString(), alice.toString(), true, CHARENTE))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> attendance.getSheet(meeting.toString(), MEMBER))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> attendance.getSheet("pas-un-id", RHONE)).isInstanceOf(NotFoundException.class);
		// a participant of another meeting is not this one's
		UUID other = MeetingRows.meeting(jdbc, "Plénière", "69", MARCH);
		assertThatThrownBy(() -> attendance.markPresence(other.toString(), alice.toString(), true, RHONE))
			.isInstanceOf(NotFoundException.class);
	}

	@Test
	void someoneAddedOnTheSpotNeedsANameAndAStructureWithItsType() {
		assertThatThrownBy(() -> attendance.addOnTheSpot(meeting.toString(),
				new Attendance.NewPerson(" ", null, "", "agence_spatiale"), RHONE))
			.isInstanceOfSatisfying(Attendance.InvalidEntryException.class,
					invalid -> assertThat(invalid.problems()).containsKeys("nom", "structure", "type_acteur"));
		assertThatThrownBy(() -> attendance.addOnTheSpot(meeting.toString(),
				new Attendance.NewPerson("Eve", UUID.randomUUID().toString(), null, null), RHONE))
			.isInstanceOfSatisfying(Attendance.InvalidEntryException.class,
					invalid -> assertThat(invalid.problems()).containsOnlyKeys("acteur"));
		// from the directory: the structure's name and type come from it
		String id = attendance.addOnTheSpot(meeting.toString(),
				new Attendance.NewPerson("Eve Blanc", mairie.toString(), null, null), RHONE);
		assertThat(jdbc.sql("select structure_nom || '/' || type_acteur from reunion_participant where id = :id")
			.param("id", UUID.fromString(id))
			.query(String.class)
			.single()).isEqualTo("Mairie de Givors/mairie");
	}

	@Test
	void theSignInSheetPrintsTheNamesAndBlankLinesForTheCoordinatorsOnly() throws Exception {
		WebSession coordinator = WebSession.signedIn(port, jdbc, "coordinateur", "departement:69");
		HttpResponse<byte[]> pdf = coordinator.getBytes("/reunions/" + meeting + "/emargement.pdf");

		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
		String text = Pdfs.text(pdf.body());
		assertThat(text).contains("Comité technique de mars", "Salle du conseil", "jeudi 12 mars 2026 à 10h00",
				"Alice Martin", "Mairie de Givors", "Bruno Petit", "Association Connectons", "Chloé Durand",
				"Signature");
		// three names, then numbered blank lines to the end of the page
		assertThat(text).containsPattern("(?s)Alice Martin.*\\b4\\b.*\\b15\\b");
		assertThat(Pdfs.pages(pdf.body())).isEqualTo(1);
		assertThat(
				jdbc.sql("select count(*) from reunion_acces where action = 'emargement'").query(Long.class).single())
			.isEqualTo(1);

		WebSession charente = WebSession.signedIn(port, jdbc, "coordinateur", "departement:16");
		assertThat(charente.getBytes("/reunions/" + meeting + "/emargement.pdf").statusCode()).isEqualTo(404);
		assertThat(new WebSession(port).getBytes("/reunions/" + meeting + "/emargement.pdf").statusCode())
			.isEqualTo(302);
	}

	@Test
	void twoCoordinatorsEditingTheMinutesDoNotOverwriteEachOther() {
		attendance.saveMinutes(meeting.toString(), "Ordre du jour traité.", 0, RHONE);

		assertThatThrownBy(() -> attendance.saveMinutes(meeting.toString(), "Mon texte", 0, RHONE))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("modifié entre-temps");
		assertThat(attendance.getMinutes(meeting.toString(), RHONE).meeting().minutes())
			.isEqualTo("Ordre du jour traité.");
		attendance.saveMinutes(meeting.toString(), "Version 2", 1, RHONE);
		assertThat(attendance.getMinutes(meeting.toString(), RHONE).meeting().version()).isEqualTo(2);
	}

	@Test
	void filesAreCheckedByTheirBytesAndPublicOnlyWhenTheCoordinatorSaysSo() throws Exception {
		assertThatThrownBy(() -> attendance.addFile(meeting.toString(), "cr.pdf",
				"<html>pas un PDF</html>".getBytes(StandardCharsets.UTF_8), RHONE))
			.isInstanceOfSatisfying(Attendance.InvalidEntryException.class,
					invalid -> assertThat(invalid.problems().get("fichier")).contains("ni un PDF"));
		byte[] huge = new byte[10 * 1024 * 1024 + 1];
		System.arraycopy("%PDF-".getBytes(StandardCharsets.US_ASCII), 0, huge, 0, 5);
		assertThatThrownBy(() -> attendance.addFile(meeting.toString(), "gros.pdf", huge, RHONE))
			.isInstanceOfSatisfying(Attendance.InvalidEntryException.class,
					invalid -> assertThat(invalid.problems().get("fichier")).contains("au plus"));

		byte[] pdf = "%PDF-1.4\n% compte rendu\n".getBytes(StandardCharsets.US_ASCII);
		String file = attendance.addFile(meeting.toString(), "compte-rendu.txt", pdf, RHONE);
		String path = "/reunions/" + meeting + "/fichiers/" + file;
		assertThat(api.get(path).status()).isEqualTo(404);
		assertThat(attendance.getFile(meeting.toString(), file, RHONE).mediaType()).isEqualTo("application/pdf");
		assertThatThrownBy(() -> attendance.getFile(meeting.toString(), file, CHARENTE))
			.isInstanceOf(NotFoundException.class);

		attendance.setFileOpen(meeting.toString(), file, true, RHONE);
		ApiClient.Response open = api.get(path);
		assertThat(open.status()).isEqualTo(200);
		assertThat(open.headers().firstValue("Content-Type")).hasValue("application/pdf");
		assertThat(open.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
	}

	@Test
	void actionsMoveAlongTheirWorkflowAndAnIllegalMoveIsAConflict() {
		String action = attendance.addAction(meeting.toString(), Map.of("intitule", "Recenser les permanences",
				"responsable_acteur", mairie.toString(), "echeance", "2026-06-30"), RHONE);
		assertThatThrownBy(
				() -> attendance.addAction(meeting.toString(), Map.of("intitule", "", "echeance", "30/06/2026"), RHONE))
			.isInstanceOfSatisfying(Attendance.InvalidEntryException.class,
					invalid -> assertThat(invalid.problems()).containsKeys("intitule", "responsable_nom", "echeance"));

		attendance.changeActionStatus(meeting.toString(), action, "en_cours", 0, RHONE);
		assertThatThrownBy(() -> attendance.changeActionStatus(meeting.toString(), action, "a_faire", 1, RHONE))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("« En cours » ne peut pas devenir « À faire »");
		// a stale version: someone moved it meanwhile
		assertThatThrownBy(() -> attendance.changeActionStatus(meeting.toString(), action, "faite", 0, RHONE))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("modifiée entre-temps");
		attendance.changeActionStatus(meeting.toString(), action, "faite", 1, RHONE);
		assertThatThrownBy(() -> attendance.changeActionStatus(meeting.toString(), action, "abandonnee", 2, RHONE))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("close");
		assertThat(attendance.getMinutes(meeting.toString(), RHONE).actions()).singleElement()
			.satisfies(stored -> assertThat(stored.ownerActorName()).isEqualTo("Mairie de Givors"));
	}

	@Test
	void theApiNotesPresencesAllOrNothingForTheCoordinatorsOfTheTerritory() throws Exception {
		String rhone = token(WebSession.signedIn(port, jdbc, "coordinateur", "departement:69"));
		String charente = token(WebSession.signedIn(port, jdbc, "coordinateur", "departement:16"));
		String path = "/api/v1/reunions/" + meeting + "/presences";

		ApiClient.Response refused = post(path, """
				{"presences": [{"participant": "%s", "present": true}, {"participant": "inconnu", "present": "oui"}],
				 "nouveaux": [{"nom": "", "structure": "Emmaüs Connect"}]}""".formatted(alice), rhone);
		assertThat(refused.status()).as(refused.body()).isEqualTo(400);
		assertThat(refused.body()).contains("presences[1]", "nouveaux[0]", "type_acteur");
		assertThat(jdbc.sql("select count(*) from reunion_participant where present").query(Long.class).single())
			.isZero();

		ApiClient.Response done = post(path, """
				{"presences": [{"participant": "%s", "present": true}, {"participant": "%s", "present": false}],
				 "nouveaux": [{"nom": "Damien Roux", "structure": "Emmaüs Connect", "type_acteur": "association"},
				              {"nom": "Eve Blanc", "acteur": "%s"}]}""".formatted(alice, bruno, mairie), rhone);
		assertThat(done.status()).as(done.body()).isEqualTo(200);
		assertThat(done.json().get("presences_notees").asInt()).isEqualTo(2);
		assertThat(done.json().get("ajoutes")).hasSize(2);

		assertThat(post(path, "{\"presences\": [{\"participant\": \"" + alice + "\", \"present\": true}]}", charente)
			.status()).isEqualTo(404);
		assertThat(post("/api/v1/reunions/" + UUID.randomUUID() + "/presences", "{}", rhone).status()).isEqualTo(404);
		assertThat(post(path, "{\"presences\": 3}", rhone).status()).isEqualTo(400);
	}

	@Test
	void theIndicatorsCountMeetingsPeopleStructuresAndRepresentativeness() {
		MeetingRows.present(jdbc, alice, true);
		MeetingRows.present(jdbc, bruno, true);
		MeetingRows.present(jdbc, chloe, false);
		// a second meeting, the annual one, in 69M: the same mairie again, and a typed
		// CCAS
		UUID annual = MeetingRows.meeting(jdbc, "Rencontre départementale", "69M", null,
				Instant.parse("2026-06-20T08:00:00Z"), true, false);
		MeetingRows.present(jdbc, MeetingRows.participant(jdbc, cipher, annual, mairie, "mairie", "Mairie de Givors",
				"Alice Martin", "invitation"), true);
		MeetingRows.present(jdbc, MeetingRows.participant(jdbc, cipher, annual, null, "ccas", "CCAS de Vénissieux ",
				"Farid Benali", "sur_place"), true);
		MeetingRows.present(jdbc, MeetingRows.participant(jdbc, cipher, annual, null, "ccas", "ccas de venissieux",
				"Gaëlle Morel", "sur_place"), true);
		// neither a cancelled meeting nor one out of the period counts
		UUID cancelled = MeetingRows.meeting(jdbc, "Annulée", "69", null, MARCH, false, true);
		MeetingRows.present(jdbc,
				MeetingRows.participant(jdbc, cipher, cancelled, null, "caf", "CAF", "Hélène", "invitation"), true);
		UUID earlier = MeetingRows.meeting(jdbc, "2025", "69", Instant.parse("2025-12-31T22:30:00Z"));
		MeetingRows.present(jdbc,
				MeetingRows.participant(jdbc, cipher, earlier, null, "caf", "CAF", "Hélène", "invitation"), true);

		ApiClient.Response response = api
			.get("/api/v1/indicateurs/echanges?departement=69&du=2026-01-01&au=2026-12-31");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode json = response.json();
		assertThat(json.get("reunions").asLong()).isEqualTo(2);
		assertThat(json.get("participants").asLong()).isEqualTo(5);
		// the mairie, the association, the CCAS (typed twice, spelled two ways)
		assertThat(json.get("structures_distinctes").asLong()).isEqualTo(3);
		assertThat(json.get("representativite").get("mairie").asDouble()).isEqualTo(0.3333);
		assertThat(json.get("representativite").get("ccas").asDouble()).isEqualTo(0.3333);
		assertThat(json.get("representativite").has("caf")).isFalse();
		assertThat(json.get("types_absents").toString()).isEqualTo("[\"caf\"]");
		assertThat(json.get("rencontre_annuelle").get("tenue").asBoolean()).isTrue();
		assertThat(json.get("rencontre_annuelle").get("date").asText()).isEqualTo("2026-06-20");

		// 69M alone: the annual meeting only
		JsonNode metropole = api.get("/api/v1/indicateurs/echanges?departement=69m&du=2026-01-01&au=2026-12-31").json();
		assertThat(metropole.get("reunions").asLong()).isEqualTo(1);
		assertThat(metropole.get("structures_distinctes").asLong()).isEqualTo(2);

		ApiClient.Response wrongPeriod = api
			.get("/api/v1/indicateurs/echanges?departement=69&du=2026-12-31&au=2026-01-01");
		assertThat(wrongPeriod.status()).isEqualTo(400);
		assertThat(wrongPeriod.body()).contains("est après");
		assertThat(api.get("/api/v1/indicateurs/echanges?departement=99X").status()).isEqualTo(400);
		assertThat(api.get("/api/v1/indicateurs/echanges?departement=69&du=hier").status()).isEqualTo(400);
		assertThat(api.get("/api/v1/indicateurs/echanges").status()).isEqualTo(400);

		ApiClient.Response page = api.get("/territoires/69/echanges?du=2026-01-01&au=2026-12-31");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Rencontre annuelle départementale tenue le 20 juin 2026", "CAF");
		// a period typed backwards in the page's form: said on the page, what was typed
		// kept
		ApiClient.Response backwards = api.get("/territoires/69/echanges?du=2026-12-31&au=2026-01-01");
		assertThat(backwards.status()).isEqualTo(400);
		assertThat(backwards.body()).contains("id=\"erreur-periode\"", "est après la date", "value=\"2026-12-31\"",
				"value=\"2026-01-01\"", "Représentativité");
		assertThat(api.get("/territoires/69/echanges?epci=123").body()).contains("id=\"erreur-periode\"", "9 chiffres");
	}

	@Test
	void participantsNamesAreErasedAfterTheRetentionPeriodAndTheCountsStay() {
		UUID old = MeetingRows.meeting(jdbc, "Ancienne réunion", "69", Instant.now().minus(Duration.ofDays(400)));
		UUID person = MeetingRows.participant(jdbc, cipher, old, mairie, "mairie", "Mairie de Givors", "Ivan Roy",
				"invitation");
		MeetingRows.present(jdbc, person, true);

		MeetingRetention.Report report = retention.run();

		assertThat(report.meetings()).isEqualTo(1);
		assertThat(report.persons()).isEqualTo(1);
		Map<String, Object> row = jdbc.sql("select * from reunion_participant where id = :id")
			.param("id", person)
			.query()
			.singleRow();
		assertThat(row.get("nom")).isNull();
		assertThat(row.get("courriel")).isNull();
		assertThat(row.get("donnees_effacees_le")).isNotNull();
		assertThat(row).containsEntry("present", true).containsEntry("structure_nom", "Mairie de Givors");
		// this year's meeting keeps its names; a second run erases nothing more
		assertThat(jdbc.sql("select count(*) from reunion_participant where reunion_id = :id and nom is not null")
			.param("id", meeting)
			.query(Long.class)
			.single()).isEqualTo(3);
		assertThat(retention.run().persons()).isZero();
		assertThat(attendance.getSheet(old.toString(), RHONE).participants()).singleElement()
			.satisfies(p -> assertThat(p.erased()).isTrue());
	}

	private ApiClient.Response post(String path, String json, String token) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(json))
				.build(), HttpResponse.BodyHandlers.ofString());
		return new ApiClient.Response(response.statusCode(), response.body(), response.headers());
	}

	private static String token(WebSession session) throws Exception {
		String page = session.submit("/espace", "/espace/jetons", Map.of("nom", "essai")).body();
		Matcher value = Pattern.compile("(mlg_[A-Za-z0-9_-]+)").matcher(page);
		assertThat(value.find()).as(page).isTrue();
		return value.group(1);
	}

}
