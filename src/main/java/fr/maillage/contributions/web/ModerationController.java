package fr.maillage.contributions.web;

import fr.maillage.accounts.AccountPrincipal;
import fr.maillage.contributions.Moderation;
import fr.maillage.opendata.PlaceEditing;
import fr.maillage.shared.web.BadRequestException;
import fr.maillage.shared.web.ConflictException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The moderation queue of a coordinator (issue 6). */
@Controller
class ModerationController {

	private final Moderation moderation;

	ModerationController(Moderation moderation) {
		this.moderation = moderation;
	}

	@GetMapping("/espace/moderation")
	String queue(@AuthenticationPrincipal AccountPrincipal account, Model model) {
		model.addAttribute("elements",
				moderation.listQueue(account)
					.stream()
					.map(item -> new Row(item, inWords(PlaceEditing.asSchemaRecord(item.place()))))
					.toList());
		model.addAttribute("propositions", moderation.listProposals(account));
		return "contributions/moderation";
	}

	@PostMapping("/espace/propositions/{id}/decision")
	String decideProposal(@PathVariable String id, @AuthenticationPrincipal AccountPrincipal account,
			@RequestParam(name = "decision", defaultValue = "") String decision,
			@RequestParam(name = "reponse", defaultValue = "") String reply, Model model) {
		return decided(() -> moderation.decideProposal(id, decision, reply, account), account, model);
	}

	/** Back to the queue, saying why when the decision was refused. */
	private String decided(Runnable decision, AccountPrincipal account, Model model) {
		try {
			decision.run();
			return "redirect:/espace/moderation?traite";
		}
		catch (BadRequestException | ConflictException refused) {
			model.addAttribute("erreur", refused.getMessage());
			return queue(account, model);
		}
	}

	/** The published values as people read them: lists with commas, hours in words. */
	private static java.util.Map<String, String> inWords(java.util.Map<String, String> record) {
		java.util.Map<String, String> shown = new java.util.LinkedHashMap<>();
		record.forEach((field, value) -> shown.put(field, value.replace("|", ", ")));
		String hours = record.getOrDefault("horaires", "");
		if (!hours.isBlank()) {
			shown.put("horaires", fr.maillage.places.hours.HoursInWords.words(hours).orElse(hours));
		}
		return shown;
	}

	/** A report beside the lieu's published values. */
	record Row(Moderation.Item item, java.util.Map<String, String> fiche) {
	}

	@PostMapping("/espace/signalements/{id}/decision")
	String decide(@PathVariable String id, @AuthenticationPrincipal AccountPrincipal account,
			@RequestParam(name = "decision", defaultValue = "") String decision,
			@RequestParam(name = "reponse", defaultValue = "") String reply, Model model) {
		return decided(() -> moderation.decide(id, decision, reply, account), account, model);
	}

}
