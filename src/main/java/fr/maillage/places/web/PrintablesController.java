package fr.maillage.places.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import fr.maillage.places.Place;
import fr.maillage.places.PlaceDirectory;
import fr.maillage.places.hours.OpeningHoursEvaluator;
import fr.maillage.places.printing.PdfDocuments;
import fr.maillage.places.printing.PrintedPlace;
import fr.maillage.places.printing.QrCodes;
import fr.maillage.shared.web.PublicAddress;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Paper for « aller-vers » (issue 17): the poster of one place, for the door of a mairie
 * or the stop of an itinerant service. Public, like the place page it prints.
 */
@Controller
class PrintablesController {

	static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH);

	private final PlaceDirectory directory;

	private final PdfDocuments documents;

	private final PublicAddress publicAddress;

	private final Clock clock;

	PrintablesController(PlaceDirectory directory, PdfDocuments documents, PublicAddress publicAddress, Clock clock) {
		this.directory = directory;
		this.documents = documents;
		this.publicAddress = publicAddress;
		this.clock = clock;
	}

	@GetMapping("/lieux/{id}/affiche.pdf")
	ResponseEntity<byte[]> poster(@PathVariable String id) {
		Place place = directory.getPlace(id);
		if (!place.id().equals(id)) {
			// a record merged into another lieu: its poster is that lieu's
			return ResponseEntity.status(301)
				.header(HttpHeaders.LOCATION,
						"/lieux/" + UriUtils.encodePathSegment(place.id(), StandardCharsets.UTF_8) + "/affiche.pdf")
				.build();
		}
		PrintedPlace printed = PrintedPlace.of(place, placeUrl(publicAddress, place.id()));
		Map<String, Object> variables = new HashMap<>();
		variables.put("place", printed);
		variables.put("qr", QrCodes.pngDataUri(printed.url(), 8));
		variables.put("source", sourceName(publicAddress));
		variables.put("printedOn", FRENCH_DATE.format(today(clock)));
		return pdf(documents.pdf("places/print/affiche", variables), "affiche-" + place.id() + ".pdf");
	}

	static String placeUrl(PublicAddress publicAddress, String id) {
		return UriComponentsBuilder.fromUriString(publicAddress.get())
			.path("/lieux/{id}")
			.buildAndExpand(id)
			.encode()
			.toUriString();
	}

	/** Where the data comes from, as a footer says it. */
	static String sourceName(PublicAddress publicAddress) {
		return "Maillage (" + publicAddress.get().replaceFirst("^https?://", "").replaceFirst("/$", "")
				+ "), d’après les lieux publiés par leurs producteurs";
	}

	static LocalDate today(Clock clock) {
		return LocalDate.now(clock.withZone(OpeningHoursEvaluator.PARIS));
	}

	static ResponseEntity<byte[]> pdf(byte[] bytes, String fileName) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename(fileName, StandardCharsets.UTF_8).build().toString())
			.body(bytes);
	}

}
