package fr.maillage.coordination.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import fr.maillage.accounts.AccountPrincipal;
import fr.maillage.coordination.Attendance;
import fr.maillage.coordination.domain.ActionStatus;
import fr.maillage.coordination.domain.ActorType;
import fr.maillage.places.printing.PdfDocuments;
import fr.maillage.shared.web.ConflictException;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * A meeting's attendance at the door (a tablet: one tap per person, htmx), its printed
 * sign-in sheet, its minutes, files and follow-up actions (issue 18, item 5), for the
 * coordinators of its territory. Forms refused keep what was typed and say each problem
 * next to its field.
 */
@Controller
class AttendancePagesController {

	static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'à' HH'h'mm", Locale.FRENCH)
		.withZone(PARIS);

	private final Attendance attendance;

	private final PdfDocuments documents;

	AttendancePagesController(Attendance attendance, PdfDocuments documents) {
		this.attendance = attendance;
		this.documents = documents;
	}

	/** The meetings of the coordinator's territories, with links to their follow-up. */
	@GetMapping("/espace/echanges")
	String meetings(@AuthenticationPrincipal AccountPrincipal account, Model model) {
		model.addAttribute("reunions", attendance.listMeetings(account));
		model.addAttribute("quand", WHEN);
		model.addAttribute("departements", account.scopes("departement"));
		return "coordination/espace-echanges";
	}

	@GetMapping("/espace/reunions/{id}/presences")
	String sheet(@AuthenticationPrincipal AccountPrincipal account, @PathVariable String id, Model model) {
		return sheetPage(account, id, model, Map.of(), Map.of());
	}

	private String sheetPage(AccountPrincipal account, String id, Model model, Map<String, String> values,
			Map<String, String> problems) {
		model.addAttribute("feuille", attendance.getSheet(id, account));
		model.addAttribute("quand", WHEN);
		model.addAttribute("types", ActorType.values());
		model.addAttribute("valeurs", values);
		model.addAttribute("erreurs", problems);
		return "coordination/presences";
	}

	/** One tap: the row again for htmx, the page again without JavaScript. */
	@PostMapping("/espace/reunions/{id}/presences/{participant}")
	String mark(@AuthenticationPrincipal AccountPrincipal account, @PathVariable String id,
			@PathVariable String participant,
			@RequestParam(name = "present", required = false) @Nullable String present,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
		Attendance.Marked marked = attendance.markPresence(id, participant, "true".equals(present), account);
		if (htmx == null) {
			return "redirect:/espace/reunions/" + id + "/presences#p-" + marked.participant().id();
		}
		model.addAttribute("p", marked.participant());
		model.addAttribute("reunionId", id);
		model.addAttribute("presents", marked.presentCount());
		model.addAttribute("total", marked.total());
		return "coordination/presences-ligne";
	}

	@PostMapping("/espace/reunions/{id}/presences/sur-place")
	String addOnTheSpot(@AuthenticationPrincipal AccountPrincipal account, @PathVariable String id,
			@RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
		try {
			attendance.addOnTheSpot(id, new Attendance.NewPerson(form.get("nom"), form.get("acteur"),
					form.get("structure"), form.get("type_acteur")), account);
			return "redirect:/espace/reunions/" + id + "/presences?ajoute#ajout";
		}
		catch (Attendance.InvalidEntryException invalid) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return sheetPage(account, id, model, form, invalid.problems());
		}
	}

	/**
	 * The sign-in sheet: A4, the meeting's title, date and place, the names and
	 * structures known, a signature column, then blank lines for the others.
	 */
	@GetMapping("/reunions/{id}/emargement.pdf")
	ResponseEntity<byte[]> signInSheet(@AuthenticationPrincipal AccountPrincipal account, @PathVariable String id) {
		Attendance.Sheet sheet = attendance.getPrintableSheet(id, account);
		Map<String, Object> variables = new HashMap<>();
		variables.put("feuille", sheet);
		variables.put("quand", WHEN.format(sheet.meeting().start()));
		int listed = sheet.participants().size();
		// at least 12 blank lines, and the page filled
		variables.put("lignesVides",
				java.util.stream.IntStream.rangeClosed(1, Math.max(12, 22 - listed % 22)).boxed().toList());
		byte[] pdf = documents.pdf("coordination/print/emargement", variables);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename("emargement.pdf").build().toString())
			.body(pdf);
	}

	@GetMapping("/espace/reunions/{id}/compte-rendu")
	String minutes(@AuthenticationPrincipal AccountPrincipal account, @PathVariable String id, Model model) {
		return minutesPage(account, id, model, null, Map.of(), Map.of(), null);
	}

	private String minutesPage(AccountPrincipal account, String id, Model model, @Nullable String typedMinutes,
			Map<String, String> values, Map<String, String> problems, @Nullable String conflict) {
		Attendance.Minutes minutes = attendance.getMinutes(id, account);
		model.addAttribute("cr", minutes);
		model.addAttribute("texte", typedMinutes != null ? typedMinutes : minutes.meeting().minutes());
		model.addAttribute("quand", WHEN);
		model.addAttribute("valeurs", values);
		model.addAttribute("erreurs", problems);
		model.addAttribute("conflit", conflict);
		model.addAttribute("statuts", ActionStatus.values());
		return "coordination/compte-rendu";
	}

	@PostMapping("/espace/reunions/{id}/compte-rendu")
	String saveMinutes(@AuthenticationPrincipal AccountPrincipal account, @PathVariable String id,
			@RequestParam(name = "compte_rendu", required = false) @Nullable String text,
			@RequestParam(name = "version", required = false) @Nullable String version, Model model,
			HttpServletResponse response) {
		try {
			attendance.saveMinutes(id, text, parseVersion(version), account);
			return "redirect:/espace/reunions/" + id + "/compte-rendu?enregistre";
		}
		catch (ConflictException conflict) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			return minutesPage(account, id, model, text, Map.of(), Map.of(), conflict.getMessage());
		}
		catch (Attendance.InvalidEntryException invalid) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return minutesPage(account, id, model, text, Map.of(), invalid.problems(), null);
		}
	}

	@PostMapping("/espace/reunions/{id}/fichiers")
	String addFile(@AuthenticationPrincipal AccountPrincipal account, @PathVariable String id,
			@RequestParam(name = "fichier", required = false) @Nullable MultipartFile file, Model model,
			HttpServletResponse response) throws IOException {
		try {
			attendance.addFile(id, file == null ? null : file.getOriginalFilename(),
					file == null ? new byte[0] : file.getBytes(), account);
			return "redirect:/espace/reunions/" + id + "/compte-rendu?fichier#fichiers";
		}
		catch (Attendance.InvalidEntryException invalid) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return minutesPage(account, id, model, null, Map.of(), invalid.problems(), null);
		}
	}

	@PostMapping("/espace/reunions/{id}/fichiers/{fichier}/public")
	String openFile(@AuthenticationPrincipal AccountPrincipal account, @PathVariable String id,
			@PathVariable("fichier") String fileId,
			@RequestParam(name = "public", required = false) @Nullable String open) {
		attendance.setFileOpen(id, fileId, "true".equals(open), account);
		return "redirect:/espace/reunions/" + id + "/compte-rendu#fichiers";
	}

	/** A file of the minutes: public ones for anyone, the others for the coordinators. */
	@GetMapping("/reunions/{id}/fichiers/{fichier}")
	ResponseEntity<byte[]> file(@AuthenticationPrincipal @Nullable AccountPrincipal account, @PathVariable String id,
			@PathVariable("fichier") String fileId) {
		Attendance.Download download = attendance.getFile(id, fileId, account);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(download.mediaType()))
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(download.name(), StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(download.content());
	}

	@PostMapping("/espace/reunions/{id}/actions")
	String addAction(@AuthenticationPrincipal AccountPrincipal account, @PathVariable String id,
			@RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
		try {
			attendance.addAction(id, form, account);
			return "redirect:/espace/reunions/" + id + "/compte-rendu?action#actions";
		}
		catch (Attendance.InvalidEntryException invalid) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return minutesPage(account, id, model, null, form, invalid.problems(), null);
		}
	}

	@PostMapping("/espace/reunions/{id}/actions/{action}/statut")
	String changeStatus(@AuthenticationPrincipal AccountPrincipal account, @PathVariable String id,
			@PathVariable("action") String actionId,
			@RequestParam(name = "statut", required = false) @Nullable String status,
			@RequestParam(name = "version", required = false) @Nullable String version, Model model,
			HttpServletResponse response) {
		try {
			attendance.changeActionStatus(id, actionId, status == null ? "" : status, parseVersion(version), account);
			return "redirect:/espace/reunions/" + id + "/compte-rendu?statut#actions";
		}
		catch (ConflictException conflict) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			Map<String, String> problems = new LinkedHashMap<>();
			problems.put("action-" + actionId, conflict.getMessage());
			return minutesPage(account, id, model, null, Map.of(), problems, null);
		}
	}

	private static int parseVersion(@Nullable String version) {
		try {
			return version == null ? -1 : Integer.parseInt(version.strip());
		}
		catch (NumberFormatException notANumber) {
			return -1;
		}
	}

}
