package fr.maillage.places.web;

import java.time.Clock;

import fr.maillage.places.ErrorReport;
import org.springframework.ui.Model;

/**
 * Attributes every rendering of the place page needs for its "Signaler une erreur" form.
 */
final class PlacePageModel {

	private PlacePageModel() {
	}

	static void addFormAttributes(Model model, Clock clock) {
		model.addAttribute("reportFields", ErrorReport.FIELDS);
		model.addAttribute("shownAt", clock.millis());
	}

}
