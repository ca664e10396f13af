package fr.maillage.coordination;

import static fr.maillage.coordination.CoordinationFixture.CHARENTE;
import static fr.maillage.coordination.CoordinationFixture.RHONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.Map;

import fr.maillage.shared.web.BadRequestException;
import fr.maillage.shared.web.ConflictException;
import fr.maillage.shared.web.NotFoundException;
import fr.maillage.testing.EmptyDirectoryApiTest;
import fr.maillage.testing.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * The charter (issue 18, item 3): versions published by the département's coordination,
 * every one kept; a member signs for its own structure, a coordinator records a paper
 * signature; a new version leaves earlier signatures as they were; the public sees
 * structures, versions and dates, never the signatory's name, which is encrypted.
 */
class CharterIT extends EmptyDirectoryApiTest {

	@Autowired
	Charter charter;

	@Autowired
	Actors actors;

	@Autowired
	fr.maillage.contributions.Structures structures;

	String structure;

	@BeforeEach
	void actors() {
		structure = CoordinationFixture.enter(api, jdbc, actors, structures);
	}

	@Test
	void structuresSignVersionsAndThePublicSeesStructuresOnly() throws Exception {
		assertThat(charter.publish("69",
				Map.of("titre", "Charte de l'inclusion numérique du Rhône", "texte",
						"Nous accueillons chacun.\n\nNous orientons vers le bon lieu.", "publiee_le", "2026-11-01"),
				RHONE))
			.isEqualTo(1);
		charter.recordPaperSignature("69", Map.of("acteur", "Association Numérique Solidaire", "signataire_nom",
				"Dominique Petit", "signataire_fonction", "Présidente", "signee_le", "2026-11-10"), RHONE);

		// the member of the mairie's structure (69M) signs the Rhône's charter
		WebSession member = WebSession.signedIn(port, jdbc, "membre", "structure:" + structure);
		String mairie = CoordinationFixture.idOf(jdbc, "Mairie de Villeurbanne");
		HttpResponse<String> refused = member.submit("/espace/ma-structure/charte",
				"/espace/ma-structure/charte/" + mairie, Map.of("signataire_nom", "", "signataire_fonction", "Maire"));
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("Nom du signataire : à renseigner.", "value=\"Maire\"");
		HttpResponse<String> signed = member.submit("/espace/ma-structure/charte",
				"/espace/ma-structure/charte/" + mairie,
				Map.of("signataire_nom", "Camille Martin", "signataire_fonction", "Maire"));
		assertThat(signed.statusCode()).isEqualTo(302);
		// another structure: as if it did not exist
		String ccas = CoordinationFixture.idOf(jdbc, "CCAS de Vénissieux");
		assertThat(member
			.submit("/espace/ma-structure/charte", "/espace/ma-structure/charte/" + ccas,
					Map.of("signataire_nom", "Intrus"))
			.statusCode()).isEqualTo(404);

		// the name is encrypted at rest
		assertThat(jdbc.sql("select signataire_nom from charte_signature").query(String.class).list())
			.noneMatch(name -> name.contains("Camille") || name.contains("Dominique"));

		// a new version: the earlier signatures stay, on version 1
		charter.publish("69", Map.of("titre", "Charte 2027", "texte", "Nous accueillons chacun, partout."), RHONE);
		Charter.PublicCharter shown = charter.getPublic("69");
		assertThat(shown.current().orElseThrow().number()).isEqualTo(2);
		assertThat(shown.versions()).hasSize(2);
		assertThat(shown.signatures()).extracting(Charter.PublicSignature::actorName, Charter.PublicSignature::version)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("Association Numérique Solidaire", 1),
					org.assertj.core.groups.Tuple.tuple("Mairie de Villeurbanne", 1));
		String page = api.get("/territoires/69/charte").body();
		assertThat(page).contains("Charte 2027", "Mairie de Villeurbanne", "Association Numérique Solidaire")
			.doesNotContain("Camille Martin", "Dominique Petit");
		assertThat(api.get("/territoires/69/charte?version=1").body()).contains("Nous orientons vers le bon lieu.");
		assertThat(api.get("/territoires/69/charte?version=7").status()).isEqualTo(404);

		// the member signs the new version too
		assertThat(member
			.submit("/espace/ma-structure/charte", "/espace/ma-structure/charte/" + mairie,
					Map.of("signataire_nom", "Camille Martin"))
			.statusCode()).isEqualTo(302);
		assertThat(charter.countSignatures("69").structures()).isEqualTo(2);
		assertThat(charter.countSignatures("69").byVersion()).containsExactly(Map.entry(1, 2L), Map.entry(2, 1L));

		// the coordination reads the names, and the read is logged
		Charter.ManagedCharter managed = charter.getManaged("69", RHONE);
		assertThat(managed.signatures()).extracting(Charter.ManagedSignature::signatory)
			.contains("Camille Martin", "Dominique Petit");
		assertThat(jdbc.sql("select count(*) from charte_lecture").query(Long.class).single()).isEqualTo(1);
		WebSession coordinator = WebSession.signedIn(port, jdbc, "coordinateur", "departement:69");
		assertThat(coordinator.get("/espace/charte?departement=69").body()).contains("Camille Martin",
				"2 structure(s) signataire(s)");
	}

	@Test
	void onlyTheDepartementsCoordinationPublishesAndSignaturesAreChecked() {
		assertThatThrownBy(() -> charter.publish("69", Map.of("titre", "Charte", "texte", "Texte"), CHARENTE))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> charter.publish("69", Map.of("titre", "", "texte", ""), RHONE)).isInstanceOfSatisfying(
				InvalidFormException.class,
				refused -> assertThat(refused.problems()).containsOnlyKeys("titre", "texte"));
		assertThatThrownBy(() -> charter.recordPaperSignature("69",
				Map.of("acteur", "Association Numérique Solidaire", "signataire_nom", "X"), RHONE))
			.isInstanceOf(BadRequestException.class)
			.hasMessageContaining("Publiez d'abord");
		charter.publish("69", Map.of("titre", "Charte", "texte", "Texte", "publiee_le", "2026-11-01"), RHONE);
		// a version published meanwhile is not overwritten
		assertThatThrownBy(() -> charter.publish("69",
				Map.of("titre", "Charte", "texte", "Autre texte", "version_courante", "0"), RHONE))
			.isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> charter.recordPaperSignature("69",
				Map.of("acteur", "Mairie d'Angoulême", "signataire_nom", "X"), RHONE))
			.isInstanceOf(InvalidFormException.class)
			.hasMessageContaining("aucune structure « Mairie d'Angoulême »");
		charter.recordPaperSignature("69", Map.of("acteur", "CCAS de Vénissieux", "signataire_nom", "Y"), RHONE);
		assertThatThrownBy(() -> charter.recordPaperSignature("69",
				Map.of("acteur", "CCAS de Vénissieux", "signataire_nom", "Y"), RHONE))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("a déjà signé la version 1");
		assertThatThrownBy(() -> charter.getPublic("200046977")).isInstanceOf(BadRequestException.class);
		assertThat(api.get("/territoires/99/charte").status()).isEqualTo(404);
		assertThatThrownBy(() -> charter.signOwn(CoordinationFixture.idOf(jdbc, "CCAS de Vénissieux"),
				Map.of("signataire_nom", "Z"), RHONE))
			.isInstanceOf(NotFoundException.class);
	}

}
