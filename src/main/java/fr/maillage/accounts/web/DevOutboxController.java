package fr.maillage.accounts.web;

import fr.maillage.accounts.Accounts;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * What would have been e-mailed, for developers (dev profile only; the page does not
 * exist elsewhere).
 */
@Controller
@Profile("dev")
class DevOutboxController {

	private final Accounts accounts;

	DevOutboxController(Accounts accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/dev/courriels")
	String outbox(Model model) {
		model.addAttribute("courriels", accounts.listOutbox(50));
		return "accounts/courriels";
	}

}
