package fr.maillage.contributions.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.maillage.accounts.AccountPrincipal;
import fr.maillage.accounts.ScopeNames;
import fr.maillage.contributions.LieuFreshness;
import fr.maillage.shared.web.BadRequestException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Freshness of the directory (issue 6): a coordinator's list of its territory's lieux
 * with "toujours exact" ({@link FreshnessApiController} gives the indicator).
 */
@Controller
class FreshnessController {

	private static final java.util.regex.Pattern DEPARTEMENT = java.util.regex.Pattern.compile("^(\\d{2,3}|2[AB])$");

	private final LieuFreshness freshness;

	private final ScopeNames scopeNames;

	FreshnessController(LieuFreshness freshness, ScopeNames scopeNames) {
		this.freshness = freshness;
		this.scopeNames = scopeNames;
	}

	@GetMapping("/espace/fraicheur")
	String list(@AuthenticationPrincipal AccountPrincipal account,
			@RequestParam(name = "departement", required = false) @Nullable String departement, Model model) {
		List<String> departements = departement != null ? List.of(check(departement)) : account.scopes("departement");
		Map<String, List<LieuFreshness.Vouched>> lieux = new LinkedHashMap<>();
		Map<String, String> names = new LinkedHashMap<>();
		departements.forEach(code -> {
			lieux.put(code, freshness.listLieux(code));
			names.put(code, scopeNames.describe("departement:" + code));
		});
		model.addAttribute("nomsDepartements", names);
		model.addAttribute("lieuxParDepartement", lieux);
		model.addAttribute("validiteMois", freshness.validityMonths());
		return "contributions/fraicheur";
	}

	@PostMapping("/espace/lieux/{id}/confirmation")
	String confirm(@PathVariable String id, @AuthenticationPrincipal AccountPrincipal account,
			@RequestParam(name = "retour", defaultValue = "/espace/fraicheur") String back) {
		freshness.confirm(id, account);
		// only a page of this site: "//host" and "/\host" lead browsers elsewhere
		boolean local = back.startsWith("/") && !back.startsWith("//") && !back.contains("\\")
				&& back.chars().noneMatch(Character::isISOControl);
		return "redirect:" + (local ? back : "/espace/fraicheur");
	}

	static String check(String departement) {
		String code = departement.strip().toUpperCase(java.util.Locale.ROOT);
		if (!DEPARTEMENT.matcher(code).matches()) {
			throw new BadRequestException("departement_invalide",
					"« " + departement + " » n'est pas un numéro de département (par exemple 69, 2A, 974).");
		}
		return code;
	}

}
