package fr.maillage.places.web;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.regex.Pattern;

import fr.maillage.places.Place;
import fr.maillage.places.PlaceDirectory;
import fr.maillage.shared.mail.OutgoingMail;
import fr.maillage.shared.web.PublicAddress;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * « Recevoir cette fiche par courriel » (issue 17): Maillage sends the page's short text
 * to the address typed, without an account. The address is used once and kept nowhere
 * (with an SMTP server; the dev/test outbox keeps what it would have sent), never put in
 * a URL nor a log line. Throttled per client and overall ({@link SendingThrottle}).
 * Public, CSRF token required like the other forms of the place page.
 */
@Controller
class SendPlaceController {

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

	private final PlaceDirectory directory;

	private final OutgoingMail mail;

	private final SendingThrottle throttle;

	private final Clock clock;

	private final PlaceFreshness freshness;

	private final PublicAddress publicAddress;

	SendPlaceController(PlaceDirectory directory, OutgoingMail mail, SendingThrottle throttle, Clock clock,
			PlaceFreshness freshness, PublicAddress publicAddress) {
		this.directory = directory;
		this.mail = mail;
		this.throttle = throttle;
		this.clock = clock;
		this.freshness = freshness;
		this.publicAddress = publicAddress;
	}

	@PostMapping("/lieux/{id}/envoyer")
	String send(@PathVariable String id, @RequestParam(name = "courriel", defaultValue = "") String email,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		// 404 for an unknown lieu before anything else
		Place place = directory.getPlace(id);
		ZonedDateTime now = ZonedDateTime.now(clock);
		String address = email.strip();
		String problem = problem(address);
		if (problem != null) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return page(place, now, model, problem, email);
		}
		// the client as the trusted proxy saw it (server.forward-headers-strategy)
		if (!throttle.tryAcquire(request.getRemoteAddr())) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			return page(place, now, model,
					"Trop de fiches envoyées depuis une heure : réessayez plus tard, ou copiez le texte ci-dessus.",
					email);
		}
		mail.send(address.toLowerCase(Locale.ROOT), "Fiche du lieu : " + place.name(),
				PlacePageModel.shortText(place, now, publicAddress));
		// the anchor brings the confirmation into view, low on a long page
		return "redirect:/lieux/" + place.id() + "?envoi=fait#envoi-fait";
	}

	/** What is wrong with the typed address, in French; null when it can be used. */
	static String problem(String address) {
		if (address.isEmpty()) {
			return "Indiquez l'adresse électronique à laquelle envoyer la fiche.";
		}
		if (address.length() > 254 || !EMAIL.matcher(address).matches()) {
			return "Cette adresse électronique n'est pas valide : elle s'écrit comme prenom.nom@exemple.fr.";
		}
		return null;
	}

	private String page(Place place, ZonedDateTime now, Model model, String problem, String typed) {
		model.addAttribute("place", PlaceCard.of(place, null, now, freshness.of(place)));
		PlacePageModel.addSending(place, now, publicAddress, model);
		PlacePageModel.addFormAttributes(model, clock);
		model.addAttribute("reportSent", false);
		model.addAttribute("sendError", problem);
		model.addAttribute("sendTyped", typed.length() > 300 ? typed.substring(0, 300) : typed);
		return "places/place";
	}

}
