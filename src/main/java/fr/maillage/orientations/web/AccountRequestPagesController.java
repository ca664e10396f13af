package fr.maillage.orientations.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.maillage.accounts.AccountPrincipal;
import fr.maillage.orientations.AccountRequests;
import fr.maillage.shared.web.BadRequestException;
import fr.maillage.shared.web.ConflictException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public « Demander un compte » page and the coordinators' « Demandes de compte »
 * (issue 16). The service decides who sees and decides what.
 */
@Controller
class AccountRequestPagesController {

	private final AccountRequests requests;

	AccountRequestPagesController(AccountRequests requests) {
		this.requests = requests;
	}

	@GetMapping("/demande-de-compte")
	String form(Model model) {
		model.addAttribute("saisie", Map.of());
		model.addAttribute("erreurs", Map.of());
		model.addAttribute("choix", List.of());
		return "orientations/demande-compte";
	}

	@PostMapping("/demande-de-compte")
	String submit(@RequestParam(name = "nom", defaultValue = "") String name,
			@RequestParam(name = "courriel", defaultValue = "") String email,
			@RequestParam(name = "structure", defaultValue = "") String structure,
			@RequestParam(name = "siret", defaultValue = "") String siret,
			@RequestParam(name = "territoire", defaultValue = "") String territory,
			@RequestParam(name = "territoire_choisi", defaultValue = "") String territoryChoice,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		// the client as the trusted proxy saw it (server.forward-headers-strategy)
		AccountRequests.Outcome outcome = requests.submit(
				new AccountRequests.Input(name, email, structure, siret, territory, territoryChoice),
				request.getRemoteAddr());
		if (outcome.kind() == AccountRequests.Kind.SENT) {
			return "redirect:/demande-de-compte?envoyee";
		}
		Map<String, String> entered = new LinkedHashMap<>();
		entered.put("nom", name);
		entered.put("courriel", email);
		entered.put("structure", structure);
		entered.put("siret", siret);
		entered.put("territoire", territory);
		entered.put("territoire_choisi", territoryChoice);
		model.addAttribute("saisie", entered);
		model.addAttribute("choix", outcome.options());
		if (outcome.kind() == AccountRequests.Kind.THROTTLED) {
			model.addAttribute("erreurs", Map.of());
			model.addAttribute("tropDeDemandes", true);
			response.setStatus(429);
		}
		else {
			model.addAttribute("erreurs", outcome.problems());
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		}
		return "orientations/demande-compte";
	}

	@GetMapping("/espace/demandes-de-compte")
	String list(@AuthenticationPrincipal AccountPrincipal account, Model model) {
		model.addAttribute("demandes", requests.listRequests(account));
		model.addAttribute("dates", new OrientationPagesController.Dates());
		return "orientations/demandes-compte";
	}

	@PostMapping("/espace/demandes-de-compte/{id}/acceptation")
	String accept(@PathVariable String id, @AuthenticationPrincipal AccountPrincipal account,
			@RequestParam(name = "structure", defaultValue = "") String structure, Model model,
			HttpServletResponse response) {
		try {
			requests.accept(id, structure, account);
			return "redirect:/espace/demandes-de-compte?acceptee";
		}
		catch (ConflictException | BadRequestException refused) {
			return refused(refused, account, model, response);
		}
	}

	@PostMapping("/espace/demandes-de-compte/{id}/refus")
	String refuse(@PathVariable String id, @AuthenticationPrincipal AccountPrincipal account,
			@RequestParam(name = "motif", defaultValue = "") String reason, Model model, HttpServletResponse response) {
		try {
			requests.refuse(id, reason, account);
			return "redirect:/espace/demandes-de-compte?refusee";
		}
		catch (ConflictException | BadRequestException refused) {
			return refused(refused, account, model, response);
		}
	}

	private String refused(RuntimeException refused, AccountPrincipal account, Model model,
			HttpServletResponse response) {
		model.addAttribute("erreur", refused.getMessage());
		response.setStatus(refused instanceof ConflictException ? HttpServletResponse.SC_CONFLICT
				: HttpServletResponse.SC_BAD_REQUEST);
		return list(account, model);
	}

}
