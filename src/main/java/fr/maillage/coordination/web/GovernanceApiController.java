package fr.maillage.coordination.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.maillage.coordination.Governance;
import fr.maillage.coordination.Resources;
import fr.maillage.coordination.domain.ResourceType;
import fr.maillage.shared.web.BadRequestException;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A territory's governance bodies and resources as JSON (issue 18), for anyone: bodies
 * with their member structures and roles (no person), resources current or not.
 */
@RestController
class GovernanceApiController {

	private final Governance governance;

	private final Resources resources;

	GovernanceApiController(Governance governance, Resources resources) {
		this.governance = governance;
		this.resources = resources;
	}

	@GetMapping(path = "/api/v1/instances", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> bodies(@RequestParam MultiValueMap<String, String> query) {
		Forms.checkParameters(query, Set.of("territoire"));
		String territory = Forms.blank(query.getFirst("territoire"));
		if (territory == null) {
			throw new BadRequestException("territoire_manquant",
					"Indiquez « territoire » : un code de département (par exemple 69, 69M ou 2A) ou le SIREN d'une intercommunalité.");
		}
		Governance.TerritoryGovernance found = governance.listPublic(territory);
		List<Map<String, Object>> bodies = found.bodies().stream().map(body -> {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("id", body.id());
			json.put("nom", body.name());
			json.put("type", body.type().code());
			json.put("type_libelle", body.type().label());
			json.put("departement", body.departement());
			json.put("epci", body.epci());
			json.put("secteur", body.secteur());
			json.put("description", body.description());
			json.put("membres", body.members().stream().map(member -> {
				Map<String, Object> entry = new LinkedHashMap<>();
				entry.put("acteur", member.actorId());
				entry.put("nom", member.name());
				entry.put("role", member.role().code());
				return entry;
			}).toList());
			return json;
		}).toList();
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("territoire", found.code());
		answer.put("total", bodies.size());
		answer.put("instances", bodies);
		return answer;
	}

	@GetMapping(path = "/api/v1/ressources", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> resources(@RequestParam MultiValueMap<String, String> query) {
		Forms.checkParameters(query, Set.of("territoire", "type", "q", "passees"));
		ResourceType type = ResourcePagesController.type(Forms.blank(query.getFirst("type")));
		Resources.Found found = resources.listPublic(Forms.blank(query.getFirst("territoire")), type,
				Forms.blank(query.getFirst("q")), ResourcePagesController.withPast(query.getFirst("passees")));
		List<Map<String, Object>> listed = found.resources().stream().map(resource -> {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("id", resource.id());
			json.put("titre", resource.title());
			json.put("type", resource.type().code());
			json.put("type_libelle", resource.type().label());
			Map<String, Object> actor = new LinkedHashMap<>();
			actor.put("id", resource.actorId());
			actor.put("nom", resource.actorName());
			json.put("structure", actor);
			json.put("departement", resource.departement());
			json.put("epci", resource.epci());
			json.put("commune", resource.commune());
			json.put("du", resource.from() == null ? null : resource.from().toString());
			json.put("au", resource.to() == null ? null : resource.to().toString());
			json.put("lien", resource.link());
			json.put("description", resource.description());
			json.put("en_cours", resource.current());
			return json;
		}).toList();
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("territoire", found.territoryCode());
		answer.put("total", listed.size());
		answer.put("ressources", listed);
		return answer;
	}

}
