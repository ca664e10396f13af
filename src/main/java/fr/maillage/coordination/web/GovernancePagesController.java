package fr.maillage.coordination.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.maillage.accounts.AccountPrincipal;
import fr.maillage.coordination.Governance;
import fr.maillage.coordination.InvalidFormException;
import fr.maillage.coordination.domain.BodyType;
import fr.maillage.coordination.domain.MemberRole;
import fr.maillage.shared.web.BadRequestException;
import fr.maillage.shared.web.ConflictException;
import fr.maillage.shared.web.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The governance bodies: a coordinator's list, form and members (each form keeps what was
 * typed and says each problem next to its field; an edit on an older version is refused
 * with 409), and a territory's governance for the public: bodies, porteur and member
 * structures, never a person.
 */
@Controller
class GovernancePagesController {

	static final List<String> FIELDS = List.of("nom", "type", "departement", "epci", "secteur", "description",
			"porteur");

	private final Governance governance;

	GovernancePagesController(Governance governance) {
		this.governance = governance;
	}

	@GetMapping("/territoires/{code}/gouvernance")
	String publicPage(@PathVariable String code, Model model) {
		try {
			model.addAttribute("gouvernance", governance.listPublic(code));
		}
		catch (BadRequestException unknown) {
			throw new NotFoundException(unknown.getMessage());
		}
		model.addAttribute("roles", MemberRole.values());
		return "coordination/gouvernance";
	}

	@GetMapping("/espace/instances")
	String list(@AuthenticationPrincipal AccountPrincipal account, Model model) {
		return listPage(account, model, Map.of(), Map.of());
	}

	@PostMapping("/espace/instances")
	String create(@AuthenticationPrincipal AccountPrincipal account, @RequestParam MultiValueMap<String, String> form,
			Model model, HttpServletResponse response) {
		Map<String, String> fields = Forms.fields(form, FIELDS);
		try {
			String id = governance.create(fields, account);
			return "redirect:/espace/instances/" + id + "?cree";
		}
		catch (InvalidFormException invalid) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return listPage(account, model, fields, invalid.problems());
		}
	}

	private String listPage(AccountPrincipal account, Model model, Map<String, String> values,
			Map<String, String> problems) {
		model.addAttribute("instances", governance.listManaged(account));
		model.addAttribute("valeurs", values);
		model.addAttribute("erreurs", problems);
		model.addAttribute("departements", governance.mapManagedDepartements(account));
		model.addAttribute("types", BodyType.values());
		model.addAttribute("choix", governance.listChoices(null, account));
		return "coordination/espace-instances";
	}

	@GetMapping("/espace/instances/{id}")
	String body(@AuthenticationPrincipal AccountPrincipal account, @PathVariable String id, Model model) {
		Governance.Body body = governance.getManaged(id, account);
		return bodyPage(account, body, model, values(body), Map.of(), null);
	}

	@PostMapping("/espace/instances/{id}")
	String update(@AuthenticationPrincipal AccountPrincipal account, @PathVariable String id,
			@RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response) {
		checkCoordinates(account);
		Map<String, String> fields = Forms.fields(form, FIELDS);
		int version = Forms.version(form.getFirst("version"));
		try {
			governance.update(id, version, fields, account);
			return "redirect:/espace/instances/" + id + "?enregistre";
		}
		catch (InvalidFormException invalid) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return bodyPage(account, governance.getManaged(id, account), model, fields, invalid.problems(), null);
		}
		catch (ConflictException conflict) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			return bodyPage(account, governance.getManaged(id, account), model, fields, Map.of(),
					conflict.getMessage());
		}
	}

	@PostMapping("/espace/instances/{id}/membres")
	String members(@AuthenticationPrincipal AccountPrincipal account, @PathVariable String id,
			@RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response) {
		checkCoordinates(account);
		int version = Forms.version(form.getFirst("version"));
		List<Governance.MemberChange> changes = new ArrayList<>();
		for (String actor : form.getOrDefault("membre", List.of())) {
			changes.add(new Governance.MemberChange(actor, form.getFirst("role-" + actor),
					form.containsKey("retirer-" + actor)));
		}
		String added = form.getFirst("nouveau_membre");
		String addedRole = form.getFirst("nouveau_role");
		try {
			governance.saveMembers(id, version, changes, added, addedRole, account);
			return "redirect:/espace/instances/" + id + "?membres#membres";
		}
		catch (InvalidFormException invalid) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			Governance.Body body = governance.getManaged(id, account);
			model.addAttribute("nouveauMembre", added);
			model.addAttribute("nouveauRole", addedRole);
			return bodyPage(account, body, model, values(body), invalid.problems(), null);
		}
		catch (ConflictException conflict) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			Governance.Body body = governance.getManaged(id, account);
			model.addAttribute("nouveauMembre", added);
			model.addAttribute("nouveauRole", addedRole);
			return bodyPage(account, body, model, values(body), Map.of(), conflict.getMessage());
		}
	}

	@PostMapping("/espace/instances/{id}/suppression")
	String delete(@AuthenticationPrincipal AccountPrincipal account, @PathVariable String id,
			@RequestParam(name = "version", required = false) String version) {
		checkCoordinates(account);
		governance.delete(id, Forms.version(version), account);
		return "redirect:/espace/instances?supprimee";
	}

	private String bodyPage(AccountPrincipal account, Governance.Body body, Model model, Map<String, String> values,
			Map<String, String> problems, String conflict) {
		model.addAttribute("instance", body);
		model.addAttribute("valeurs", values);
		model.addAttribute("erreurs", problems);
		model.addAttribute("conflit", conflict);
		model.addAttribute("departements", governance.mapManagedDepartements(account));
		model.addAttribute("types", BodyType.values());
		model.addAttribute("roles", MemberRole.values());
		model.addAttribute("choix", governance.listChoices(body.departement(), account));
		return "coordination/instance";
	}

	/** A structure's member is told the bodies are the coordination's (403). */
	private static void checkCoordinates(AccountPrincipal account) {
		if (account.role() == fr.maillage.accounts.Role.MEMBRE) {
			throw new org.springframework.security.access.AccessDeniedException(
					"Les instances d'un territoire sont gérées par sa coordination.");
		}
	}

	private static Map<String, String> values(Governance.Body body) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("nom", body.name());
		values.put("type", body.type().code());
		values.put("departement", body.departement());
		values.put("epci", body.epci() == null ? "" : body.epci());
		values.put("secteur", body.secteur() == null ? "" : body.secteur());
		values.put("description", body.description() == null ? "" : body.description());
		values.put("version", String.valueOf(body.version()));
		return values;
	}

}
