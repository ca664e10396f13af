package fr.maillage.coordination.web;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.maillage.accounts.AccountPrincipal;
import fr.maillage.accounts.Role;
import fr.maillage.coordination.Actors;
import fr.maillage.coordination.domain.ActorRules;
import fr.maillage.coordination.domain.ActorType;
import fr.maillage.coordination.domain.Competence;
import fr.maillage.coordination.domain.ConsentPurpose;
import fr.maillage.shared.importing.ImportIssue;
import fr.maillage.shared.text.TextDecoding;
import fr.maillage.shared.web.BadRequestException;
import fr.maillage.territories.Territories;
import fr.maillage.territories.TerritoryLevel;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * « Qui fait quoi » (public) and the coordinator's actors page: an entry form that keeps
 * what was typed and says each problem next to its field, and a CSV import that reports
 * every refused row.
 */
@Controller
class ActorPagesController {

	private final Actors actors;

	private final Territories territories;

	ActorPagesController(Actors actors, Territories territories) {
		this.actors = actors;
		this.territories = territories;
	}

	@GetMapping("/acteurs")
	String directory(@RequestParam(name = "territoire", required = false) @Nullable String territory,
			@RequestParam(name = "competence", required = false) @Nullable String competence,
			@RequestParam(name = "type", required = false) @Nullable String type, Model model) {
		String chosen = territory == null || territory.isBlank() ? null : territory.strip();
		model.addAttribute("acteurs", chosen == null ? List.of()
				: actors.listPublic(chosen, type(blank(type)), competence(blank(competence))));
		model.addAttribute("territoire", chosen);
		model.addAttribute("competence", blank(competence));
		model.addAttribute("type", blank(type));
		options(model);
		return "coordination/acteurs";
	}

	@GetMapping("/espace/acteurs")
	String managed(@AuthenticationPrincipal AccountPrincipal account, Model model) {
		checkCoordinates(account);
		model.addAttribute("acteurs", actors.listManaged(account));
		model.addAttribute("valeurs", Map.of());
		model.addAttribute("mesDepartements", actors.mapManagedDepartements(account));
		options(model);
		return "coordination/espace-acteurs";
	}

	@PostMapping("/espace/acteurs")
	String enter(@AuthenticationPrincipal AccountPrincipal account, @RequestParam MultiValueMap<String, String> form,
			Model model, HttpServletResponse response) {
		checkCoordinates(account);
		Map<String, String> fields = new LinkedHashMap<>();
		for (String field : ActorRules.FIELDS) {
			List<String> values = form.getOrDefault(field, List.of());
			fields.put(field, String.join("|", values));
		}
		// an unticked box says « non »: the form states every consent, unlike a CSV
		// without the column
		for (ConsentPurpose purpose : ConsentPurpose.values()) {
			if (fields.get(purpose.field()).isEmpty()) {
				fields.put(purpose.field(), "non");
			}
		}
		try {
			actors.saveActor(fields, account);
			return "redirect:/espace/acteurs?enregistre";
		}
		catch (Actors.InvalidActorException invalid) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return refusedForm(invalid.issues(), fields, account, model);
		}
		catch (AccessDeniedException outside) {
			response.setStatus(HttpServletResponse.SC_FORBIDDEN);
			return refusedForm(
					List.of(new ImportIssue(1L, "departement", fields.get("departement"), outside.getMessage())),
					fields, account, model);
		}
	}

	/** The page again, with what was typed and each problem next to its field. */
	private String refusedForm(List<ImportIssue> issues, Map<String, String> fields, AccountPrincipal account,
			Model model) {
		Map<String, String> byField = new LinkedHashMap<>();
		issues.forEach(issue -> byField.merge(issue.champ() == null ? "" : issue.champ(), issue.message(),
				(a, b) -> a + " " + b));
		model.addAttribute("erreurs", issues);
		model.addAttribute("erreursParChamp", byField);
		model.addAttribute("valeurs", fields);
		model.addAttribute("acteurs", actors.listManaged(account));
		model.addAttribute("mesDepartements", actors.mapManagedDepartements(account));
		options(model);
		return "coordination/espace-acteurs";
	}

	/** An actor's file: its referent in clear (the read is logged) and its consents. */
	@GetMapping("/espace/acteurs/{id}")
	String file(@AuthenticationPrincipal AccountPrincipal account, @PathVariable String id, Model model) {
		checkCoordinates(account);
		model.addAttribute("fiche", actors.getFile(id, account));
		model.addAttribute("objets", ConsentPurpose.values());
		return "coordination/fiche-acteur";
	}

	/** The referent asked to withdraw a consent: it ends now, its record stays. */
	@PostMapping("/espace/acteurs/{id}/consentements/{objet}/retrait")
	String withdraw(@AuthenticationPrincipal AccountPrincipal account, @PathVariable String id,
			@PathVariable("objet") String purpose) {
		checkCoordinates(account);
		ConsentPurpose found = ConsentPurpose.findByCode(purpose)
			.orElseThrow(() -> new BadRequestException("objet_inconnu",
					"Objet de consentement inconnu : « " + purpose + " » (publication ou invitations)."));
		actors.withdrawConsent(id, found, account);
		return "redirect:/espace/acteurs/" + id + "?retire";
	}

	/** The actors of the coordinator's territories, with the import's columns. */
	@GetMapping(path = "/espace/acteurs/export.csv", produces = "text/csv;charset=UTF-8")
	ResponseEntity<String> export(@AuthenticationPrincipal AccountPrincipal account) {
		checkCoordinates(account);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"acteurs.csv\"")
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
			.body(actors.exportCsv(account));
	}

	/** A member's own structure(s): competences, referent and consents to correct. */
	@GetMapping("/espace/ma-structure")
	String own(@AuthenticationPrincipal AccountPrincipal account, Model model) {
		model.addAttribute("structures", actors.listOwn(account));
		options(model);
		return "coordination/ma-structure";
	}

	@PostMapping("/espace/ma-structure/{id}")
	String saveOwn(@AuthenticationPrincipal AccountPrincipal account, @PathVariable String id,
			@RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (String field : List.of("competences", "referent_nom", "referent_courriel", "referent_telephone")) {
			fields.put(field, String.join("|", form.getOrDefault(field, List.of())));
		}
		for (ConsentPurpose purpose : ConsentPurpose.values()) {
			fields.put(purpose.field(), String.join("|", form.getOrDefault(purpose.field(), List.of("non"))));
		}
		try {
			actors.saveOwn(id, fields, account);
			return "redirect:/espace/ma-structure?enregistre";
		}
		catch (Actors.InvalidActorException invalid) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("erreurs", invalid.issues());
			model.addAttribute("structures", actors.listOwn(account));
			options(model);
			return "coordination/ma-structure";
		}
	}

	/** Creates the structures of a territory's lieux and links them: no double entry. */
	@PostMapping("/espace/acteurs/depuis-lieux")
	String fromPlaces(@AuthenticationPrincipal AccountPrincipal account,
			@RequestParam(name = "territoire", required = false) @Nullable String territory, Model model) {
		checkCoordinates(account);
		if (territory == null || territory.isBlank()) {
			throw new BadRequestException("territoire_manquant", "Choisissez le département dont les lieux sont lus.");
		}
		model.addAttribute("rapport", actors.importFromPlaces(territory, account));
		return "coordination/lieux-acteurs";
	}

	@PostMapping("/espace/acteurs/import")
	String importFile(@AuthenticationPrincipal AccountPrincipal account,
			@RequestParam(name = "fichier", required = false) @Nullable MultipartFile file, Model model)
			throws IOException {
		checkCoordinates(account);
		if (file == null || file.isEmpty()) {
			throw new BadRequestException("fichier_manquant", "Choisissez un fichier CSV d'acteurs.");
		}
		String text = TextDecoding.decode(file.getBytes())
			.orElseThrow(() -> new BadRequestException("encodage_inconnu",
					"Le fichier n'est ni en UTF-8 ni en Windows-1252 : enregistrez-le en « CSV UTF-8 »."));
		model.addAttribute("rapport", actors.importCsv(text, account));
		model.addAttribute("fichier", file.getOriginalFilename());
		return "coordination/import-acteurs";
	}

	/** Only coordinators and administrators manage actors; a member is told so. */
	private static void checkCoordinates(AccountPrincipal account) {
		if (account.role() == Role.MEMBRE) {
			throw new AccessDeniedException("Les acteurs d'un territoire sont gérés par sa coordination.");
		}
	}

	private void options(Model model) {
		model.addAttribute("types", ActorType.values());
		model.addAttribute("objets", ConsentPurpose.values());
		model.addAttribute("competences", Competence.values());
		Map<String, String> names = territories.mapNames(TerritoryLevel.DEPARTEMENT);
		Map<String, String> departements = new LinkedHashMap<>();
		names.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.forEach(entry -> departements.put(entry.getKey(), entry.getValue() + " (" + entry.getKey() + ")"));
		model.addAttribute("departements", departements);
	}

	/** A type of the query, or null; an unknown one is a bad request. */
	static @Nullable ActorType type(@Nullable String code) {
		return code == null ? null
				: ActorType.findByCode(code)
					.orElseThrow(() -> new BadRequestException("type_inconnu",
							"Type de structure inconnu : « " + code + " ». Types : "
									+ String.join(", ", Arrays.stream(ActorType.values()).map(ActorType::code).toList())
									+ "."));
	}

	static @Nullable Competence competence(@Nullable String code) {
		return code == null ? null : Competence.findByCode(code)
			.orElseThrow(() -> new BadRequestException("competence_inconnue",
					"Compétence inconnue : « " + code + " ». Compétences : "
							+ String.join(", ", Arrays.stream(Competence.values()).map(Competence::code).toList())
							+ "."));
	}

	private static @Nullable String blank(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
