package fr.maillage.contributions.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import fr.maillage.testing.EmptyDirectoryApiTest;
import fr.maillage.testing.Fixtures;
import fr.maillage.testing.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A coordinator attaches a lieu to the structure that runs it and invites its member, who
 * then edits that lieu and no other (issue 6).
 */
class StructuresIT extends EmptyDirectoryApiTest {

	private String lieuId;

	private String otherLieuId;

	@BeforeEach
	void importCharente() {
		api.importFile("charente", Fixtures.CHARENTE, Fixtures.lieux(Fixtures.CHARENTE));
		lieuId = idOf("Service Info 16");
		otherLieuId = idOf("Bibliothèque Julienne");
	}

	private String idOf(String name) {
		return api.findLieuId(name);
	}

	@Test
	void aMemberInvitedByTheCoordinatorEditsItsStructuresLieuOnly() throws Exception {
		WebSession coordinator = WebSession.signedIn(port, jdbc, "coordinateur", "departement:16");
		String editPage = "/espace/lieux/" + lieuId + "/modifier";
		HttpResponse<String> attached = coordinator.submit(editPage, "/espace/lieux/" + lieuId + "/structure",
				Map.of("nom", "Service Info 16 (association)"));
		assertThat(attached.statusCode()).isEqualTo(302);
		assertThat(coordinator.get(editPage).body()).contains("Ce lieu est tenu par", "Service Info 16 (association)");
		HttpResponse<String> invited = coordinator.submit(editPage, "/espace/lieux/" + lieuId + "/membres",
				Map.of("courriel", "accueil@si16.fr", "nom", "Dominique"));
		assertThat(invited.statusCode()).isEqualTo(302);

		String link = WebSession.lastLink(jdbc, "accueil@si16.fr");
		WebSession member = new WebSession(port);
		String password = "un mot de passe assez long";
		member.submit(link, link, Map.of("mot_de_passe", password, "confirmation", password));
		member.submit("/connexion", "/connexion", Map.of("courriel", "accueil@si16.fr", "mot_de_passe", password));

		assertThat(member.get("/espace/lieux").body()).contains("Service Info 16")
			.doesNotContain("Bibliothèque Julienne");
		assertThat(member.get(editPage).statusCode()).isEqualTo(200);
		// another lieu: the member may only propose a change to its coordinator
		assertThat(member.get("/espace/lieux/" + otherLieuId + "/modifier").body())
			.contains("proposée à la coordination");
		// a member neither attaches lieux nor invites
		assertThat(
				member.submit("/espace", "/espace/lieux/" + lieuId + "/structure", Map.of("nom", "Autre")).statusCode())
			.isEqualTo(403);
	}

	@Test
	void aCoordinatorOfAnotherTerritoryCannotAttachTheLieu() throws Exception {
		WebSession rhone = WebSession.signedIn(port, jdbc, "coordinateur", "departement:69");
		assertThat(rhone.submit("/espace", "/espace/lieux/" + lieuId + "/structure", Map.of("nom", "Détournée"))
			.statusCode()).isEqualTo(403);
		assertThat(jdbc.sql("select count(*) from structure_lieu").query(Long.class).single()).isZero();
	}

}
