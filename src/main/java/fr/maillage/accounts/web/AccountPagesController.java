package fr.maillage.accounts.web;

import fr.maillage.accounts.AccountPrincipal;
import fr.maillage.accounts.Accounts;
import fr.maillage.accounts.ScopeNames;
import fr.maillage.shared.web.PublicAddress;
import fr.maillage.shared.web.BadRequestException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Signing in, choosing a password from an e-mailed link, and one's own space. */
@Controller
class AccountPagesController {

	private static final String INVITATION = "invitation";

	private static final String RESET = "reinitialisation";

	private final Accounts accounts;

	private final PublicAddress address;

	private final ObjectProvider<ScopeNames> scopeNames;

	AccountPagesController(Accounts accounts, PublicAddress address, ObjectProvider<ScopeNames> scopeNames) {
		this.accounts = accounts;
		this.address = address;
		this.scopeNames = scopeNames;
	}

	@GetMapping("/connexion")
	String signIn(@RequestParam(name = "erreur", required = false) @Nullable String error,
			@RequestParam(name = "mot_de_passe_choisi", required = false) @Nullable String passwordChosen,
			Model model) {
		if ("bloque".equals(error)) {
			model.addAttribute("erreur", "Trop de tentatives pour cette adresse. Réessayez dans quelques minutes, "
					+ "ou choisissez un nouveau mot de passe.");
		}
		else if (error != null) {
			model.addAttribute("erreur", "Adresse électronique ou mot de passe incorrect.");
		}
		model.addAttribute("motDePasseChoisi", passwordChosen != null);
		return "accounts/connexion";
	}

	@GetMapping("/mot-de-passe-oublie")
	String forgotten(Model model) {
		return "accounts/oubli";
	}

	@PostMapping("/mot-de-passe-oublie")
	String forgotten(@RequestParam(name = "courriel", defaultValue = "") String email, HttpServletRequest request,
			Model model) {
		// the client as the trusted proxy saw it (server.forward-headers-strategy)
		Accounts.ResetRequest outcome = accounts.requestPasswordReset(email, request.getRemoteAddr(), address.get());
		if (outcome == Accounts.ResetRequest.TOO_MANY) {
			model.addAttribute("erreur", "Trop de demandes de lien ont été faites récemment pour cette adresse ou "
					+ "depuis votre connexion. Réessayez dans une heure ; le dernier lien reçu reste valable.");
		}
		else {
			model.addAttribute("envoye", true);
		}
		return "accounts/oubli";
	}

	@GetMapping("/invitation/{jeton}")
	String invitation(@PathVariable String jeton, Model model) {
		return passwordForm(INVITATION, jeton, model);
	}

	@GetMapping("/reinitialisation/{jeton}")
	String reset(@PathVariable String jeton, Model model) {
		return passwordForm(RESET, jeton, model);
	}

	@PostMapping("/invitation/{jeton}")
	String invitation(@PathVariable String jeton,
			@RequestParam(name = "mot_de_passe", defaultValue = "") String password,
			@RequestParam(name = "confirmation", defaultValue = "") String confirmation, Model model) {
		return choosePassword(INVITATION, jeton, password, confirmation, model);
	}

	@PostMapping("/reinitialisation/{jeton}")
	String reset(@PathVariable String jeton, @RequestParam(name = "mot_de_passe", defaultValue = "") String password,
			@RequestParam(name = "confirmation", defaultValue = "") String confirmation, Model model) {
		return choosePassword(RESET, jeton, password, confirmation, model);
	}

	/** A token as the page shows it, dates in words, Paris time. */
	record TokenRow(String id, String name, String created, String lastUsed, boolean revoked) {

		private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter
			.ofPattern("d MMMM yyyy", java.util.Locale.FRENCH)
			.withZone(java.time.ZoneId.of("Europe/Paris"));

		private static final java.time.format.DateTimeFormatter MOMENT = java.time.format.DateTimeFormatter
			.ofPattern("d MMMM yyyy 'à' HH:mm", java.util.Locale.FRENCH)
			.withZone(java.time.ZoneId.of("Europe/Paris"));

		static TokenRow of(fr.maillage.accounts.persistence.JdbcAccountRepository.ApiToken token) {
			return new TokenRow(token.id(), token.name(), DAY.format(token.createdAt()),
					token.lastUsedAt() == null ? "jamais" : MOMENT.format(token.lastUsedAt()),
					token.revokedAt() != null);
		}

	}

	private String passwordForm(String usage, String token, Model model) {
		model.addAttribute("usage", usage);
		model.addAttribute("jeton", token);
		accounts.findLinkProblem(token, usage).ifPresent(problem -> model.addAttribute("probleme", problem));
		return "accounts/mot-de-passe";
	}

	private String choosePassword(String usage, String token, String password, String confirmation, Model model) {
		try {
			accounts.choosePassword(token, usage, password, confirmation);
			return "redirect:/connexion?mot_de_passe_choisi";
		}
		catch (BadRequestException refused) {
			model.addAttribute("usage", usage);
			model.addAttribute("jeton", token);
			model.addAttribute("erreur", refused.getMessage());
			return "accounts/mot-de-passe";
		}
	}

	/**
	 * The opt-out link of reminder e-mails: a page with one button (a link alone must not
	 * change anything).
	 */
	@GetMapping("/rappels/desinscription/{jeton}")
	String optOutPage(@PathVariable String jeton, Model model) {
		model.addAttribute("jeton", jeton);
		return "accounts/desinscription";
	}

	@PostMapping("/rappels/desinscription/{jeton}")
	String optOut(@PathVariable String jeton, Model model) {
		model.addAttribute("jeton", jeton);
		model.addAttribute(accounts.stopReminders(jeton) ? "fait" : "invalide", true);
		return "accounts/desinscription";
	}

	@GetMapping("/espace")
	String space(@AuthenticationPrincipal AccountPrincipal principal, Model model) {
		model.addAttribute("compte", principal);
		// « Rhône (69) », not departement:69; the raw scope if no module names it
		ScopeNames names = scopeNames.getIfAvailable();
		model.addAttribute("territoires",
				principal.territories().stream().map(scope -> names == null ? scope : names.describe(scope)).toList());
		model.addAttribute("jetons", accounts.listApiTokens(principal.id()).stream().map(TokenRow::of).toList());
		return "accounts/espace";
	}

	/**
	 * A new password for the signed-in account: its other sessions end (a stolen session
	 * with them), this one stays.
	 */
	@PostMapping("/espace/mot-de-passe")
	String changePassword(@AuthenticationPrincipal AccountPrincipal principal,
			@RequestParam(name = "mot_de_passe_actuel", defaultValue = "") String currentPassword,
			@RequestParam(name = "mot_de_passe", defaultValue = "") String password,
			@RequestParam(name = "confirmation", defaultValue = "") String confirmation, HttpServletRequest request,
			Model model) {
		HttpSession session = request.getSession(false);
		try {
			accounts.changePassword(principal.id(), currentPassword, password, confirmation,
					session == null ? null : session.getId());
			model.addAttribute("motDePasseChange", true);
		}
		catch (BadRequestException refused) {
			model.addAttribute("erreurMotDePasse", refused.getMessage());
		}
		return space(principal, model);
	}

	/** A personal API token for scripts; its value is shown this once. */
	@PostMapping("/espace/jetons")
	String createToken(@AuthenticationPrincipal AccountPrincipal principal,
			@RequestParam(name = "nom", defaultValue = "") String name, Model model) {
		try {
			model.addAttribute("nouveauJeton", accounts.createApiToken(principal.id(), name));
		}
		catch (BadRequestException refused) {
			model.addAttribute("erreurJeton", refused.getMessage());
		}
		return space(principal, model);
	}

	@PostMapping("/espace/jetons/{id}/revocation")
	String revokeToken(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable String id) {
		accounts.revokeApiToken(principal.id(), id);
		return "redirect:/espace";
	}

}
