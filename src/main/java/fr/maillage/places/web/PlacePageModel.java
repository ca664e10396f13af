package fr.maillage.places.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZonedDateTime;

import fr.maillage.places.ErrorReport;
import fr.maillage.places.Place;
import fr.maillage.places.hours.OpeningHoursEvaluator;
import fr.maillage.places.printing.PrintedPlace;
import fr.maillage.places.printing.QrCodes;
import fr.maillage.shared.web.PublicAddress;
import org.springframework.web.util.UriUtils;
import org.springframework.ui.Model;

/**
 * Attributes every rendering of the place page needs: its "Signaler une erreur" form and
 * « Envoyer cette fiche » — the page a refused report returns is the same page.
 */
final class PlacePageModel {

	private PlacePageModel() {
	}

	static void addFormAttributes(Model model, Clock clock) {
		model.addAttribute("reportFields", ErrorReport.FIELDS);
		model.addAttribute("shownAt", clock.millis());
	}

	/**
	 * « Envoyer cette fiche » (issue 17): a short text to copy, to send by SMS or from
	 * the person's own mail program — nothing goes through Maillage, no address is asked
	 * or kept — and a QR code of the page, for someone who reads it on another screen.
	 */
	static void addSending(Place place, ZonedDateTime now, PublicAddress publicAddress, Model model) {
		PrintedPlace printed = printed(place, publicAddress);
		String text = shortText(printed, now);
		String encoded = UriUtils.encode(text, StandardCharsets.UTF_8);
		model.addAttribute("shortText", text);
		// "sms:?&body=": the one form both Android and iOS messaging apps read
		model.addAttribute("smsHref", "sms:?&body=" + encoded);
		model.addAttribute("mailHref",
				"mailto:?subject=" + UriUtils.encode(place.name(), StandardCharsets.UTF_8) + "&body=" + encoded);
		model.addAttribute("qrSvg", QrCodes.svg(printed.url(), "QR code de la fiche de " + place.name()));
		model.addAttribute("placeUrl", printed.url());
	}

	/**
	 * The text the page offers to copy — also the body of the e-mail Maillage sends on
	 * request ({@link SendPlaceController}), so both always say the same.
	 */
	static String shortText(Place place, ZonedDateTime now, PublicAddress publicAddress) {
		return shortText(printed(place, publicAddress), now);
	}

	private static PrintedPlace printed(Place place, PublicAddress publicAddress) {
		return PrintedPlace.of(place, PrintablesController.placeUrl(publicAddress, place.id()));
	}

	private static String shortText(PrintedPlace printed, ZonedDateTime now) {
		return printed.shortText(now.withZoneSameInstant(OpeningHoursEvaluator.PARIS).toLocalDate());
	}

}
