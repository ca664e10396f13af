package fr.maillage.orientations.web;

import fr.maillage.accounts.AccountPrincipal;
import fr.maillage.orientations.OrientationLinks;
import fr.maillage.orientations.domain.RefusalReason;
import fr.maillage.shared.web.BadRequestException;
import fr.maillage.shared.web.ConflictException;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The signed link of a lieu with nobody attached (issue 16): the one orientation it opens
 * and the lieu's answers, without an account; its renewal by the orienteur or a
 * coordinator. The token is the only key: the pages are neither cached nor referred.
 */
@Controller
class OrientationLinkPagesController {

	private final OrientationLinks links;

	OrientationLinkPagesController(OrientationLinks links) {
		this.links = links;
	}

	private static void keepPrivate(HttpServletResponse response) {
		// the token is in the address: no cache keeps the page, no other site learns it
		response.setHeader("Cache-Control", "no-store");
		response.setHeader("Referrer-Policy", "no-referrer");
	}

	@GetMapping("/orientations/lien/{jeton}")
	String show(@PathVariable String jeton, @RequestParam(name = "repondu", required = false) @Nullable String answered,
			Model model, HttpServletResponse response) {
		keepPrivate(response);
		try {
			return page(jeton, model);
		}
		catch (OrientationLinks.LinkRefusedException refused) {
			if (answered != null && refused.refusal() == OrientationLinks.Refusal.ANSWERED) {
				model.addAttribute("merci", true);
				return "orientations/lien-refuse";
			}
			model.addAttribute("raison", refused.getMessage());
			response.setStatus(refused.refusal() == OrientationLinks.Refusal.UNKNOWN ? HttpServletResponse.SC_NOT_FOUND
					: HttpServletResponse.SC_GONE);
			return "orientations/lien-refuse";
		}
	}

	private String page(String jeton, Model model) {
		model.addAttribute("orientation", links.read(jeton));
		model.addAttribute("jeton", jeton);
		model.addAttribute("motifs", RefusalReason.values());
		model.addAttribute("dates", new OrientationPagesController.Dates());
		return "orientations/lien";
	}

	@PostMapping("/orientations/lien/{jeton}/statut")
	String answer(@PathVariable String jeton, @RequestParam(name = "statut", defaultValue = "") String status,
			@RequestParam(name = "motif", required = false) @Nullable String reason,
			@RequestParam(name = "message", required = false) @Nullable String message, Model model,
			HttpServletResponse response) {
		keepPrivate(response);
		try {
			links.answer(jeton, status, reason, message);
			return "redirect:/orientations/lien/" + jeton + "?repondu";
		}
		catch (OrientationLinks.LinkRefusedException refused) {
			model.addAttribute("raison", refused.getMessage());
			response.setStatus(refused.refusal() == OrientationLinks.Refusal.UNKNOWN ? HttpServletResponse.SC_NOT_FOUND
					: HttpServletResponse.SC_GONE);
			return "orientations/lien-refuse";
		}
		catch (ConflictException | BadRequestException refused) {
			response.setStatus(refused instanceof ConflictException ? HttpServletResponse.SC_CONFLICT
					: HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("erreur", refused.getMessage());
			try {
				return page(jeton, model);
			}
			catch (OrientationLinks.LinkRefusedException spent) {
				model.addAttribute("raison", refused.getMessage());
				return "orientations/lien-refuse";
			}
		}
	}

	@PostMapping("/espace/orientations/{id}/lien")
	String renew(@PathVariable String id, @AuthenticationPrincipal AccountPrincipal account) {
		links.renew(id, account);
		return "redirect:/espace/orientations/" + id + "?lien";
	}

}
