package fr.maillage.orientations.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import fr.maillage.accounts.AccountPrincipal;
import fr.maillage.contributions.Structures;
import fr.maillage.contributions.domain.Structure;
import fr.maillage.orientations.Orientations;
import fr.maillage.places.printing.PdfDocuments;
import fr.maillage.places.printing.PrintedPlace;
import fr.maillage.places.printing.QrCodes;
import fr.maillage.shared.web.NotFoundException;
import fr.maillage.shared.web.PublicAddress;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The fiche de liaison (issue 16, item 3): one page the person takes away — the lieu, its
 * hours in words, its phone and address, a QR code to its public page, who oriented her
 * (her first name and structure) and when. Nothing sensitive: not her need, not her
 * contact, not her name — her first name only when she asks for it (« prenom=oui »), as a
 * lieu may ask « who sent you ? ». Printed with the directory's tools (openhtmltopdf,
 * ZXing). For the orientation's orienteur only: 404 for anyone else.
 */
@Controller
class LiaisonSheetController {

	private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH);

	private final Orientations orientations;

	private final Structures structures;

	private final PdfDocuments documents;

	private final PublicAddress publicAddress;

	private final Clock clock;

	LiaisonSheetController(Orientations orientations, Structures structures, PdfDocuments documents,
			PublicAddress publicAddress, Clock clock) {
		this.orientations = orientations;
		this.structures = structures;
		this.documents = documents;
		this.publicAddress = publicAddress;
		this.clock = clock;
	}

	@GetMapping("/espace/orientations/{id}/fiche-liaison.pdf")
	ResponseEntity<byte[]> sheet(@PathVariable String id, @AuthenticationPrincipal AccountPrincipal account,
			@RequestParam(name = "prenom", required = false) @Nullable String withFirstName) {
		Orientations.Detail orientation = orientations.getForAccount(id, account);
		if (!orientation.isOrienteur() || orientation.place() == null) {
			// the receiver has no use for it; a lieu gone from the directory has no page
			throw new NotFoundException("Cette fiche n'existe pas, ou vous n'y avez pas accès.");
		}
		String url = UriComponentsBuilder.fromUriString(publicAddress.get())
			.path("/lieux/{id}")
			.buildAndExpand(orientation.place().id())
			.encode()
			.toUriString();
		PrintedPlace place = PrintedPlace.of(orientation.place(), url);
		Map<String, Object> variables = new HashMap<>();
		variables.put("place", place);
		variables.put("qr", QrCodes.pngDataUri(url, 8));
		variables.put("orienteur", firstWord(account.name()));
		variables.put("structure", structureOf(account));
		variables.put("date", FRENCH_DATE.format(orientation.sentAt().atZone(ZoneId.of("Europe/Paris"))));
		variables.put("imprimeeLe", FRENCH_DATE.format(LocalDate.now(clock.withZone(ZoneId.of("Europe/Paris")))));
		variables.put("prenom",
				"oui".equals(withFirstName) && orientation.person() != null ? orientation.person().firstName() : null);
		byte[] pdf = documents.pdf("orientations/print/fiche-liaison", variables);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"fiche-de-liaison.pdf\"")
			// her first name may be on it: no cache keeps it
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(pdf);
	}

	/** The structure the orienteur works for, when she is a member of one. */
	private @Nullable String structureOf(AccountPrincipal account) {
		return structures.listLieuxOf(account)
			.stream()
			.findFirst()
			.flatMap(lieu -> structures.findStructureOf(lieu.id()))
			.map(Structure::name)
			.orElse(null);
	}

	private static String firstWord(String name) {
		String stripped = name.strip();
		int space = stripped.indexOf(' ');
		return space < 0 ? stripped : stripped.substring(0, space);
	}

}
