package fr.maillage.coordination.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.maillage.accounts.AccountPrincipal;
import fr.maillage.coordination.InvalidFormException;
import fr.maillage.coordination.Resources;
import fr.maillage.coordination.domain.ResourceType;
import fr.maillage.shared.web.BadRequestException;
import fr.maillage.shared.web.ConflictException;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The resources of the territories: found by the public next to « Qui fait quoi », kept
 * by the coordinators (their territories') and the structures' members (their own).
 */
@Controller
class ResourcePagesController {

	static final List<String> FIELDS = List.of("titre", "type", "acteur", "departement", "epci", "commune", "du", "au",
			"lien", "description");

	private final Resources resources;

	ResourcePagesController(Resources resources) {
		this.resources = resources;
	}

	@GetMapping("/ressources")
	String publicPage(@RequestParam(name = "territoire", required = false) @Nullable String territory,
			@RequestParam(name = "type", required = false) @Nullable String type,
			@RequestParam(name = "q", required = false) @Nullable String words,
			@RequestParam(name = "passees", required = false) @Nullable String past, Model model,
			HttpServletResponse response) {
		String chosen = Forms.blank(territory);
		model.addAttribute("territoire", chosen);
		model.addAttribute("type", Forms.blank(type));
		model.addAttribute("q", Forms.blank(words));
		model.addAttribute("passees", withPast(past));
		model.addAttribute("types", ResourceType.values());
		model.addAttribute("departements", resources.mapDepartements());
		try {
			if (chosen != null || Forms.blank(words) != null || Forms.blank(type) != null) {
				model.addAttribute("trouvees",
						resources.listPublic(chosen, type(Forms.blank(type)), Forms.blank(words), withPast(past)));
			}
		}
		catch (BadRequestException unknown) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("erreur", unknown.getMessage());
		}
		return "coordination/ressources";
	}

	@GetMapping("/espace/ressources")
	String list(@AuthenticationPrincipal AccountPrincipal account, Model model) {
		return listPage(account, model, Map.of(), Map.of());
	}

	@PostMapping("/espace/ressources")
	String create(@AuthenticationPrincipal AccountPrincipal account, @RequestParam MultiValueMap<String, String> form,
			Model model, HttpServletResponse response) {
		Map<String, String> fields = Forms.fields(form, FIELDS);
		try {
			resources.create(fields, account);
			return "redirect:/espace/ressources?enregistree";
		}
		catch (InvalidFormException invalid) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return listPage(account, model, fields, invalid.problems());
		}
	}

	private String listPage(AccountPrincipal account, Model model, Map<String, String> values,
			Map<String, String> problems) {
		model.addAttribute("ressources", resources.listManaged(account));
		options(account, model, values, problems);
		return "coordination/espace-ressources";
	}

	@GetMapping("/espace/ressources/{id}")
	String resource(@AuthenticationPrincipal AccountPrincipal account, @PathVariable String id, Model model) {
		Resources.Resource resource = resources.getManaged(id, account);
		model.addAttribute("ressource", resource);
		options(account, model, values(resource), Map.of());
		return "coordination/ressource";
	}

	@PostMapping("/espace/ressources/{id}")
	String update(@AuthenticationPrincipal AccountPrincipal account, @PathVariable String id,
			@RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response) {
		Map<String, String> fields = Forms.fields(form, FIELDS);
		int version = Forms.version(form.getFirst("version"));
		try {
			resources.update(id, version, fields, account);
			return "redirect:/espace/ressources?enregistree";
		}
		catch (InvalidFormException invalid) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			fields.put("version", String.valueOf(version));
			model.addAttribute("ressource", resources.getManaged(id, account));
			options(account, model, fields, invalid.problems());
			return "coordination/ressource";
		}
		catch (ConflictException conflict) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			Resources.Resource now = resources.getManaged(id, account);
			// what was typed stays; the form now carries the latest version
			fields.put("version", String.valueOf(now.version()));
			model.addAttribute("ressource", now);
			model.addAttribute("conflit", conflict.getMessage());
			options(account, model, fields, Map.of());
			return "coordination/ressource";
		}
	}

	@PostMapping("/espace/ressources/{id}/suppression")
	String delete(@AuthenticationPrincipal AccountPrincipal account, @PathVariable String id,
			@RequestParam(name = "version", required = false) String version) {
		resources.delete(id, Forms.version(version), account);
		return "redirect:/espace/ressources?supprimee";
	}

	private void options(AccountPrincipal account, Model model, Map<String, String> values,
			Map<String, String> problems) {
		model.addAttribute("valeurs", values);
		model.addAttribute("erreurs", problems);
		model.addAttribute("types", ResourceType.values());
		model.addAttribute("departements", resources.mapDepartements());
		model.addAttribute("choix", resources.listChoices(account));
	}

	private static Map<String, String> values(Resources.Resource resource) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("titre", resource.title());
		values.put("type", resource.type().code());
		values.put("acteur", resource.actorName());
		values.put("departement", resource.departement());
		values.put("epci", resource.epci() == null ? "" : resource.epci());
		values.put("commune", resource.commune() == null ? "" : resource.commune());
		values.put("du", resource.from() == null ? "" : resource.from().toString());
		values.put("au", resource.to() == null ? "" : resource.to().toString());
		values.put("lien", resource.link() == null ? "" : resource.link());
		values.put("description", resource.description() == null ? "" : resource.description());
		values.put("version", String.valueOf(resource.version()));
		return values;
	}

	static @Nullable ResourceType type(@Nullable String code) {
		return code == null ? null : ResourceType.findByCode(code)
			.orElseThrow(() -> new BadRequestException("type_inconnu",
					"Type de ressource inconnu : « " + code + " ». Types : "
							+ String.join(", ", Arrays.stream(ResourceType.values()).map(ResourceType::code).toList())
							+ "."));
	}

	static boolean withPast(@Nullable String value) {
		if (value == null || value.isBlank() || value.equalsIgnoreCase("non")) {
			return false;
		}
		if (value.equalsIgnoreCase("oui")) {
			return true;
		}
		throw new BadRequestException("parametre_invalide", "« passees » vaut oui ou non (« " + value + " »).");
	}

}
