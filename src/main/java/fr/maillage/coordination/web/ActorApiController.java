package fr.maillage.coordination.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.maillage.accounts.AccountPrincipal;
import fr.maillage.accounts.Role;
import fr.maillage.coordination.Actors;
import fr.maillage.coordination.domain.Actor;
import fr.maillage.coordination.domain.Competence;
import fr.maillage.shared.web.BadRequestException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The actors directory as JSON (issue 18): read by anyone (referents' details only with
 * their consent), written by a coordinator's personal token in its territories or by the
 * administrator.
 */
@RestController
@RequestMapping(path = "/api/v1/acteurs", produces = MediaType.APPLICATION_JSON_VALUE)
class ActorApiController {

	private final Actors actors;

	ActorApiController(Actors actors) {
		this.actors = actors;
	}

	@GetMapping
	Map<String, Object> list(@RequestParam(name = "territoire", required = false) @Nullable String territory,
			@RequestParam(name = "type", required = false) @Nullable String type,
			@RequestParam(name = "competence", required = false) @Nullable String competence) {
		List<Map<String, Object>> found = actors
			.listPublic(blank(territory), ActorPagesController.type(blank(type)),
					ActorPagesController.competence(blank(competence)))
			.stream()
			.map(ActorApiController::json)
			.toList();
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("total", found.size());
		answer.put("acteurs", found);
		return answer;
	}

	/**
	 * Enters an actor (or updates the one of the same SIRET); the fields of a CSV row.
	 */
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> create(@RequestBody Map<String, Object> body, @AuthenticationPrincipal Object principal) {
		Map<String, String> fields = new LinkedHashMap<>();
		body.forEach((field, value) -> {
			if (value instanceof List<?> list) {
				fields.put(field, String.join("|", list.stream().map(String::valueOf).toList()));
			}
			else if (value != null && !(value instanceof Map<?, ?>)) {
				fields.put(field, String.valueOf(value));
			}
			else if (value instanceof Map<?, ?>) {
				throw new BadRequestException("champ_invalide", "« " + field + " » : une valeur simple est attendue.");
			}
		});
		Actor saved = actors.saveActor(fields, account(principal));
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("id", saved.id());
		answer.put("nom", saved.entry().name());
		return answer;
	}

	/** The bootstrap token has no account: it acts as the administrator. */
	private static AccountPrincipal account(Object principal) {
		if (principal instanceof AccountPrincipal account) {
			return account;
		}
		return new AccountPrincipal("00000000-0000-0000-0000-000000000000", "", String.valueOf(principal),
				Role.ADMINISTRATEUR, List.of());
	}

	private static Map<String, Object> json(Actors.PublicActor actor) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", actor.id());
		json.put("nom", actor.name());
		json.put("siret", actor.siret());
		json.put("type", actor.type().code());
		json.put("type_libelle", actor.type().label());
		json.put("departement", actor.departement());
		json.put("epci", actor.epci());
		json.put("competences", actor.competences().stream().map(Competence::code).toList());
		if (actor.referent() == null) {
			json.put("referent", null);
		}
		else {
			Map<String, Object> referent = new LinkedHashMap<>();
			referent.put("nom", actor.referent());
			referent.put("courriel", actor.referentEmail());
			referent.put("telephone", actor.referentPhone());
			json.put("referent", referent);
		}
		return json;
	}

	private static @Nullable String blank(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
