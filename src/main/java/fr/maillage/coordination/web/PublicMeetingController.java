package fr.maillage.coordination.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.maillage.coordination.Meetings;
import fr.maillage.coordination.domain.ActorType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * What the public sees of the meetings (issue 18): a meeting's page with its registration
 * form when the meeting takes registrations (nobody else's name on it), and each
 * département's ICS feed. The form's anti-abuse is the one of the other public forms: a
 * field hidden from people that robots fill, a minimum time to fill it, and a throttle
 * per client and overall ({@link RegistrationThrottle}).
 */
@Controller
class PublicMeetingController {

	/** A person needs more than this to read the page and type their name. */
	static final long MIN_MILLIS_TO_FILL = 3_000;

	private static final MediaType CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

	private final Meetings meetings;

	private final RegistrationThrottle throttle;

	private final Clock clock;

	PublicMeetingController(Meetings meetings, RegistrationThrottle throttle, Clock clock) {
		this.meetings = meetings;
		this.throttle = throttle;
		this.clock = clock;
	}

	@GetMapping("/reunions/{id}")
	String page(@PathVariable String id, Model model) {
		return page(meetings.getPublic(id), Map.of(), Map.of(), model);
	}

	@PostMapping("/reunions/{id}/inscription")
	String register(@PathVariable String id, @RequestParam MultiValueMap<String, String> form,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		Meetings.Meeting meeting = meetings.getPublic(id);
		Map<String, String> fields = new LinkedHashMap<>();
		for (String field : List.of("nom", "courriel", "acteur", "structure", "type_acteur", "consentement")) {
			String value = form.getFirst(field);
			fields.put(field, value == null ? "" : value);
		}
		String trap = form.getFirst("site_web_confirmation");
		if (trap != null && !trap.isEmpty()) {
			// a robot: thanked as a person would be, nothing kept
			return "redirect:/reunions/" + meeting.id() + "?inscription=merci#inscription-faite";
		}
		long shownAt;
		try {
			shownAt = Long.parseLong(form.getFirst("affiche_le") == null ? "0" : form.getFirst("affiche_le"));
		}
		catch (NumberFormatException notATime) {
			shownAt = 0;
		}
		if (clock.millis() - shownAt < MIN_MILLIS_TO_FILL) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return page(meeting, fields,
					Map.of("", "Merci de relire le formulaire quelques secondes avant de l'envoyer."), model);
		}
		// the client as the trusted proxy saw it (server.forward-headers-strategy)
		if (!throttle.tryAcquire(request.getRemoteAddr())) {
			response.setStatus(429);
			return page(meeting, fields,
					Map.of("", "Trop d'inscriptions envoyées depuis une heure : réessayez plus tard."), model);
		}
		try {
			meetings.register(id, fields);
			return "redirect:/reunions/" + meeting.id() + "?inscription=merci#inscription-faite";
		}
		catch (Meetings.InvalidMeetingException invalid) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return page(meeting, fields, invalid.errors(), model);
		}
	}

	/**
	 * A département's meetings of the last three months and to come (69D, 69M accepted; «
	 * 69 » includes them), for a calendar to subscribe to.
	 */
	@GetMapping("/territoires/{code}/reunions.ics")
	ResponseEntity<String> feed(@PathVariable String code) {
		String departement = meetings.knownCode(code);
		return ResponseEntity.ok()
			.contentType(CALENDAR)
			.header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"reunions-" + departement + ".ics\"")
			.cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(5)).cachePublic())
			.body(meetings.feed(departement));
	}

	private String page(Meetings.Meeting meeting, Map<String, String> values, Map<String, String> errors, Model model) {
		model.addAttribute("reunion", meeting);
		model.addAttribute("fermee", meetings.registrationClosed(meeting));
		model.addAttribute("structures", meetings.mapStructures(meeting));
		model.addAttribute("types", ActorType.values());
		model.addAttribute("valeurs", values);
		model.addAttribute("erreurs", errors);
		model.addAttribute("afficheLe", clock.millis());
		model.addAttribute("lienAgenda", "/territoires/" + meeting.entry().departement() + "/reunions.ics");
		return "coordination/reunion-publique";
	}

}
