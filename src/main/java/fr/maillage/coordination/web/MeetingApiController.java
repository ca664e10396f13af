package fr.maillage.coordination.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.maillage.accounts.AccountPrincipal;
import fr.maillage.accounts.Role;
import fr.maillage.coordination.Meetings;
import fr.maillage.coordination.domain.MeetingRules;
import fr.maillage.shared.web.BadRequestException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Meetings as JSON (issue 18): created by a coordinator's personal token in its
 * territories (or the administrator's), listed by anyone with their public fields only
 * (never a participant).
 */
@RestController
@RequestMapping(path = "/api/v1/reunions", produces = MediaType.APPLICATION_JSON_VALUE)
class MeetingApiController {

	private final Meetings meetings;

	MeetingApiController(Meetings meetings) {
		this.meetings = meetings;
	}

	@GetMapping
	Map<String, Object> list(@RequestParam(name = "territoire", required = false) @Nullable String territory,
			@RequestParam(name = "du", required = false) @Nullable String from,
			@RequestParam(name = "au", required = false) @Nullable String to) {
		LocalDate first = date("du", from);
		LocalDate last = date("au", to);
		if (first != null && last != null && last.isBefore(first)) {
			throw new BadRequestException("periode_invalide", "« au » doit venir après « du ».");
		}
		List<Map<String, Object>> found = meetings
			.listPublic(territory == null || territory.isBlank() ? null : territory, first, last)
			.stream()
			.map(meeting -> json(meeting, meetings.publicLink(meeting)))
			.toList();
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("total", found.size());
		answer.put("reunions", found);
		return answer;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> create(@RequestBody Map<String, Object> body, @AuthenticationPrincipal Object principal) {
		Map<String, String> fields = new LinkedHashMap<>();
		body.forEach((field, value) -> {
			if (value instanceof Map<?, ?> || value instanceof List<?>) {
				throw new BadRequestException("champ_invalide", "« " + field + " » : une valeur simple est attendue.");
			}
			if (value != null) {
				fields.put(field, String.valueOf(value));
			}
		});
		List<String> unknown = fields.keySet().stream().filter(field -> !MeetingRules.FIELDS.contains(field)).toList();
		if (!unknown.isEmpty()) {
			throw new BadRequestException("champ_inconnu", "Champ(s) inconnu(s) : " + String.join(", ", unknown)
					+ ". Champs : " + String.join(", ", MeetingRules.FIELDS) + ".");
		}
		Meetings.Meeting created = meetings.create(fields, account(principal));
		return json(created, meetings.publicLink(created));
	}

	static Map<String, Object> json(Meetings.Meeting meeting, @Nullable String link) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", meeting.id());
		json.put("titre", meeting.entry().title());
		json.put("instance", meeting.entry().bodyId());
		json.put("instance_nom", meeting.bodyName());
		json.put("departement", meeting.entry().departement());
		json.put("epci", meeting.entry().epci());
		json.put("debut", meeting.entry().start().atZone(MeetingRules.PARIS).toOffsetDateTime().toString());
		json.put("fin", meeting.entry().end().atZone(MeetingRules.PARIS).toOffsetDateTime().toString());
		json.put("adresse", meeting.entry().address());
		json.put("ordre_du_jour", meeting.entry().agenda());
		json.put("rencontre_annuelle", meeting.entry().annual());
		json.put("inscription_publique", meeting.entry().publicRegistration());
		json.put("annulee", meeting.state() == fr.maillage.coordination.domain.MeetingState.ANNULEE);
		json.put("page", link);
		return json;
	}

	private static @Nullable LocalDate date(String name, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException notADate) {
			throw new BadRequestException("date_invalide",
					"« " + name + " » : « " + value + " » n'est pas une date (AAAA-MM-JJ, par exemple 2026-01-31).");
		}
	}

	/** The bootstrap token has no account: it acts as the administrator. */
	private static AccountPrincipal account(Object principal) {
		if (principal instanceof AccountPrincipal account) {
			return account;
		}
		return new AccountPrincipal("00000000-0000-0000-0000-000000000000", "", String.valueOf(principal),
				Role.ADMINISTRATEUR, List.of());
	}

}
