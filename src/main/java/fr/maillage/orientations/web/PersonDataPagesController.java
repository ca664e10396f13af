package fr.maillage.orientations.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.maillage.accounts.AccountPrincipal;
import fr.maillage.orientations.Orientations;
import fr.maillage.orientations.PersonDataRequests;
import fr.maillage.orientations.domain.Consent;
import fr.maillage.shared.csv.SpreadsheetSafe;
import fr.maillage.shared.web.BadRequestException;
import fr.maillage.shared.web.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.ObjectMapper;

/**
 * « Données d'une personne » (issue 16): an administrator finds a person's orientations
 * by the id of one of them, exports them (JSON or CSV) or erases them, on her request.
 * The service checks the role and logs every read, export and erasure.
 */
@Controller
class PersonDataPagesController {

	private final PersonDataRequests requests;

	private final ObjectMapper json;

	PersonDataPagesController(PersonDataRequests requests, ObjectMapper json) {
		this.requests = requests;
		this.json = json;
	}

	@GetMapping("/espace/donnees-personnelles")
	String page(@RequestParam(name = "orientation", required = false) @Nullable String orientationId,
			@AuthenticationPrincipal AccountPrincipal account, Model model, HttpServletResponse response) {
		model.addAttribute("dates", new OrientationPagesController.Dates());
		model.addAttribute("saisie", orientationId == null ? "" : orientationId);
		// the role first: nobody else learns anything from this page
		PersonDataRequests.checkAdministrator(account);
		try {
			model.addAttribute("personne", orientationId == null ? null
					: requests.find(orientationId, PersonDataRequests.Action.READ, account));
		}
		catch (BadRequestException | NotFoundException refused) {
			model.addAttribute("erreur", refused.getMessage());
			response.setStatus(refused instanceof NotFoundException ? HttpServletResponse.SC_NOT_FOUND
					: HttpServletResponse.SC_BAD_REQUEST);
		}
		response.setHeader("Cache-Control", "no-store");
		return "orientations/donnees-personnelles";
	}

	@PostMapping("/espace/donnees-personnelles/export")
	ResponseEntity<byte[]> export(@RequestParam(name = "orientation", defaultValue = "") String orientationId,
			@RequestParam(name = "format", defaultValue = "json") String format,
			@AuthenticationPrincipal AccountPrincipal account) {
		PersonDataRequests.Person person = requests.find(orientationId, PersonDataRequests.Action.EXPORT, account);
		boolean csv = format.equals("csv");
		byte[] body = csv ? csv(person) : json.writerWithDefaultPrettyPrinter().writeValueAsBytes(asJson(person));
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename("donnees-personne-" + person.askedId() + (csv ? ".csv" : ".json"))
						.build()
						.toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.contentType(csv ? new MediaType("text", "csv", StandardCharsets.UTF_8) : MediaType.APPLICATION_JSON)
			.body(body);
	}

	@PostMapping("/espace/donnees-personnelles/effacement")
	String erase(@RequestParam(name = "orientation", defaultValue = "") String orientationId,
			@RequestParam(name = "confirmation", defaultValue = "") String confirmation,
			@AuthenticationPrincipal AccountPrincipal account, Model model, HttpServletResponse response) {
		PersonDataRequests.checkAdministrator(account);
		try {
			if (!confirmation.equals("oui")) {
				throw new BadRequestException("confirmation_requise",
						"Cochez la case pour confirmer l'effacement : il ne peut pas être annulé.");
			}
			int erased = requests.erase(orientationId, account);
			return "redirect:/espace/donnees-personnelles?efface=" + erased;
		}
		catch (BadRequestException | NotFoundException refused) {
			model.addAttribute("erreur", refused.getMessage());
			model.addAttribute("dates", new OrientationPagesController.Dates());
			model.addAttribute("saisie", orientationId);
			response.setStatus(refused instanceof NotFoundException ? HttpServletResponse.SC_NOT_FOUND
					: HttpServletResponse.SC_BAD_REQUEST);
			return "orientations/donnees-personnelles";
		}
	}

	private static Map<String, Object> asJson(PersonDataRequests.Person person) {
		Map<String, Object> root = new LinkedHashMap<>();
		root.put("orientation_demandee", person.askedId());
		root.put("exporte_le", Instant.now().toString());
		root.put("donnees_effacees_le", person.erasedAt() == null ? null : person.erasedAt().toString());
		List<Map<String, Object>> orientations = new ArrayList<>();
		for (PersonDataRequests.Found found : person.orientations()) {
			Map<String, Object> one = new LinkedHashMap<>();
			one.put("id", found.id());
			one.put("lieu", found.lieuName());
			one.put("commune", found.commune());
			one.put("statut", found.status().code());
			one.put("envoyee_le", found.sentAt().toString());
			one.put("statut_le", found.statusAt().toString());
			Map<String, Object> personne = new LinkedHashMap<>();
			personne.put("prenom", found.person().firstName());
			personne.put("besoin", found.person().need());
			personne.put("telephone", found.person().phone());
			personne.put("courriel", found.person().email());
			one.put("personne", personne);
			Consent consent = found.consent();
			if (consent != null) {
				Map<String, Object> consentement = new LinkedHashMap<>();
				consentement.put("finalite", consent.purpose());
				consentement.put("donnees", consent.dataShared());
				consentement.put("destinataires", consent.recipients());
				consentement.put("duree_mois", consent.durationMonths());
				consentement.put("mode", consent.mode().code());
				consentement.put("recueilli_par", consent.recordedBy());
				consentement.put("recueilli_le", consent.recordedAt().toString());
				consentement.put("version_notice", consent.noticeVersion());
				consentement.put("retire_le", consent.revokedAt() == null ? null : consent.revokedAt().toString());
				one.put("consentement", consentement);
			}
			List<Map<String, Object>> steps = new ArrayList<>();
			for (Orientations.Step step : found.steps()) {
				Map<String, Object> etape = new LinkedHashMap<>();
				etape.put("statut", step.to().code());
				etape.put("le", step.at().toString());
				etape.put("par", step.by());
				etape.put("raison", step.reason());
				etape.put("message", step.message());
				steps.add(etape);
			}
			one.put("etapes", steps);
			// her answers to the repérage, when she agreed to share them with the lieu
			one.put("reperage", found.screening() == null ? null : ScreeningPagesController.labels(found.screening()));
			orientations.add(one);
		}
		root.put("orientations", orientations);
		return root;
	}

	private static byte[] csv(PersonDataRequests.Person person) {
		StringBuilder out = new StringBuilder(
				"id;lieu;commune;statut;envoyee_le;prenom;besoin;telephone;courriel;consentement_mode;"
						+ "consentement_le;consentement_retire_le;reperage\r\n");
		for (PersonDataRequests.Found found : person.orientations()) {
			Consent consent = found.consent();
			List<String> cells = new ArrayList<>(List.of(found.id(), found.lieuName(), found.commune(),
					found.status().code(), found.sentAt().toString(), found.person().firstName(), found.person().need(),
					found.person().phone() == null ? "" : found.person().phone(),
					found.person().email() == null ? "" : found.person().email(),
					consent == null ? "" : consent.mode().code(),
					consent == null ? "" : consent.recordedAt().toString(),
					consent == null || consent.revokedAt() == null ? "" : consent.revokedAt().toString(),
					found.screening() == null ? ""
							: String.join(" | ", ScreeningPagesController.labels(found.screening()))));
			out.append(String.join(";", cells.stream().map(PersonDataPagesController::cell).toList())).append("\r\n");
		}
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static String cell(String value) {
		String safe = SpreadsheetSafe.cell(value);
		return "\"" + safe.replace("\"", "\"\"") + "\"";
	}

}
