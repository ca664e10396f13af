package fr.maillage.coordination.web;

import java.util.Optional;

import fr.maillage.coordination.Mailing;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The unsubscribe link of the coordination's announcements (ADR 0027), without an
 * account: the page asks for one click (opening the link changes nothing: mail scanners
 * open links), then the referent's consent « invitations » is withdrawn and the page says
 * what it means. An unknown or altered link is a 404, a link already used a 410: calm
 * pages, nothing to fill.
 */
@Controller
class UnsubscribePageController {

	private final Mailing mailing;

	UnsubscribePageController(Mailing mailing) {
		this.mailing = mailing;
	}

	@GetMapping("/diffusion/desinscription/{jeton}")
	String page(@PathVariable String jeton, Model model, HttpServletResponse response) {
		return show(mailing.findLink(jeton), jeton, false, model, response);
	}

	@PostMapping("/diffusion/desinscription/{jeton}")
	String confirm(@PathVariable String jeton, Model model, HttpServletResponse response) {
		Optional<Mailing.LinkState> before = mailing.unsubscribe(jeton);
		return show(before, jeton, before.isPresent() && !before.get().used(), model, response);
	}

	private static String show(Optional<Mailing.LinkState> state, String token, boolean done, Model model,
			HttpServletResponse response) {
		response.setHeader("Cache-Control", "no-store");
		// the token is a secret: no Referer to the sites a page might link to
		response.setHeader("Referrer-Policy", "no-referrer");
		if (state.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			model.addAttribute("etat", "inconnu");
		}
		else if (done) {
			model.addAttribute("etat", "fait");
		}
		else if (state.get().used()) {
			response.setStatus(HttpServletResponse.SC_GONE);
			model.addAttribute("etat", "deja");
			model.addAttribute("le", state.get().usedAt());
		}
		else {
			model.addAttribute("etat", "a-confirmer");
			model.addAttribute("jeton", token);
		}
		return "coordination/desinscription";
	}

}
