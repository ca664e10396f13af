package fr.maillage.orientations.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import fr.maillage.accounts.AccountPrincipal;
import fr.maillage.orientations.ConsentRequiredException;
import fr.maillage.orientations.OrientationLinks;
import fr.maillage.orientations.Orientations;
import fr.maillage.orientations.Screenings;
import fr.maillage.orientations.domain.ConsentMode;
import fr.maillage.orientations.domain.ConsentPolicy;
import fr.maillage.orientations.domain.InformationNotice;
import fr.maillage.orientations.domain.PersonData;
import fr.maillage.orientations.domain.RefusalReason;
import fr.maillage.orientations.domain.Screening;
import fr.maillage.places.Place;
import fr.maillage.places.PlaceDirectory;
import fr.maillage.shared.web.BadRequestException;
import fr.maillage.shared.web.ConflictException;
import fr.maillage.shared.web.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages of orientations (issue 16): « Orienter une personne » from a lieu's page, «
 * Mes orientations », « Orientations reçues », an orientation with its timeline and
 * answers, and the printable information notice. Under {@code /espace}: signed in; the
 * service decides who sees what (404 for anyone else).
 */
@Controller
class OrientationPagesController {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' H'h'mm", Locale.FRANCE)
		.withZone(ZoneId.of("Europe/Paris"));

	private final Orientations orientations;

	private final PlaceDirectory places;

	private final OrientationLinks links;

	private final Screenings screenings;

	private final int retentionMonths;

	private final int endedRetentionMonths;

	OrientationPagesController(Orientations orientations, PlaceDirectory places, OrientationLinks links,
			Screenings screenings, @Value("${maillage.orientations.conservation-mois:24}") int retentionMonths,
			@Value("${maillage.orientations.conservation-sans-suite-mois:3}") int endedRetentionMonths) {
		this.orientations = orientations;
		this.places = places;
		this.links = links;
		this.screenings = screenings;
		this.retentionMonths = retentionMonths;
		this.endedRetentionMonths = endedRetentionMonths;
	}

	/** The notice and the form say the retention periods actually configured. */
	@ModelAttribute
	void retention(Model model) {
		model.addAttribute("conservation", retentionMonths);
		model.addAttribute("conservationSansSuite", endedRetentionMonths);
	}

	/** Dates as people read them, in Paris time. */
	public static final class Dates {

		public String format(@Nullable Instant instant) {
			return instant == null ? "" : WHEN.format(instant);
		}

	}

	@ModelAttribute("dates")
	Dates dates() {
		return new Dates();
	}

	@GetMapping("/orientations/notice")
	String notice(Model model) {
		model.addAttribute("version", InformationNotice.VERSION);
		model.addAttribute("finalite", InformationNotice.PURPOSE);
		model.addAttribute("donnees", InformationNotice.DATA_SHARED);
		return "orientations/notice";
	}

	@GetMapping("/espace/orientations/nouvelle")
	String form(@RequestParam(name = "lieu", required = false) @Nullable String lieuId,
			@RequestParam(name = "reperage", required = false) @Nullable String screeningLine, Model model) {
		model.addAttribute("lieu", lieu(lieuId));
		Map<String, String> entered = new LinkedHashMap<>();
		// from the repérage (issue 16, item 2): its needs in words, its answers to attach
		Screening screening = screeningLine == null ? null : Screening.readLine(screeningLine).screening();
		if (screening != null) {
			entered.put("besoin", screening.needsInWords());
		}
		model.addAttribute("saisie", entered);
		model.addAttribute("erreurs", Map.of());
		return form(screening, model);
	}

	private String form(@Nullable Screening screening, Model model) {
		if (screening != null) {
			model.addAttribute("reperage", screening.codeLine());
			model.addAttribute("reperageLignes", ScreeningPagesController.labels(screening));
		}
		return form(model);
	}

	private String form(Model model) {
		model.addAttribute("modes", ConsentMode.values());
		model.addAttribute("version", InformationNotice.VERSION);
		model.addAttribute("finalite", InformationNotice.PURPOSE);
		model.addAttribute("donnees", InformationNotice.DATA_SHARED);
		return "orientations/nouvelle";
	}

	private Place lieu(@Nullable String lieuId) {
		if (lieuId == null || lieuId.isBlank()) {
			throw new BadRequestException("lieu_manquant",
					"Choisissez d'abord le lieu vers lequel orienter la personne : ouvrez sa fiche depuis la recherche, "
							+ "puis « Orienter une personne vers ce lieu ».");
		}
		try {
			return places.findPlace(lieuId.strip()).orElseThrow();
		}
		catch (RuntimeException unknown) {
			throw new NotFoundException("Ce lieu n'existe pas ou plus dans l'annuaire.");
		}
	}

	@PostMapping("/espace/orientations")
	String send(@AuthenticationPrincipal AccountPrincipal account,
			@RequestParam(name = "lieu", defaultValue = "") String lieuId,
			@RequestParam(name = "prenom", defaultValue = "") String firstName,
			@RequestParam(name = "besoin", defaultValue = "") String need,
			@RequestParam(name = "telephone", defaultValue = "") String phone,
			@RequestParam(name = "courriel", defaultValue = "") String email,
			@RequestParam(name = "mode", defaultValue = "") String mode,
			@RequestParam(name = "consentement", defaultValue = "") String consent,
			@RequestParam(name = "reperage", required = false) @Nullable String screeningLine,
			@RequestParam(name = "joindre_reperage", defaultValue = "") String attachScreening, Model model,
			HttpServletResponse response) {
		Place place = lieu(lieuId);
		Screening screening = screeningLine == null ? null : Screening.readLine(screeningLine).screening();
		PersonData person = PersonData.of(firstName, phone, email, need);
		Map<String, String> entered = new LinkedHashMap<>();
		entered.put("prenom", firstName);
		entered.put("besoin", need);
		entered.put("telephone", phone);
		entered.put("courriel", email);
		entered.put("mode", mode);
		entered.put("consentement", consent);
		entered.put("joindre_reperage", attachScreening);
		model.addAttribute("lieu", place);
		model.addAttribute("saisie", entered);
		Map<String, String> errors = new LinkedHashMap<>(person.problems());
		if (!errors.isEmpty()) {
			// every refusal at once: the consent too, when it is missing
			if (!"oui".equals(consent) || ConsentMode.findByCode(mode).isEmpty()) {
				errors.put("consentement", ConsentPolicy.Problem.MISSING.message());
			}
			model.addAttribute("erreurs", errors);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return form(screening, model);
		}
		try {
			// the repérage's answers go with the orientation only if she said yes to that
			// too
			String id = screenings.sendWithAnswers(
					place.id(), person, new Orientations.ConsentInput("oui".equals(consent),
							ConsentMode.findByCode(mode).orElse(null), null, null),
					"oui".equals(attachScreening) ? screening : null, account);
			return "redirect:/espace/orientations/" + id + "?envoyee";
		}
		catch (ConsentRequiredException refused) {
			model.addAttribute("erreurs", Map.of("consentement", String.join(" ", refused.problems())));
			response.setStatus(422);
			return form(screening, model);
		}
	}

	@GetMapping("/espace/orientations")
	String sent(@AuthenticationPrincipal AccountPrincipal account, Model model) {
		model.addAttribute("orientations", orientations.listSent(account));
		return "orientations/envoyees";
	}

	@GetMapping("/espace/orientations/recues")
	String received(@AuthenticationPrincipal AccountPrincipal account, Model model) {
		model.addAttribute("orientations", orientations.listReceived(account));
		return "orientations/recues";
	}

	@GetMapping("/espace/orientations/{id}")
	String show(@PathVariable String id, @AuthenticationPrincipal AccountPrincipal account, Model model) {
		return page(id, account, model);
	}

	private String page(String id, AccountPrincipal account, Model model) {
		Orientations.Detail detail = orientations.getForAccount(id, account);
		model.addAttribute("orientation", detail);
		model.addAttribute("reperageLignes",
				screenings.findAnswers(detail).map(ScreeningPagesController::labels).orElse(List.of()));
		model.addAttribute("motifs", RefusalReason.values());
		// a lieu with nobody attached answers through a signed link
		model.addAttribute("lien", links.findLinkState(id, account).orElse(null));
		return "orientations/orientation";
	}

	@PostMapping("/espace/orientations/{id}/statut")
	String changeStatus(@PathVariable String id, @AuthenticationPrincipal AccountPrincipal account,
			@RequestParam(name = "statut", defaultValue = "") String status,
			@RequestParam(name = "motif", required = false) @Nullable String reason,
			@RequestParam(name = "message", required = false) @Nullable String message, Model model,
			HttpServletResponse response) {
		try {
			orientations.changeStatus(id, status, reason, message, account);
			return "redirect:/espace/orientations/" + id + "?statut";
		}
		catch (ConflictException conflict) {
			model.addAttribute("erreur", conflict.getMessage());
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			return page(id, account, model);
		}
		catch (BadRequestException invalid) {
			model.addAttribute("erreur", invalid.getMessage());
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return page(id, account, model);
		}
	}

	@PostMapping("/espace/orientations/{id}/consentement/retrait")
	String revoke(@PathVariable String id, @AuthenticationPrincipal AccountPrincipal account) {
		orientations.revokeConsent(id, account);
		return "redirect:/espace/orientations/" + id + "?retrait";
	}

}
