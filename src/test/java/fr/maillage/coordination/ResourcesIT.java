package fr.maillage.coordination;

import static fr.maillage.coordination.CoordinationFixture.CHARENTE;
import static fr.maillage.coordination.CoordinationFixture.RHONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import fr.maillage.coordination.domain.ResourceType;
import fr.maillage.shared.web.ConflictException;
import fr.maillage.shared.web.NotFoundException;
import fr.maillage.testing.ApiClient;
import fr.maillage.testing.EmptyDirectoryApiTest;
import fr.maillage.testing.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The resources of a territory (issue 18, item 2): a coordinator enters its territories',
 * a member its own structure's; the public finds them by territory, type and words
 * (accents ignored), those ended hidden unless asked; bad links and concurrent edits
 * refused in French.
 */
class ResourcesIT extends EmptyDirectoryApiTest {

	@Autowired
	Resources resources;

	@Autowired
	Actors actors;

	@Autowired
	fr.maillage.contributions.Structures structures;

	String structure;

	@BeforeEach
	void actors() {
		structure = CoordinationFixture.enter(api, jdbc, actors, structures);
	}

	private static Map<String, String> resource(String title, String type, String actor) {
		Map<String, String> fields = new HashMap<>();
		fields.put("titre", title);
		fields.put("type", type);
		fields.put("acteur", actor);
		return fields;
	}

	@Test
	void thePublicFindsCurrentResourcesByTerritoryTypeAndWords() {
		Map<String, String> tablets = resource("Prêt de tablettes", "materielle", "Association Numérique Solidaire");
		tablets.put("lien", "https://numerique-solidaire.example/pret");
		tablets.put("description", "Vingt tablettes prêtées un mois aux personnes accompagnées.");
		resources.create(tablets, RHONE);
		Map<String, String> call = resource("Appel à projets inclusion numérique", "financiere", "CCAS de Vénissieux");
		call.put("du", "2025-01-01");
		call.put("au", "2025-03-31");
		resources.create(call, RHONE);
		Map<String, String> training = resource("Formation des aidants", "formative", "Mairie de Villeurbanne");
		training.put("epci", "200046977");
		training.put("commune", "69266");
		resources.create(training, RHONE);
		resources.create(resource("Formation Pix", "formative", "Mairie d'Angoulême"), CHARENTE);

		assertThat(resources.listPublic("69", null, null, false).resources()).extracting(Resources.Resource::title)
			.containsExactlyInAnyOrder("Prêt de tablettes", "Formation des aidants");
		// the departement is the structure's when none is chosen
		assertThat(resources.listPublic("69M", null, null, false).resources()).extracting(Resources.Resource::title)
			.containsExactly("Formation des aidants");
		assertThat(resources.listPublic("69", null, null, true).resources()).hasSize(3);
		assertThat(resources.listPublic("69", ResourceType.FORMATIVE, null, false).resources()).hasSize(1);
		// accents and case ignored, in the title, description or structure's name
		assertThat(resources.listPublic(null, null, "TABLETTES pretees", false).resources())
			.extracting(Resources.Resource::title)
			.containsExactly("Prêt de tablettes");
		assertThat(resources.listPublic(null, null, "solidaire", false).resources()).hasSize(1);
		assertThat(resources.listPublic("200046977", null, null, false).resources())
			.extracting(Resources.Resource::communeName)
			.containsExactly("Villeurbanne");

		JsonNode answer = api.get("/api/v1/ressources?territoire=69&type=materielle").json();
		assertThat(answer.get("total").asInt()).isEqualTo(1);
		assertThat(answer.get("ressources").get(0).get("structure").get("nom").asString())
			.isEqualTo("Association Numérique Solidaire");
		assertThat(answer.get("ressources").get(0).get("lien").asString())
			.isEqualTo("https://numerique-solidaire.example/pret");
		assertThat(api.get("/api/v1/ressources?territoire=69&passees=oui").json().get("total").asInt()).isEqualTo(3);
		ApiClient.Response unknown = api.get("/api/v1/ressources?territoire=99");
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.body()).contains("territoire_inconnu");
		assertThat(api.get("/api/v1/ressources?type=tablette").body()).contains("type_inconnu");
		assertThat(api.get("/api/v1/ressources?commune=69266").body()).contains("parametre_inconnu");
		assertThat(api.get("/ressources?territoire=69&q=tablette").body()).contains("Prêt de tablettes",
				"Association Numérique Solidaire");
		assertThat(api.get("/ressources?territoire=zz").status()).isEqualTo(400);
	}

	@Test
	void badInputIsToldInFrenchAndConcurrentEditsAreRefused() throws Exception {
		Map<String, String> wrong = resource("", "materielle", "Association Numérique Solidaire");
		wrong.put("lien", "www.example.fr");
		wrong.put("du", "2026-05-01");
		wrong.put("au", "2026-04-01");
		assertThatThrownBy(() -> resources.create(wrong, RHONE)).isInstanceOfSatisfying(InvalidFormException.class,
				refused -> assertThat(refused.problems()).containsOnlyKeys("titre", "lien", "au"));
		assertThatThrownBy(() -> resources.create(resource("Prêt", "materielle", "Structure inconnue"), RHONE))
			.isInstanceOfSatisfying(InvalidFormException.class,
					refused -> assertThat(refused.problems()).containsOnlyKeys("acteur"));
		// the Charente's coordination does not enter resources of the Rhône's structures
		assertThatThrownBy(
				() -> resources.create(resource("Prêt", "materielle", "Association Numérique Solidaire"), CHARENTE))
			.isInstanceOf(InvalidFormException.class);

		String id = resources.create(resource("Prêt de tablettes", "materielle", "Association Numérique Solidaire"),
				RHONE);
		resources.update(id, 0,
				resource("Prêt de tablettes et de clés 4G", "materielle", "Association Numérique Solidaire"), RHONE);
		assertThatThrownBy(() -> resources.update(id, 0,
				resource("Prêt d'ordinateurs", "materielle", "Association Numérique Solidaire"), RHONE))
			.isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> resources.getManaged(id, CHARENTE)).isInstanceOf(NotFoundException.class);

		WebSession coordinator = WebSession.signedIn(port, jdbc, "coordinateur", "departement:69");
		HttpResponse<String> stale = coordinator.submit("/espace/ressources/" + id, "/espace/ressources/" + id,
				Map.of("version", "0", "titre", "Prêt d'ordinateurs", "type", "materielle", "acteur",
						"Association Numérique Solidaire"));
		assertThat(stale.statusCode()).isEqualTo(409);
		assertThat(stale.body()).contains("Prêt d&#39;ordinateurs", "pendant que vous la modifiiez");
		HttpResponse<String> badLink = coordinator.submit("/espace/ressources", "/espace/ressources",
				Map.of("titre", "Tablettes", "type", "materielle", "acteur", "Association Numérique Solidaire", "lien",
						"javascript:alert(1)"));
		assertThat(badLink.statusCode()).isEqualTo(400);
		assertThat(badLink.body()).contains("une adresse web commençant par http:// ou https://",
				"value=\"Tablettes\"");
	}

	@Test
	void aMemberKeepsItsOwnStructuresResources() throws Exception {
		String theirs = resources.create(resource("Appel à projets", "financiere", "CCAS de Vénissieux"), RHONE);
		WebSession member = WebSession.signedIn(port, jdbc, "membre", "structure:" + structure);
		HttpResponse<String> saved = member.submit("/espace/ressources", "/espace/ressources",
				Map.of("titre", "Permanence d'un conseiller numérique", "type", "humaine", "acteur",
						"Mairie de Villeurbanne", "au", LocalDate.now().plusMonths(6).toString()));
		assertThat(saved.statusCode()).isEqualTo(302);
		HttpResponse<String> other = member.submit("/espace/ressources", "/espace/ressources",
				Map.of("titre", "Intrus", "type", "humaine", "acteur", "CCAS de Vénissieux"));
		assertThat(other.statusCode()).isEqualTo(400);
		assertThat(other.body()).contains("parmi les vôtres");
		String page = member.get("/espace/ressources").body();
		assertThat(page).contains("Permanence d&#39;un conseiller numérique").doesNotContain("Appel à projets");
		assertThat(member.get("/espace/ressources/" + theirs).statusCode()).isEqualTo(404);
		assertThat(resources.listPublic("69M", null, null, false).resources()).extracting(Resources.Resource::title)
			.contains("Permanence d'un conseiller numérique");
	}

}
