package fr.maillage.coordination.web;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.maillage.accounts.AccountPrincipal;
import fr.maillage.accounts.Role;
import fr.maillage.coordination.Actors;
import fr.maillage.coordination.Meetings;
import fr.maillage.coordination.domain.MeetingRules;
import fr.maillage.shared.web.BadRequestException;
import fr.maillage.shared.web.ConflictException;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The coordinators' meetings (issue 18): the list, the form (it keeps what was typed and
 * says each problem next to its field; a concurrent edit is a 409 that keeps the typed
 * values), a meeting's page with its invitees and registrations, the invitations.
 */
@Controller
class MeetingPagesController {

	private final Meetings meetings;

	private final Actors actors;

	private final Clock clock;

	MeetingPagesController(Meetings meetings, Actors actors, Clock clock) {
		this.meetings = meetings;
		this.actors = actors;
		this.clock = clock;
	}

	@GetMapping("/espace/reunions")
	String list(@AuthenticationPrincipal AccountPrincipal account, Model model) {
		checkCoordinates(account);
		model.addAttribute("agenda", meetings.listManaged(account));
		model.addAttribute("mesDepartements", actors.mapManagedDepartements(account));
		return "coordination/espace-reunions";
	}

	@GetMapping("/espace/reunions/nouvelle")
	String blank(@AuthenticationPrincipal AccountPrincipal account,
			@RequestParam(name = "instance", required = false) @Nullable String body, Model model) {
		checkCoordinates(account);
		Map<String, String> values = new LinkedHashMap<>();
		if (body != null) {
			values.put("instance", body);
		}
		Map<String, String> departements = actors.mapManagedDepartements(account);
		if (departements.size() == 1) {
			values.put("departement", departements.keySet().iterator().next());
		}
		return form(account, null, values, Map.of(), model);
	}

	@PostMapping("/espace/reunions")
	String create(@AuthenticationPrincipal AccountPrincipal account, @RequestParam MultiValueMap<String, String> form,
			Model model, HttpServletResponse response) {
		checkCoordinates(account);
		Map<String, String> fields = fields(form);
		try {
			Meetings.Meeting created = meetings.create(fields, account);
			return "redirect:/espace/reunions/" + created.id() + "?creee";
		}
		catch (Meetings.InvalidMeetingException invalid) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return form(account, null, fields, invalid.errors(), model);
		}
		catch (AccessDeniedException outside) {
			response.setStatus(HttpServletResponse.SC_FORBIDDEN);
			return form(account, null, fields, Map.of("departement", outside.getMessage()), model);
		}
	}

	@GetMapping("/espace/reunions/{id}")
	String file(@AuthenticationPrincipal AccountPrincipal account, @PathVariable String id, Model model) {
		checkCoordinates(account);
		return page(account, id, model);
	}

	@GetMapping("/espace/reunions/{id}/modifier")
	String edit(@AuthenticationPrincipal AccountPrincipal account, @PathVariable String id, Model model) {
		checkCoordinates(account);
		Meetings.Meeting meeting = meetings.getManaged(id, account);
		return form(account, meeting, values(meeting), Map.of(), model);
	}

	@PostMapping("/espace/reunions/{id}/modifier")
	String update(@AuthenticationPrincipal AccountPrincipal account, @PathVariable String id,
			@RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response) {
		checkCoordinates(account);
		Meetings.Meeting meeting = meetings.getManaged(id, account);
		Map<String, String> fields = fields(form);
		try {
			meetings.update(id, fields, version(form.getFirst("version")), account);
			return "redirect:/espace/reunions/" + id + "?modifiee";
		}
		catch (Meetings.InvalidMeetingException invalid) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return form(account, meeting, fields, invalid.errors(), model);
		}
		catch (AccessDeniedException outside) {
			response.setStatus(HttpServletResponse.SC_FORBIDDEN);
			return form(account, meeting, fields, Map.of("departement", outside.getMessage()), model);
		}
		catch (ConflictException conflict) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			model.addAttribute("conflit", conflict.getMessage());
			return form(account, meeting, fields, Map.of(), model);
		}
	}

	@PostMapping("/espace/reunions/{id}/annulation")
	String cancel(@AuthenticationPrincipal AccountPrincipal account, @PathVariable String id,
			@RequestParam(name = "version", required = false) @Nullable String version, Model model,
			HttpServletResponse response) {
		checkCoordinates(account);
		try {
			meetings.cancel(id, version(version), account);
			return "redirect:/espace/reunions/" + id + "?annulee";
		}
		catch (ConflictException conflict) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			model.addAttribute("conflit", conflict.getMessage());
			return page(account, id, model);
		}
	}

	/**
	 * Invites a body's members ({@code mode=instance}), chosen structures
	 * ({@code mode=acteurs}, {@code acteurs=…}) or a person ({@code mode=personne}).
	 */
	@PostMapping("/espace/reunions/{id}/invitations")
	String invite(@AuthenticationPrincipal AccountPrincipal account, @PathVariable String id,
			@RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response) {
		checkCoordinates(account);
		String mode = form.getFirst("mode") == null ? "" : form.getFirst("mode");
		try {
			Meetings.InvitationReport report = switch (mode) {
				case "instance" -> meetings.inviteBody(id, account);
				case "acteurs" -> meetings.inviteActors(id, form.getOrDefault("acteurs", List.of()), account);
				case "personne" -> meetings.invitePerson(id,
						Map.of("nom", value(form, "nom"), "courriel", value(form, "courriel")), account);
				default -> throw new BadRequestException("mode_inconnu",
						"Choisissez qui inviter : les membres de l'instance, des structures ou une personne.");
			};
			model.addAttribute("rapport", report);
		}
		catch (Meetings.InvalidMeetingException invalid) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("erreursInvitation", invalid.errors());
			model.addAttribute("personne", Map.of("nom", value(form, "nom"), "courriel", value(form, "courriel")));
		}
		catch (ConflictException | BadRequestException refused) {
			response.setStatus(refused instanceof ConflictException ? HttpServletResponse.SC_CONFLICT
					: HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("erreursInvitation", Map.of("", refused.getMessage()));
		}
		return page(account, id, model);
	}

	private String page(AccountPrincipal account, String id, Model model) {
		Meetings.MeetingFile file = meetings.getFile(id, account);
		model.addAttribute("fiche", file);
		model.addAttribute("reunion", file.meeting());
		model.addAttribute("lienPublic", meetings.publicLink(file.meeting()));
		model.addAttribute("lienAgenda", meetings.feedLink(file.meeting().entry().departement()));
		model.addAttribute("passee", file.meeting().entry().end().isBefore(clock.instant()));
		if (!model.containsAttribute("personne")) {
			model.addAttribute("personne", Map.of());
		}
		return "coordination/reunion";
	}

	private String form(AccountPrincipal account, Meetings.@Nullable Meeting meeting, Map<String, String> values,
			Map<String, String> errors, Model model) {
		model.addAttribute("reunion", meeting);
		model.addAttribute("valeurs", values);
		model.addAttribute("erreurs", errors);
		model.addAttribute("instances", meetings.mapBodies(account));
		model.addAttribute("mesDepartements", actors.mapManagedDepartements(account));
		return "coordination/formulaire-reunion";
	}

	private static Map<String, String> values(Meetings.Meeting meeting) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("titre", meeting.entry().title());
		values.put("instance", meeting.entry().bodyId() == null ? "" : meeting.entry().bodyId());
		values.put("departement", meeting.entry().departement());
		values.put("epci", meeting.entry().epci() == null ? "" : meeting.entry().epci());
		values.put("debut", MeetingRules.local(meeting.entry().start()));
		values.put("fin", MeetingRules.local(meeting.entry().end()));
		values.put("adresse", meeting.entry().address() == null ? "" : meeting.entry().address());
		values.put("lien_visio", meeting.entry().videoLink() == null ? "" : meeting.entry().videoLink());
		values.put("ordre_du_jour", meeting.entry().agenda() == null ? "" : meeting.entry().agenda());
		values.put("rencontre_annuelle", meeting.entry().annual() ? "oui" : "non");
		values.put("inscription_publique", meeting.entry().publicRegistration() ? "oui" : "non");
		return values;
	}

	private static Map<String, String> fields(MultiValueMap<String, String> form) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (String field : MeetingRules.FIELDS) {
			fields.put(field, value(form, field));
		}
		// an unticked box says « non »
		for (String box : List.of("rencontre_annuelle", "inscription_publique")) {
			if (fields.get(box).isEmpty()) {
				fields.put(box, "non");
			}
		}
		return fields;
	}

	private static String value(MultiValueMap<String, String> form, String field) {
		String value = form.getFirst(field);
		return value == null ? "" : value;
	}

	private static int version(@Nullable String value) {
		try {
			return Integer.parseInt(value == null ? "" : value.strip());
		}
		catch (NumberFormatException missing) {
			throw new BadRequestException("version_manquante",
					"La version de la réunion manque : rechargez la page puis recommencez.");
		}
	}

	/** Only coordinators and administrators manage meetings; a member is told so. */
	private static void checkCoordinates(AccountPrincipal account) {
		if (account.role() == Role.MEMBRE) {
			throw new AccessDeniedException("Les réunions d'un territoire sont organisées par sa coordination.");
		}
	}

}
