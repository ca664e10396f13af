package fr.maillage.opendata.web;

import fr.maillage.accounts.AccountPrincipal;
import fr.maillage.opendata.Structures;
import fr.maillage.shared.web.PublicAddress;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Structures on the pages (issue 6): a coordinator attaches a lieu to its structure and
 * invites the structure's members; a member finds its structure's lieux.
 */
@Controller
class StructureController {

	private final Structures structures;

	private final PublicAddress address;

	StructureController(Structures structures, PublicAddress address) {
		this.structures = structures;
		this.address = address;
	}

	@GetMapping("/espace/lieux")
	String myLieux(@AuthenticationPrincipal AccountPrincipal account, Model model) {
		model.addAttribute("lieux", structures.listLieuxOf(account));
		return "opendata/mes-lieux";
	}

	@PostMapping("/espace/lieux/{id}/structure")
	String attach(@PathVariable String id, @AuthenticationPrincipal AccountPrincipal account,
			@RequestParam(name = "nom", defaultValue = "") String name) {
		structures.attach(id, name, account);
		return "redirect:/espace/lieux/" + id + "/modifier?structure";
	}

	@PostMapping("/espace/lieux/{id}/membres")
	String invite(@PathVariable String id, @AuthenticationPrincipal AccountPrincipal account,
			@RequestParam(name = "courriel", defaultValue = "") String email,
			@RequestParam(name = "nom", defaultValue = "") String name) {
		structures.inviteMember(id, email, name, account, address.get());
		return "redirect:/espace/lieux/" + id + "/modifier?invitation";
	}

}
