package fr.maillage.coordination.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.maillage.accounts.AccountPrincipal;
import fr.maillage.accounts.Role;
import fr.maillage.coordination.Attendance;
import fr.maillage.coordination.ExchangeIndicators;
import fr.maillage.coordination.domain.ActorType;
import fr.maillage.coordination.domain.Representativeness;
import fr.maillage.shared.web.BadRequestException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Attendance through the API (a coordinator's token, its territories only: 404 elsewhere)
 * and the public indicators of the exchanges (issue 18).
 */
@RestController
class ExchangesApiController {

	private final Attendance attendance;

	private final ExchangeIndicators indicators;

	ExchangesApiController(Attendance attendance, ExchangeIndicators indicators) {
		this.attendance = attendance;
		this.indicators = indicators;
	}

	/**
	 * {@code {"presences": [{"participant": id, "present": true}], "nouveaux": [{"nom",
	 * "structure" | "acteur", "type_acteur"}]}}, all or nothing.
	 */
	@PostMapping(path = "/api/v1/reunions/{id}/presences", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> record(@PathVariable String id, @RequestBody Map<String, Object> body,
			@AuthenticationPrincipal Object principal) {
		AccountPrincipal account = account(principal);
		Map<String, Object> request = body;
		List<Attendance.Mark> marks = new ArrayList<>();
		for (Map<?, ?> item : objects(request.get("presences"), "presences")) {
			Object present = item.get("present");
			if (present != null && !(present instanceof Boolean)) {
				present = null;
			}
			marks.add(new Attendance.Mark(text(item.get("participant")), (Boolean) present));
		}
		List<Attendance.NewPerson> people = new ArrayList<>();
		for (Map<?, ?> item : objects(request.get("nouveaux"), "nouveaux")) {
			people.add(new Attendance.NewPerson(text(item.get("nom")), text(item.get("acteur")),
					text(item.get("structure")), text(item.get("type_acteur"))));
		}
		Attendance.Recorded recorded = attendance.record(id, marks, people, account);
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("presences_notees", recorded.marked());
		answer.put("ajoutes", recorded.added());
		return answer;
	}

	/** The indicators of a territory's exchanges: aggregates of structures, public. */
	@GetMapping(path = "/api/v1/indicateurs/echanges", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> indicators(@RequestParam(name = "departement", required = false) @Nullable String departement,
			@RequestParam(name = "epci", required = false) @Nullable String epci,
			@RequestParam(name = "du", required = false) @Nullable String from,
			@RequestParam(name = "au", required = false) @Nullable String to) {
		ExchangeIndicators.Figures figures = indicators.compute(departement, epci, from, to);
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("departement", figures.departement());
		answer.put("nom", figures.name());
		answer.put("epci", figures.epci());
		answer.put("du", figures.from().toString());
		answer.put("au", figures.to().toString());
		answer.put("reunions", figures.meetings());
		answer.put("participants", figures.participants());
		answer.put("structures_distinctes", figures.structures());
		Map<String, Object> shares = new LinkedHashMap<>();
		List<Map<String, Object>> detail = new ArrayList<>();
		for (Representativeness.Row row : figures.representativeness().rows()) {
			if (row.present() > 0) {
				shares.put(row.type().code(), row.presentShare());
			}
			Map<String, Object> line = new LinkedHashMap<>();
			line.put("type", row.type().code());
			line.put("libelle", row.type().label());
			line.put("structures_presentes", row.present());
			line.put("part_presentes", row.presentShare());
			line.put("acteurs_annuaire", row.directory());
			line.put("part_annuaire", row.directoryShare());
			detail.add(line);
		}
		answer.put("representativite", shares);
		answer.put("types_absents", figures.representativeness().absentTypes().stream().map(ActorType::code).toList());
		Map<String, Object> annual = new LinkedHashMap<>();
		annual.put("tenue", figures.annualMeeting() != null);
		annual.put("date", figures.annualMeeting() == null ? null : figures.annualMeeting().toString());
		answer.put("rencontre_annuelle", annual);
		answer.put("representativite_detail", detail);
		return answer;
	}

	private static List<Map<?, ?>> objects(@Nullable Object value, String field) {
		if (value == null) {
			return List.of();
		}
		if (!(value instanceof List<?> list)) {
			throw new BadRequestException("champ_invalide", "« " + field + " » doit être une liste.");
		}
		List<Map<?, ?>> objects = new ArrayList<>();
		for (Object item : list) {
			if (!(item instanceof Map<?, ?> map)) {
				throw new BadRequestException("champ_invalide", "« " + field + " » doit être une liste d'objets.");
			}
			objects.add(map);
		}
		return objects;
	}

	private static @Nullable String text(@Nullable Object value) {
		return value == null || value instanceof Map<?, ?> || value instanceof List<?> ? null : String.valueOf(value);
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
