package fr.maillage.orientations.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import fr.maillage.accounts.AccountPrincipal;
import fr.maillage.orientations.Orientations;
import fr.maillage.orientations.domain.ConsentMode;
import fr.maillage.orientations.domain.OrientationStatus;
import fr.maillage.orientations.domain.PersonData;
import fr.maillage.shared.web.BadRequestException;
import fr.maillage.shared.web.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Orientations through the API (issue 16), with an account's personal token: the same
 * rules as the pages ({@link Orientations}); sending without consent is
 * {@code 422 consentement_requis} ({@link OrientationApiErrors}), an illegal move
 * {@code 409 transition_interdite}, someone else's orientation {@code 404}. The
 * administrator's bootstrap token is no account: it orients nobody and sees no
 * orientation.
 */
@RestController
class OrientationApiController {

	private final Orientations orientations;

	OrientationApiController(Orientations orientations) {
		this.orientations = orientations;
	}

	record PersonForm(@Nullable String prenom, @Nullable String telephone, @Nullable String courriel) {
	}

	record ConsentForm(@Nullable String mode, @JsonProperty("recueilli_le") @Nullable String recueilliLe,
			@JsonProperty("version_notice") @Nullable String versionNotice) {
	}

	record OrientationForm(@Nullable String lieu, @Nullable String besoin, @Nullable PersonForm personne,
			@Nullable ConsentForm consentement) {
	}

	record StatusForm(@Nullable String statut, @Nullable String motif, @Nullable String message) {
	}

	private static AccountPrincipal account(@Nullable AccountPrincipal account) {
		if (account == null) {
			// the bootstrap token: no orientation is anyone's but an account's
			throw new NotFoundException("Aucune orientation pour ce jeton : utilisez le jeton personnel d'un compte.");
		}
		return account;
	}

	@PostMapping(path = "/api/v1/orientations", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> send(@RequestBody OrientationForm form, @AuthenticationPrincipal @Nullable Object principal) {
		AccountPrincipal account = account(principal instanceof AccountPrincipal a ? a : null);
		if (form.lieu() == null || form.lieu().isBlank()) {
			throw new BadRequestException("lieu_manquant", "Indiquez le lieu (« lieu » : son identifiant).");
		}
		PersonForm person = form.personne() == null ? new PersonForm(null, null, null) : form.personne();
		ConsentForm consent = form.consentement();
		Orientations.ConsentInput input = consent == null ? new Orientations.ConsentInput(false, null, null, null)
				: new Orientations.ConsentInput(true,
						ConsentMode.findByCode(String.valueOf(consent.mode())).orElse(null),
						instant(consent.recueilliLe()), consent.versionNotice());
		String id = orientations.send(form.lieu().strip(),
				PersonData.of(person.prenom(), person.telephone(), person.courriel(), form.besoin()), input, account);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", id);
		body.put("statut", OrientationStatus.ENVOYEE.code());
		return body;
	}

	private static @Nullable Instant instant(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Instant.parse(value.strip());
		}
		catch (DateTimeParseException invalid) {
			throw new BadRequestException("date_invalide",
					"« recueilli_le » doit être une date et heure ISO 8601, " + "par exemple 2026-12-01T10:30:00Z.");
		}
	}

	@GetMapping(path = "/api/v1/orientations", produces = MediaType.APPLICATION_JSON_VALUE)
	List<Map<String, Object>> list(@RequestParam(name = "vue", defaultValue = "envoyees") String view,
			@RequestParam(name = "statut", required = false) @Nullable String status,
			@AuthenticationPrincipal @Nullable Object principal) {
		if (!view.equals("envoyees") && !view.equals("recues")) {
			throw new BadRequestException("vue_invalide", "« vue » vaut « envoyees » ou « recues ».");
		}
		if (!(principal instanceof AccountPrincipal account)) {
			return List.of();
		}
		List<Orientations.Summary> summaries = view.equals("recues") ? orientations.listReceived(account)
				: orientations.listSent(account);
		return summaries.stream()
			.filter(summary -> status == null || summary.status().code().equals(status))
			.map(summary -> {
				Map<String, Object> row = new LinkedHashMap<>();
				row.put("id", summary.id());
				row.put("lieu", summary.lieuId());
				row.put("lieu_nom", summary.lieuName());
				row.put("statut", summary.status().code());
				row.put("envoyee_le", summary.sentAt().toString());
				row.put("statut_le", summary.statusAt().toString());
				row.put("prenom", summary.firstName());
				return row;
			})
			.toList();
	}

	@GetMapping(path = "/api/v1/orientations/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> get(@PathVariable String id, @AuthenticationPrincipal @Nullable Object principal) {
		Orientations.Detail detail = orientations.getForAccount(id,
				account(principal instanceof AccountPrincipal a ? a : null));
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", detail.id());
		body.put("lieu", detail.lieuId());
		body.put("statut", detail.status().code());
		body.put("envoyee_le", detail.sentAt().toString());
		body.put("orienteur", detail.orienteur());
		if (detail.person() != null) {
			Map<String, Object> person = new LinkedHashMap<>();
			person.put("prenom", detail.person().firstName());
			person.put("telephone", detail.person().phone());
			person.put("courriel", detail.person().email());
			body.put("personne", person);
			body.put("besoin", detail.person().need());
		}
		else {
			body.put("personne", null);
			body.put("donnees_effacees_le", detail.erasedAt() == null ? null : detail.erasedAt().toString());
		}
		if (detail.consent() != null) {
			Map<String, Object> consent = new LinkedHashMap<>();
			consent.put("finalite", detail.consent().purpose());
			consent.put("donnees", detail.consent().dataShared());
			consent.put("destinataires", detail.consent().recipients());
			consent.put("duree_mois", detail.consent().durationMonths());
			consent.put("mode", detail.consent().mode().code());
			consent.put("recueilli_par", detail.consent().recordedBy());
			consent.put("recueilli_le", detail.consent().recordedAt().toString());
			consent.put("version_notice", detail.consent().noticeVersion());
			consent.put("retire_le",
					detail.consent().revokedAt() == null ? null : detail.consent().revokedAt().toString());
			body.put("consentement", consent);
		}
		body.put("historique", steps(detail.steps()));
		body.put("statuts_possibles", detail.possible().stream().map(OrientationStatus::code).toList());
		return body;
	}

	private static List<Map<String, Object>> steps(List<Orientations.Step> steps) {
		return steps.stream().map(step -> {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("de", step.from() == null ? null : step.from().code());
			row.put("vers", step.to().code());
			row.put("par", step.by());
			row.put("le", step.at().toString());
			row.put("motif", step.reason());
			row.put("message", step.message());
			return row;
		}).toList();
	}

	@PostMapping(path = "/api/v1/orientations/{id}/statut", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> changeStatus(@PathVariable String id, @RequestBody StatusForm form,
			@AuthenticationPrincipal @Nullable Object principal) {
		OrientationStatus status = orientations.changeStatus(id, String.valueOf(form.statut()), form.motif(),
				form.message(), account(principal instanceof AccountPrincipal a ? a : null));
		return Map.of("id", id, "statut", status.code());
	}

	/**
	 * @param confirmation true: erasing is immediate and final, so the caller says it
	 * means it
	 */
	record WithdrawalForm(@Nullable Boolean confirmation) {
	}

	@PostMapping(path = "/api/v1/orientations/{id}/consentement/retrait", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> revoke(@PathVariable String id, @RequestBody WithdrawalForm form,
			@AuthenticationPrincipal @Nullable Object principal) {
		if (!Boolean.TRUE.equals(form.confirmation())) {
			throw new BadRequestException("confirmation_requise", "Le retrait efface tout de suite et pour de bon les "
					+ "données de la personne : envoyez {\"confirmation\": true}.");
		}
		orientations.revokeConsent(id, account(principal instanceof AccountPrincipal a ? a : null));
		return Map.of("id", id, "consentement", "retiré", "donnees", "effacées");
	}

	@GetMapping(path = "/api/v1/orientations/{id}/journal", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> journal(@PathVariable String id, @AuthenticationPrincipal @Nullable Object principal) {
		Orientations.Journal journal = orientations.getJournal(id,
				account(principal instanceof AccountPrincipal a ? a : null));
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("acces", journal.accesses().stream().map(access -> {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("par", access.by());
			row.put("le", access.at().toString());
			row.put("action", access.action());
			return row;
		}).toList());
		body.put("historique", steps(journal.steps()));
		return body;
	}

}
