package fr.maillage.coordination.web;

import java.util.List;
import java.util.Map;

import fr.maillage.accounts.AccountPrincipal;
import fr.maillage.accounts.Role;
import fr.maillage.coordination.Charter;
import fr.maillage.coordination.InvalidFormException;
import fr.maillage.shared.web.BadRequestException;
import fr.maillage.shared.web.ConflictException;
import fr.maillage.shared.web.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The charter: its text and signatory structures for the public (every version readable),
 * the coordination's page (publish a version, record a paper signature, the signatories'
 * names and the counts), and a member signing for its structure.
 */
@Controller
class CharterPagesController {

	private static final List<String> VERSION_FIELDS = List.of("titre", "texte", "publiee_le", "version_courante");

	private static final List<String> SIGNATURE_FIELDS = List.of("acteur", "signataire_nom", "signataire_fonction",
			"signee_le");

	private final Charter charter;

	CharterPagesController(Charter charter) {
		this.charter = charter;
	}

	@GetMapping("/territoires/{code}/charte")
	String publicPage(@PathVariable String code,
			@RequestParam(name = "version", required = false) @Nullable String version, Model model) {
		Charter.PublicCharter found;
		try {
			found = charter.getPublic(code);
		}
		catch (BadRequestException unknown) {
			throw new NotFoundException(unknown.getMessage());
		}
		Charter.Version shown = found.current().orElse(null);
		if (version != null && !version.isBlank()) {
			shown = found.versions()
				.stream()
				.filter(candidate -> String.valueOf(candidate.number()).equals(version.strip()))
				.findFirst()
				.orElseThrow(() -> new NotFoundException(
						"La charte de ce territoire n'a pas de version « " + version.strip() + " »."));
		}
		model.addAttribute("charte", found);
		model.addAttribute("affichee", shown);
		return "coordination/charte";
	}

	@GetMapping("/espace/charte")
	String managed(@AuthenticationPrincipal AccountPrincipal account,
			@RequestParam(name = "departement", required = false) @Nullable String departement, Model model) {
		return managedPage(account, departement, model, Map.of(), Map.of(), null);
	}

	@PostMapping("/espace/charte/{code}/versions")
	String publish(@AuthenticationPrincipal AccountPrincipal account, @PathVariable("code") String departement,
			@RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response) {
		Map<String, String> fields = Forms.fields(form, VERSION_FIELDS);
		try {
			int number = charter.publish(departement, fields, account);
			return "redirect:/espace/charte?departement=" + departement + "&publiee=" + number;
		}
		catch (InvalidFormException invalid) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return managedPage(account, departement, model, fields, invalid.problems(), null);
		}
		catch (ConflictException conflict) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			return managedPage(account, departement, model, fields, Map.of(), conflict.getMessage());
		}
	}

	@PostMapping("/espace/charte/{code}/signatures")
	String paper(@AuthenticationPrincipal AccountPrincipal account, @PathVariable("code") String departement,
			@RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response) {
		Map<String, String> fields = Forms.fields(form, SIGNATURE_FIELDS);
		try {
			charter.recordPaperSignature(departement, fields, account);
			return "redirect:/espace/charte?departement=" + departement + "&signee";
		}
		catch (InvalidFormException invalid) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return managedPage(account, departement, model, fields, invalid.problems(), null);
		}
		catch (ConflictException conflict) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			return managedPage(account, departement, model, fields, Map.of(), conflict.getMessage());
		}
	}

	private String managedPage(AccountPrincipal account, @Nullable String departement, Model model,
			Map<String, String> values, Map<String, String> problems, @Nullable String conflict) {
		if (account.role() == Role.MEMBRE) {
			throw new AccessDeniedException("La charte d'un territoire est publiée par sa coordination.");
		}
		Map<String, String> managed = charter.mapManagedDepartements(account);
		String chosen = Forms.blank(departement);
		if (chosen == null) {
			chosen = managed.keySet().stream().findFirst().orElse(null);
		}
		model.addAttribute("departements", managed);
		model.addAttribute("departement", chosen);
		model.addAttribute("valeurs", values);
		model.addAttribute("erreurs", problems);
		model.addAttribute("conflit", conflict);
		if (chosen != null) {
			model.addAttribute("charte", charter.getManaged(chosen, account));
			model.addAttribute("choix", charter.listChoices(chosen));
		}
		return "coordination/espace-charte";
	}

	@GetMapping("/espace/ma-structure/charte")
	String own(@AuthenticationPrincipal AccountPrincipal account, Model model) {
		return ownPage(account, model, null, Map.of(), Map.of(), null);
	}

	@PostMapping("/espace/ma-structure/charte/{id}")
	String sign(@AuthenticationPrincipal AccountPrincipal account, @PathVariable("id") String actor,
			@RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response) {
		Map<String, String> fields = Forms.fields(form, SIGNATURE_FIELDS);
		try {
			charter.signOwn(actor, fields, account);
			return "redirect:/espace/ma-structure/charte?signee";
		}
		catch (InvalidFormException invalid) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return ownPage(account, model, actor, fields, invalid.problems(), null);
		}
		catch (ConflictException conflict) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			return ownPage(account, model, actor, fields, Map.of(), conflict.getMessage());
		}
	}

	private String ownPage(AccountPrincipal account, Model model, @Nullable String actor, Map<String, String> values,
			Map<String, String> problems, @Nullable String conflict) {
		model.addAttribute("structures", charter.listOwn(account));
		model.addAttribute("acteurSaisi", actor);
		model.addAttribute("valeurs", values);
		model.addAttribute("erreurs", problems);
		model.addAttribute("conflit", conflict);
		return "coordination/ma-charte";
	}

}
