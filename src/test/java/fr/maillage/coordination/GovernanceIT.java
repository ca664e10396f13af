package fr.maillage.coordination;

import static fr.maillage.coordination.CoordinationFixture.CHARENTE;
import static fr.maillage.coordination.CoordinationFixture.RHONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import fr.maillage.coordination.domain.BodyType;
import fr.maillage.coordination.domain.MemberRole;
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
 * Governance bodies (issue 18, item 4): a coordinator creates the bodies of its
 * territories with their member structures and roles; a sous-gouvernance has exactly one
 * porteur; an edit on an older version is refused (409); the public reads bodies and
 * structures by territory (département or EPCI), never a person.
 */
class GovernanceIT extends EmptyDirectoryApiTest {

	@Autowired
	Governance governance;

	@Autowired
	Actors actors;

	@Autowired
	fr.maillage.contributions.Structures structures;

	@BeforeEach
	void actors() {
		CoordinationFixture.enter(api, jdbc, actors, structures);
	}

	private static Map<String, String> body(String name, String type, String departement) {
		Map<String, String> fields = new HashMap<>();
		fields.put("nom", name);
		fields.put("type", type);
		fields.put("departement", departement);
		return fields;
	}

	@Test
	void aCoordinatorComposesABodyAndThePublicReadsIt() {
		String id = governance.create(body("Comité technique de l'inclusion numérique", "comite_technique", "69"),
				RHONE);
		governance.saveMembers(id, 0, List.of(), "mairie de villeurbanne", "porteur", RHONE);
		governance.saveMembers(id, 1, List.of(), "Association Numerique Solidaire", "co_porteur", RHONE);
		governance.saveMembers(id, 2, List.of(), "CCAS de Vénissieux", null, RHONE);

		Governance.Body saved = governance.getManaged(id, RHONE);
		assertThat(saved.members()).extracting(Governance.Member::name, Governance.Member::role)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("Mairie de Villeurbanne", MemberRole.PORTEUR),
					org.assertj.core.groups.Tuple.tuple("Association Numérique Solidaire", MemberRole.CO_PORTEUR),
					org.assertj.core.groups.Tuple.tuple("CCAS de Vénissieux", MemberRole.MEMBRE));

		// a second porteur is refused, the members stay as they were
		assertThatThrownBy(() -> governance.saveMembers(id, 3,
				List.of(new Governance.MemberChange(CoordinationFixture.idOf(jdbc, "CCAS de Vénissieux"), "porteur",
						false)),
				null, null, RHONE))
			.isInstanceOf(InvalidFormException.class)
			.hasMessageContaining("un seul porteur");
		// an actor of another département is not offered
		assertThatThrownBy(() -> governance.saveMembers(id, 3, List.of(), "Mairie d'Angoulême", "membre", RHONE))
			.isInstanceOf(InvalidFormException.class)
			.hasMessageContaining("Aucune structure « Mairie d'Angoulême »");

		JsonNode answer = api.get("/api/v1/instances?territoire=69").json();
		assertThat(answer.get("total").asInt()).isEqualTo(1);
		JsonNode first = answer.get("instances").get(0);
		assertThat(first.get("type").asString()).isEqualTo("comite_technique");
		assertThat(first.get("membres").get(0).get("role").asString()).isEqualTo("porteur");
		assertThat(first.get("membres").get(0).get("nom").asString()).isEqualTo("Mairie de Villeurbanne");
		// « 69M » lists its own bodies only: none
		assertThat(api.get("/api/v1/instances?territoire=69m").json().get("total").asInt()).isZero();
		assertThat(api.get("/territoires/69/gouvernance").body()).contains("Comité technique de l&#39;inclusion",
				"Porteur", "CCAS de Vénissieux");
	}

	@Test
	void aSousGouvernanceHasExactlyOnePorteur() {
		Map<String, String> fields = body("Sous-gouvernance de la Métropole", "sous_gouvernance", "69M");
		fields.put("epci", "200046977");
		assertThatThrownBy(() -> governance.create(fields, RHONE)).isInstanceOf(InvalidFormException.class)
			.satisfies(refused -> assertThat(((InvalidFormException) refused).problems()).containsKey("porteur"));
		fields.put("porteur", "Mairie de Villeurbanne");
		String id = governance.create(fields, RHONE);
		assertThat(governance.getManaged(id, RHONE).porteur())
			.hasValueSatisfying(porteur -> assertThat(porteur.name()).isEqualTo("Mairie de Villeurbanne"));
		// the porteur cannot leave without another taking its place
		String mairie = CoordinationFixture.idOf(jdbc, "Mairie de Villeurbanne");
		assertThatThrownBy(() -> governance.saveMembers(id, 0, List.of(new Governance.MemberChange(mairie, null, true)),
				null, null, RHONE))
			.isInstanceOf(InvalidFormException.class)
			.hasMessageContaining("exactement un porteur");
		// handing it over in one form: the mairie becomes co-porteuse, the CCAS porteur
		governance.saveMembers(id, 0, List.of(new Governance.MemberChange(mairie, "co_porteur", false)),
				"CCAS de Vénissieux", "porteur", RHONE);
		assertThat(governance.getManaged(id, RHONE).porteur().orElseThrow().name()).isEqualTo("CCAS de Vénissieux");

		// by its EPCI: its sous-gouvernance and the bodies of the département without
		// EPCI
		governance.create(body("Copil départemental", "comite_pilotage", "69"), RHONE);
		JsonNode byEpci = api.get("/api/v1/instances?territoire=200046977").json();
		List<String> names = new java.util.ArrayList<>();
		byEpci.get("instances").forEach(instance -> names.add(instance.get("nom").asString()));
		assertThat(names).containsExactlyInAnyOrder("Copil départemental", "Sous-gouvernance de la Métropole");
		assertThat(byEpci.get("instances").get(1).get("epci").isNull()
				|| byEpci.get("instances").get(1).get("epci").asString().equals("200046977"))
			.isTrue();
	}

	@Test
	void anEditOnAnOlderVersionIsRefused() throws Exception {
		String id = governance.create(body("Plénière", "pleniere", "69"), RHONE);
		governance.update(id, 0, body("Assemblée plénière annuelle", "pleniere", "69"), RHONE);
		assertThatThrownBy(() -> governance.update(id, 0, body("Plénière de printemps", "pleniere", "69"), RHONE))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("modifiée par Coordination Rhône");
		assertThat(governance.getManaged(id, RHONE).name()).isEqualTo("Assemblée plénière annuelle");

		WebSession coordinator = WebSession.signedIn(port, jdbc, "coordinateur", "departement:69");
		String page = "/espace/instances/" + id;
		HttpResponse<String> stale = coordinator.submit(page, page,
				Map.of("version", "0", "nom", "Plénière d'automne", "type", "pleniere", "departement", "69"));
		assertThat(stale.statusCode()).isEqualTo(409);
		// what was typed stays in the form
		assertThat(stale.body()).contains("pendant que vous la modifiiez", "Plénière d&#39;automne");
		HttpResponse<String> empty = coordinator.submit(page, page,
				Map.of("version", "1", "nom", "", "type", "pleniere", "departement", "69"));
		assertThat(empty.statusCode()).isEqualTo(400);
		assertThat(empty.body()).contains("Nom de l&#39;instance : à renseigner.");
	}

	@Test
	void aCoordinatorManagesItsTerritoriesBodiesOnly() throws Exception {
		String id = governance.create(body("Comité technique", "comite_technique", "69"), RHONE);
		assertThatThrownBy(() -> governance.getManaged(id, CHARENTE)).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> governance.create(body("Comité", "comite_technique", "69"), CHARENTE))
			.isInstanceOf(InvalidFormException.class)
			.hasMessageContaining("ne gérez pas");
		assertThat(governance.listManaged(CHARENTE)).isEmpty();
		assertThat(governance.listPublic("69").bodies()).extracting(Governance.Body::type)
			.containsExactly(BodyType.COMITE_TECHNIQUE);

		WebSession charente = WebSession.signedIn(port, jdbc, "coordinateur", "departement:16");
		assertThat(charente.get("/espace/instances/" + id).statusCode()).isEqualTo(404);
	}

	@Test
	void badQueriesAreToldInFrench() {
		ApiClient.Response unknown = api.get("/api/v1/instances?territoire=99");
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.body()).contains("territoire_inconnu", "Territoire inconnu");
		ApiClient.Response parameter = api.get("/api/v1/instances?territoire=69&departement=69");
		assertThat(parameter.status()).isEqualTo(400);
		assertThat(parameter.body()).contains("parametre_inconnu");
		assertThat(api.get("/api/v1/instances").status()).isEqualTo(400);
		assertThat(api.get("/territoires/zz/gouvernance").status()).isEqualTo(404);
	}

}
