package fr.maillage.places.web;

import java.time.Clock;
import java.time.ZonedDateTime;

import fr.maillage.places.ErrorReportRefusedException;
import fr.maillage.places.ErrorReports;
import fr.maillage.places.Place;
import fr.maillage.places.PlaceDirectory;
import fr.maillage.shared.web.PublicAddress;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.view.RedirectView;

/**
 * "Signaler une erreur" on a place's page: no account needed. Simple anti-spam: a field
 * hidden from people that robots fill in, and a minimum time between showing the form and
 * sending it. Public.
 */
@Controller
class ErrorReportController {

	/** A person needs more than this to read the form and type a message. */
	static final long MIN_MILLIS_TO_FILL = 3_000;

	private final ErrorReports reports;

	private final PlaceDirectory directory;

	private final Clock clock;

	private final PlaceFreshness freshness;

	private final PublicAddress publicAddress;

	ErrorReportController(ErrorReports reports, PlaceDirectory directory, Clock clock, PlaceFreshness freshness,
			PublicAddress publicAddress) {
		this.publicAddress = publicAddress;
		this.freshness = freshness;
		this.reports = reports;
		this.directory = directory;
		this.clock = clock;
	}

	@PostMapping("/lieux/{id}/signalements")
	Object report(@PathVariable String id, @RequestParam(defaultValue = "") String champ,
			@RequestParam(defaultValue = "") String message, @RequestParam(required = false) String courriel,
			@RequestParam(name = "site_web_confirmation", required = false) String trap,
			@RequestParam(name = "affiche_le", defaultValue = "0") long shownAtMillis, Model model,
			jakarta.servlet.http.HttpServletResponse response) {
		RedirectView thanks = new RedirectView("/lieux/" + id + "?signalement=merci", true);
		if (trap != null && !trap.isEmpty()) {
			// a robot: thank it as a person would be thanked, keep nothing
			return thanks;
		}
		try {
			if (clock.millis() - shownAtMillis < MIN_MILLIS_TO_FILL) {
				throw new ErrorReportRefusedException(
						"Merci de relire votre message quelques secondes avant de l'envoyer.");
			}
			reports.report(id, champ, message, courriel);
			return thanks;
		}
		catch (ErrorReportRefusedException refused) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			Place place = directory.getPlace(id);
			ZonedDateTime now = ZonedDateTime.now(clock);
			model.addAttribute("place", PlaceCard.of(place, null, now, freshness.of(place)));
			// the same page as before the report: « Envoyer cette fiche » included
			PlacePageModel.addSending(place, now, publicAddress, model);
			model.addAttribute("reportError", refused.getMessage());
			model.addAttribute("report", new ReportForm(champ, message, courriel));
			PlacePageModel.addFormAttributes(model, clock);
			return "places/place";
		}
	}

	/** What the person typed, shown again when the report is refused. */
	record ReportForm(String champ, String message, String courriel) {
	}

}
