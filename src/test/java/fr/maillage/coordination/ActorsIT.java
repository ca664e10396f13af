package fr.maillage.coordination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.maillage.accounts.AccountPrincipal;
import fr.maillage.accounts.Role;
import fr.maillage.coordination.domain.ActorType;
import fr.maillage.coordination.domain.ActorEntry;
import fr.maillage.coordination.domain.Competence;
import fr.maillage.coordination.domain.ConsentPurpose;
import fr.maillage.coordination.domain.ContactConsent;
import fr.maillage.coordination.persistence.V27_2__ChiffrementReferents;
import fr.maillage.shared.crypto.FieldCipher;
import fr.maillage.shared.web.BadRequestException;
import fr.maillage.shared.web.NotFoundException;
import fr.maillage.shared.importing.ImportIssue;
import fr.maillage.testing.ApiClient;
import fr.maillage.testing.EmptyDirectoryApiTest;
import fr.maillage.testing.Fixtures;
import fr.maillage.testing.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The actors directory (issue 18): a coordinator's CSV import enters the valid rows and
 * reports every refused one with line, field, value and reason; an actor already there
 * (same SIRET) is updated, not entered twice; a coordinator enters actors of its
 * territories only; the public reads referents' details only when they consented.
 */
class ActorsIT extends EmptyDirectoryApiTest {

	private static final AccountPrincipal RHONE = new AccountPrincipal(UUID.randomUUID().toString(),
			"coordination@rhone.fr", "Coordination Rhône", Role.COORDINATEUR, List.of("departement:69"));

	private static final AccountPrincipal CHARENTE = new AccountPrincipal(UUID.randomUUID().toString(),
			"coordination@charente.fr", "Coordination Charente", Role.COORDINATEUR, List.of("departement:16"));

	private static final String CSV = new String(Fixtures.bytes("fixtures/acteurs/acteurs-rhone-invente.csv"),
			StandardCharsets.UTF_8);

	@Autowired
	Actors actors;

	@Autowired
	FieldCipher cipher;

	@Autowired
	fr.maillage.contributions.Structures structures;

	@Test
	void anImportEntersTheValidRowsAndReportsEveryRefusedOne() {
		Actors.ImportReport report = actors.importCsv(CSV, RHONE);

		assertThat(report.read()).isEqualTo(6);
		assertThat(report.created()).isEqualTo(3);
		assertThat(report.updated()).isZero();
		assertThat(report.refused()).extracting(ImportIssue::ligne, ImportIssue::champ)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(5L, "type"),
					org.assertj.core.groups.Tuple.tuple(6L, "siret"), org.assertj.core.groups.Tuple.tuple(7L, "type"),
					org.assertj.core.groups.Tuple.tuple(7L, "departement"),
					org.assertj.core.groups.Tuple.tuple(7L, "competences"),
					org.assertj.core.groups.Tuple.tuple(7L, "referent_courriel"),
					org.assertj.core.groups.Tuple.tuple(7L, "referent_telephone"),
					org.assertj.core.groups.Tuple.tuple(7L, "consentement_contact"));
		assertThat(report.refused().get(1).valeur()).isEqualTo("12345678901234");

		// the same file again: nothing entered twice (by SIRET, or by name without one)
		Actors.ImportReport again = actors.importCsv(CSV, RHONE);
		assertThat(again.created()).isZero();
		assertThat(again.updated()).isEqualTo(3);
		assertThat(jdbc.sql("select count(*) from acteur").query(Long.class).single()).isEqualTo(3);
	}

	@Test
	void aCoordinatorEntersActorsOfItsTerritoriesOnly() {
		Actors.ImportReport report = actors.importCsv(CSV, CHARENTE);

		assertThat(report.created()).isZero();
		assertThat(report.refused()).filteredOn(issue -> issue.ligne() <= 4)
			.hasSize(3)
			.allSatisfy(issue -> assertThat(issue.message()).contains("ne gérez pas"));
		assertThatThrownBy(() -> actors
			.saveActor(Map.of("nom", "Mairie de Lyon", "type", "mairie", "departement", "69M"), CHARENTE))
			.isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
	}

	@Test
	void thePublicSeesAReferentsDetailsOnlyWithTheirConsent() {
		actors.importCsv(CSV, RHONE);

		// « 69 » lists the actors of the whole Rhône, 69D and 69M included
		List<Actors.PublicActor> rhone = actors.listPublic("69", null, null);
		assertThat(rhone).extracting(Actors.PublicActor::name)
			.containsExactly("Association Numérique Solidaire", "Atelier Reconditionné du Rhône",
					"Mairie de Villeurbanne");
		Actors.PublicActor mairie = rhone.get(2);
		assertThat(mairie.referentEmail()).isEqualTo("camille.martin@mairie-villeurbanne.fr");
		Actors.PublicActor atelier = rhone.get(1);
		assertThat(atelier.referent()).isNull();
		assertThat(atelier.referentEmail()).isNull();

		assertThat(actors.listPublic("69M", ActorType.MAIRIE, Competence.ACCUEIL_PERMANENCES))
			.extracting(Actors.PublicActor::name)
			.containsExactly("Mairie de Villeurbanne");

		JsonNode answer = api.get("/api/v1/acteurs?territoire=69&competence=pret_don_materiel").json();
		assertThat(answer.get("total").asInt()).isEqualTo(1);
		assertThat(answer.get("acteurs").get(0).get("referent").isNull()).isTrue();
		assertThat(api.get("/api/v1/acteurs?territoire=69").body()).doesNotContain("d.petit@atelier.example");
		ApiClient.Response unknown = api.get("/api/v1/acteurs?competence=cuisine");
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.body()).contains("competence_inconnue", "Compétence inconnue");
	}

	@Test
	void theApiEntersAnActorAndSaysEveryProblemInFrench() {
		ApiClient.Response created = api.postJsonAsAdmin("/api/v1/acteurs",
				"{\"nom\": \"CAF du Rhône\", \"type\": \"caf\", \"departement\": \"69\", \"competences\": [\"financement\"]}");
		assertThat(created.status()).as(created.body()).isEqualTo(201);

		ApiClient.Response refused = api.postJsonAsAdmin("/api/v1/acteurs",
				"{\"nom\": \"\", \"type\": \"banque\", \"departement\": \"69\"}");
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("acteur_invalide", "Indiquez le nom", "« banque » n'est pas un type connu");

		assertThat(api.postJson("/api/v1/acteurs", "{\"nom\": \"X\"}").status()).isEqualTo(401);
	}

	@Test
	void theEntryFormKeepsWhatWasTypedAndAMemberIsRefused() throws Exception {
		WebSession coordinator = WebSession.signedIn(port, jdbc, "coordinateur", "departement:69");
		HttpResponse<String> refused = coordinator.submit("/espace/acteurs", "/espace/acteurs",
				Map.of("nom", "Médiathèque de Bron", "type", "mediatheque", "departement", "69", "siret", "123",
						"referent_nom", "Alex"));
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("id=\"siret-erreur\"", "Un SIRET a 14 chiffres",
				"value=\"Médiathèque de Bron\"");

		HttpResponse<String> saved = coordinator.submit("/espace/acteurs", "/espace/acteurs",
				Map.of("nom", "Médiathèque de Bron", "type", "mediatheque", "departement", "69", "competences",
						"mediation_numerique"));
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(coordinator.get("/espace/acteurs?enregistre").body()).contains("Structure enregistrée",
				"Médiathèque de Bron");
		assertThat(new WebSession(port).get("/acteurs?territoire=69").body()).contains("Médiathèque de Bron",
				"Médiation et ateliers numériques");

		WebSession member = WebSession.signedIn(port, jdbc, "membre", "structure:" + UUID.randomUUID());
		assertThat(member.get("/espace/acteurs").statusCode()).isEqualTo(403);
	}

	@Test
	void referentsAreEncryptedAtRestAndAConsentIsADatedWithdrawableRecord() {
		actors.importCsv(CSV, RHONE);

		List<String> stored = jdbc
			.sql("select concat_ws(' ', referent_nom, referent_courriel, referent_telephone) from acteur "
					+ "where referent_nom is not null")
			.query(String.class)
			.list();
		assertThat(stored).hasSize(2)
			.allSatisfy(row -> assertThat(row).startsWith("v1.")
				.doesNotContain("Camille", "camille.martin", "0478036767", "Dominique"));

		String mairie = idOf("Mairie de Villeurbanne");
		Map<String, Object> consent = jdbc
			.sql("select objet, enregistre_par, donne_le is not null as date, retire_le from acteur_consentement "
					+ "where acteur_id = :id::uuid")
			.param("id", mairie)
			.query()
			.singleRow();
		assertThat(consent).containsEntry("objet", "publication")
			.containsEntry("enregistre_par", RHONE.signature())
			.containsEntry("date", true)
			.containsEntry("retire_le", null);
		// the referent who said « non » has no consent recorded at all
		assertThat(jdbc.sql("select count(*) from acteur_consentement where acteur_id = :id::uuid")
			.param("id", idOf("Atelier Reconditionné du Rhône"))
			.query(Long.class)
			.single()).isZero();

		actors.withdrawConsent(mairie, ConsentPurpose.PUBLICATION, RHONE);

		assertThat(actors.listPublic("69M", null, null)).singleElement().satisfies(actor -> {
			assertThat(actor.referent()).isNull();
			assertThat(actor.referentEmail()).isNull();
		});
		assertThat(api.get("/api/v1/acteurs?territoire=69").body()).doesNotContain("camille");
		Actors.ActorFile file = actors.getFile(mairie, RHONE);
		assertThat(file.consents()).singleElement().satisfies(withdrawn -> {
			assertThat(withdrawn.active()).isFalse();
			assertThat(withdrawn.withdrawnBy()).isEqualTo(RHONE.signature());
			assertThat(withdrawn.withdrawnReason()).isEqualTo("retrait demandé par le référent");
		});
		assertThatThrownBy(() -> actors.withdrawConsent(mairie, ConsentPurpose.PUBLICATION, RHONE))
			.isInstanceOf(BadRequestException.class)
			.hasMessageContaining("Aucun consentement en cours");

		// given again later: a new record, the withdrawn one kept
		actors.saveActor(Map.of("nom", "Mairie de Villeurbanne", "siret", "21690266800013", "type", "mairie",
				"departement", "69M", "referent_nom", "Camille Martin", "consentement_contact", "oui"), RHONE);
		assertThat(actors.getFile(mairie, RHONE).consents()).extracting(ContactConsent::active)
			.containsExactly(true, false);
	}

	@Test
	void aReplacedReferentTakesNoneOfThePreviousOnesConsents() {
		actors.importCsv(CSV, RHONE);
		String mairie = idOf("Mairie de Villeurbanne");

		actors.saveActor(Map.of("nom", "Mairie de Villeurbanne", "siret", "21690266800013", "type", "mairie",
				"departement", "69M", "referent_nom", "Noa Bernard", "referent_courriel", "noa.bernard@mairie.fr"),
				RHONE);

		assertThat(actors.listPublic("69M", null, null)).singleElement()
			.satisfies(actor -> assertThat(actor.referent()).isNull());
		Actors.ActorFile file = actors.getFile(mairie, RHONE);
		assertThat(file.referent()).isEqualTo(new ActorEntry.Referent("Noa Bernard", "noa.bernard@mairie.fr", null));
		assertThat(file.consents()).singleElement()
			.satisfies(ended -> assertThat(ended.withdrawnReason()).isEqualTo("référent remplacé"));
		// the same referent re-imported without a consent column keeps what was recorded
		actors.saveActor(Map.of("nom", "Mairie de Villeurbanne", "siret", "21690266800013", "type", "mairie",
				"departement", "69M", "referent_nom", "Noa Bernard", "consentement_invitations", "oui"), RHONE);
		actors.saveActor(Map.of("nom", "Mairie de Villeurbanne", "siret", "21690266800013", "type", "mairie",
				"departement", "69M", "referent_nom", "NOA  Bernard"), RHONE);
		assertThat(actors.getFile(mairie, RHONE).actor().consentsInForce())
			.containsOnlyKeys(ConsentPurpose.INVITATIONS);
	}

	@Test
	void everyReadOfAReferentByACoordinatorIsLoggedAndOthersSeeNothing() {
		actors.importCsv(CSV, RHONE);
		String mairie = idOf("Mairie de Villeurbanne");

		// the list says whether a referent is known, not who: no read to log
		assertThat(actors.listManaged(RHONE)).extracting(Actors.ManagedActor::hasReferent)
			.containsExactly(false, true, true);
		assertThat(jdbc.sql("select count(*) from acteur_acces").query(Long.class).single()).isZero();

		Actors.ActorFile file = actors.getFile(mairie, RHONE);
		assertThat(file.referent().email()).isEqualTo("camille.martin@mairie-villeurbanne.fr");
		assertThat(jdbc.sql("select par || ' ' || action from acteur_acces where acteur_id = :id::uuid")
			.param("id", mairie)
			.query(String.class)
			.list()).containsExactly(RHONE.signature() + " lecture");

		String export = actors.exportCsv(RHONE);
		assertThat(export).contains("camille.martin@mairie-villeurbanne.fr", "Dominique Petit");
		assertThat(jdbc.sql("select count(*) from acteur_acces where action = 'export'").query(Long.class).single())
			.isEqualTo(2);
		// the export reads back as an import: nothing refused, nothing entered twice,
		// consents kept
		Actors.ImportReport again = actors.importCsv(export, RHONE);
		assertThat(again.refused()).isEmpty();
		assertThat(again.updated()).isEqualTo(3);
		assertThat(actors.listPublic("69M", null, null).get(0).referentEmail())
			.isEqualTo("camille.martin@mairie-villeurbanne.fr");

		// a coordinator of another département cannot tell the actor exists
		assertThatThrownBy(() -> actors.getFile(mairie, CHARENTE)).isInstanceOf(NotFoundException.class);
		assertThat(actors.exportCsv(CHARENTE)).doesNotContain("Villeurbanne");
	}

	@Test
	void referentsWrittenInClearBeforeAreEncryptedByTheMigrationAndNothingIsLost() {
		String id = UUID.randomUUID().toString();
		jdbc.sql("""
				insert into acteur (id, nom, type, departement, competences, referent_nom, referent_courriel,
				    referent_telephone, cree_le, cree_par, modifie_le, modifie_par)
				values (:id::uuid, 'CCAS de Bron', 'ccas', '69M', '{}', 'Lou Garnier', 'lou@ccas-bron.fr', '0472000000',
				    now(), 'test', now(), 'test')""").param("id", id).update();

		assertThat(V27_2__ChiffrementReferents.encryptClearValues(jdbc, cipher)).isEqualTo(3);

		assertThat(jdbc.sql("select referent_nom from acteur where id = :id::uuid")
			.param("id", id)
			.query(String.class)
			.single()).startsWith("v1.");
		assertThat(actors.getFile(id, RHONE).referent())
			.isEqualTo(new ActorEntry.Referent("Lou Garnier", "lou@ccas-bron.fr", "0472000000"));
		// run again (or on a table partly encrypted): nothing encrypted twice
		assertThat(V27_2__ChiffrementReferents.encryptClearValues(jdbc, cipher)).isZero();
	}

	@Test
	void theActorsFilePageShowsTheReferentAndWithdrawsAConsent() throws Exception {
		actors.importCsv(CSV, RHONE);
		String mairie = idOf("Mairie de Villeurbanne");
		WebSession coordinator = WebSession.signedIn(port, jdbc, "coordinateur", "departement:69");

		String list = coordinator.get("/espace/acteurs").body();
		assertThat(list).contains("Renseigné, coordonnées publiées").doesNotContain("Camille");
		HttpResponse<String> file = coordinator.get("/espace/acteurs/" + mairie);
		assertThat(file.statusCode()).isEqualTo(200);
		assertThat(file.body()).contains("Camille Martin", "camille.martin@mairie-villeurbanne.fr",
				"accordé depuis le");

		HttpResponse<String> withdrawn = coordinator.submit("/espace/acteurs/" + mairie,
				"/espace/acteurs/" + mairie + "/consentements/publication/retrait", Map.of());
		assertThat(withdrawn.statusCode()).isEqualTo(302);
		assertThat(coordinator.get("/espace/acteurs/" + mairie + "?retire").body()).contains("Accord retiré",
				"retrait demandé par le référent");
		HttpResponse<String> unknownPurpose = coordinator.submit("/espace/acteurs/" + mairie,
				"/espace/acteurs/" + mairie + "/consentements/marketing/retrait", Map.of());
		assertThat(unknownPurpose.statusCode()).isEqualTo(400);
		assertThat(unknownPurpose.body()).contains("Objet de consentement inconnu");
		assertThat(coordinator.get("/espace/acteurs/pas-un-identifiant").statusCode()).isEqualTo(404);

		HttpResponse<String> export = coordinator.get("/espace/acteurs/export.csv");
		assertThat(export.statusCode()).isEqualTo(200);
		assertThat(export.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
		assertThat(export.body()).contains("nom;siret;type", "Mairie de Villeurbanne;21690266800013;mairie;69M");

		WebSession other = WebSession.signedIn(port, jdbc, "coordinateur", "departement:16");
		assertThat(other.get("/espace/acteurs/" + mairie).statusCode()).isEqualTo(404);
	}

	@Test
	void theNationalFranceServicesListEntersTheTerritorysStructuresOnceAndKeepsWhatWasTyped() {
		String franceServices = new String(Fixtures.bytes("fixtures/sources/france-services-2023-rhone-et-voisins.csv"),
				StandardCharsets.UTF_8);
		// typed by the coordination before: its referent and consent must survive the
		// import
		actors.saveActor(Map.of("nom", "France services Mornant", "type", "france_services", "departement", "69D",
				"competences", "formation_aidants", "referent_nom", "Alix Moreau", "consentement_contact", "oui"),
				RHONE);

		Actors.ImportReport report = actors.importCsv(franceServices, RHONE);

		assertThat(report.source()).isEqualTo("Liste nationale des France Services (ANCT)");
		assertThat(report.read()).isEqualTo(159);
		assertThat(report.refused()).isEmpty();
		assertThat(report.outside()).isEqualTo(125);
		assertThat(report.created()).isEqualTo(33);
		assertThat(report.updated()).isEqualTo(1);
		List<Actors.PublicActor> rhone = actors.listPublic("69", ActorType.FRANCE_SERVICES, null);
		assertThat(rhone).hasSize(34);
		assertThat(rhone).filteredOn(actor -> actor.name().equals("France services Pimms Médiation de Villeurbanne"))
			.singleElement()
			.satisfies(actor -> {
				assertThat(actor.departement()).isEqualTo("69M");
				assertThat(actor.epci()).isEqualTo("200046977");
				assertThat(actor.competences()).containsExactly(Competence.ACCOMPAGNEMENT_DEMARCHES,
						Competence.ACCUEIL_PERMANENCES);
			});
		// an arrondissement of Lyon is placed in the Métropole
		assertThat(rhone).filteredOn(actor -> actor.name().contains("Lyon 8ème"))
			.singleElement()
			.satisfies(actor -> assertThat(actor.departement()).isEqualTo("69M"));
		assertThat(rhone).filteredOn(actor -> actor.name().equals("France services Mornant"))
			.singleElement()
			.satisfies(actor -> {
				assertThat(actor.referent()).isEqualTo("Alix Moreau");
				assertThat(actor.competences()).containsExactly(Competence.ACCOMPAGNEMENT_DEMARCHES,
						Competence.FORMATION_AIDANTS, Competence.ACCUEIL_PERMANENCES);
			});

		Actors.ImportReport again = actors.importCsv(franceServices, RHONE);
		assertThat(again.created()).isZero();
		assertThat(again.updated()).isZero();
		assertThat(again.unchanged()).isEqualTo(34);
	}

	@Test
	void theAidantsConnectListReportsEachRefusedRowWithItsLineColumnAndReason() {
		String aidantsConnect = new String(Fixtures.bytes("fixtures/sources/aidants-connect-structures-charente.csv"),
				StandardCharsets.UTF_8);
		AccountPrincipal admin = new AccountPrincipal(UUID.randomUUID().toString(), "admin@maillage.fr", "Admin",
				Role.ADMINISTRATEUR, List.of());

		Actors.ImportReport report = actors.importCsv(aidantsConnect, admin);

		assertThat(report.source()).isEqualTo("Structures habilitées Aidants Connect");
		assertThat(report.read()).isEqualTo(60);
		assertThat(report.refused()).extracting(ImportIssue::ligne, ImportIssue::champ, ImportIssue::valeur)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(46L, "Siret", "13001840100013"),
					org.assertj.core.groups.Tuple.tuple(47L, "Siret", "13001840100013"),
					org.assertj.core.groups.Tuple.tuple(66L, "Is Active", "false"),
					org.assertj.core.groups.Tuple.tuple(68L, "Is Active", "false"));
		assertThat(report.refused().get(0).message()).startsWith("Même SIRET que la ligne 45");
		assertThat(report.created()).isEqualTo(56);
		assertThat(actors.listPublic("16", ActorType.MAIRIE, null)).extracting(Actors.PublicActor::name)
			.contains("Mairie de CHATEAUBERNARD", "COMMUNE DE CELLETTES");
		assertThat(actors.listPublic("16", ActorType.EPCI, null)).extracting(Actors.PublicActor::name)
			.contains("Grand Cognac");

		// a coordinator of Charente sees the rejections of Charente only, the others
		// counted apart
		Actors.ImportReport charente = actors.importCsv(aidantsConnect, CHARENTE);
		assertThat(charente.refused()).extracting(ImportIssue::ligne).containsExactly(46L, 47L);
		assertThat(charente.outside()).isEqualTo(2);
		assertThat(charente.unchanged()).isEqualTo(56);
	}

	@Test
	void structuresAreCreatedFromTheLieuxDirectoryOnceAndLinkedToTheirLieux() throws Exception {
		assertThat(api.importFile("charente", Fixtures.CHARENTE, Fixtures.lieux(Fixtures.CHARENTE)).status())
			.isEqualTo(201);
		assertThat(api.importFile("rhone", "rhone.json", """
				[{"id": "sp-1", "pivot": "00000000000000", "nom": "Espace numérique Gerland", "commune": "Lyon",
				  "code_postal": "69007", "code_insee": "69387", "adresse": "1 rue de Gerland",
				  "latitude": 45.73, "longitude": 4.83, "structure_parente": "Association Connect Lyon",
				  "source": "test", "date_maj": "2026-11-01", "services": "Aide aux démarches administratives"},
				 {"id": "sp-2", "pivot": "00000000000000", "nom": "Espace numérique Villeurbanne",
				  "commune": "Villeurbanne", "code_postal": "69100", "code_insee": "69266",
				  "adresse": "2 rue Francis de Pressensé", "latitude": 45.77, "longitude": 4.88,
				  "structure_parente": "ASSOCIATION CONNECT LYON", "source": "test", "date_maj": "2026-11-01",
				  "services": "Accès internet et matériel informatique"}]""".getBytes(StandardCharsets.UTF_8)).status())
			.isEqualTo(201);
		// the Aidants Connect structures of Charente entered first: those the lieux name
		// are not entered again
		actors.importCsv(new String(Fixtures.bytes("fixtures/sources/aidants-connect-structures-charente.csv"),
				StandardCharsets.UTF_8), CHARENTE);
		long before = jdbc.sql("select count(*) from acteur").query(Long.class).single();

		Actors.PlacesReport report = actors.importFromPlaces("16", CHARENTE);

		assertThat(report.lieux()).isGreaterThan(100);
		assertThat(report.withoutStructure()).isPositive();
		assertThat(report.linked()).isEqualTo(report.lieux() - report.withoutStructure());
		assertThat(report.completed() + report.unchanged()).isPositive();
		assertThat(jdbc.sql("select count(*) from acteur").query(Long.class).single())
			.isEqualTo(before + report.created());
		// CSCS FLEP (Aidants Connect) runs 3 lieux of the directory under its SIRET: one
		// actor, 3 links
		String flep = jdbc.sql("select id::text from acteur where siret = '78125600300034'")
			.query(String.class)
			.single();
		assertThat(actors.getFile(flep, CHARENTE).lieux()).isNotEmpty()
			.allSatisfy(lieu -> assertThat(lieu.name()).isNotBlank());

		Actors.PlacesReport again = actors.importFromPlaces("16", CHARENTE);
		assertThat(again.created()).isZero();
		assertThat(again.completed()).isZero();

		// without SIRET, the structure_parente names the structure: one actor for both
		// lieux, in the Métropole
		Actors.PlacesReport rhone = actors.importFromPlaces("69M", RHONE);
		assertThat(rhone.created()).isEqualTo(1);
		assertThat(rhone.linked()).isEqualTo(2);
		assertThat(actors.listPublic("69M", null, null)).singleElement().satisfies(actor -> {
			assertThat(actor.name()).isIn("Association Connect Lyon", "ASSOCIATION CONNECT LYON");
			assertThat(actor.type()).isEqualTo(ActorType.ASSOCIATION);
			assertThat(actor.competences()).containsExactly(Competence.ACCOMPAGNEMENT_DEMARCHES, Competence.CONNEXION);
		});

		assertThatThrownBy(() -> actors.importFromPlaces("16", RHONE))
			.isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
		assertThatThrownBy(() -> actors.importFromPlaces("99", RHONE)).isInstanceOf(BadRequestException.class)
			.hasMessageContaining("n'est pas un code de département");
	}

	@Test
	void aMemberEditsTheirOwnStructuresEntryAndNoOtherOne() throws Exception {
		assertThat(api
			.importFile("rhone", "rhone.json",
					"""
							[{"id": "m-1", "pivot": "21690266800013", "nom": "Espace numérique de la mairie", "commune": "Villeurbanne",
							  "code_postal": "69100", "code_insee": "69266", "adresse": "Place Lazare Goujon",
							  "latitude": 45.77, "longitude": 4.88, "source": "test", "date_maj": "2026-11-01",
							  "services": "Aide aux démarches administratives"},
							 {"id": "m-2", "pivot": "78284834500016", "nom": "Atelier", "commune": "Lyon",
							  "code_postal": "69007", "code_insee": "69387", "adresse": "1 rue de Gerland",
							  "latitude": 45.73, "longitude": 4.83, "source": "test", "date_maj": "2026-11-01",
							  "services": "Aide aux démarches administratives"}]"""
						.getBytes(StandardCharsets.UTF_8))
			.status()).isEqualTo(201);
		actors.importFromPlaces("69M", RHONE);
		String lieu = jdbc
			.sql("select lieu_id from acteur_lieu l join acteur a on a.id = l.acteur_id "
					+ "where a.siret = '21690266800013'")
			.query(String.class)
			.single();
		String structure = structures.attach(lieu, "Mairie de Villeurbanne", RHONE).id();
		String mairie = idOf("Espace numérique de la mairie");
		String atelier = idOf("Atelier");
		WebSession member = WebSession.signedIn(port, jdbc, "membre", "structure:" + structure);

		String page = member.get("/espace/ma-structure").body();
		assertThat(page).contains("Espace numérique de la mairie").doesNotContain("Atelier");
		HttpResponse<String> refused = member.submit("/espace/ma-structure", "/espace/ma-structure/" + mairie,
				Map.of("referent_nom", "Camille Martin", "referent_courriel", "pas-une-adresse"));
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("Adresse électronique non reconnue");

		HttpResponse<String> saved = member.submit("/espace/ma-structure", "/espace/ma-structure/" + mairie,
				Map.of("competences", "formation_aidants", "referent_nom", "Camille Martin", "referent_courriel",
						"camille.martin@mairie-villeurbanne.fr", "consentement_contact", "oui"));
		assertThat(saved.statusCode()).isEqualTo(302);
		Actors.PublicActor shown = actors.listPublic("69M", null, Competence.FORMATION_AIDANTS).get(0);
		assertThat(shown.referentEmail()).isEqualTo("camille.martin@mairie-villeurbanne.fr");
		assertThat(shown.type()).isEqualTo(ActorType.MAIRIE);
		assertThat(jdbc.sql("select enregistre_par from acteur_consentement").query(String.class).single())
			.startsWith("Test membre");

		// another structure's entry: as if it did not exist
		assertThat(member
			.submit("/espace/ma-structure", "/espace/ma-structure/" + atelier, Map.of("referent_nom", "Intrus"))
			.statusCode()).isEqualTo(404);
	}

	private String idOf(String name) {
		return jdbc.sql("select id::text from acteur where nom = :name")
			.param("name", name)
			.query(String.class)
			.single();
	}

}
