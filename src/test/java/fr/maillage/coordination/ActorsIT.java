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
import fr.maillage.coordination.domain.Competence;
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

}
