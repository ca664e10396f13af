package fr.maillage.places.web;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import fr.maillage.places.PlaceDirectory;
import fr.maillage.places.PlacePage;
import fr.maillage.places.PlaceQuery;
import fr.maillage.places.printing.PrintedPlace;
import fr.maillage.places.printing.QrCodes;
import fr.maillage.places.vocabulary.MediationService;
import fr.maillage.places.vocabulary.Vocabulary;
import fr.maillage.shared.geo.Coordinates;
import fr.maillage.shared.web.PublicAddress;
import fr.maillage.territories.Territories;
import fr.maillage.territories.TerritoryHit;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The fiche d'orientation of the counter (issue 17, part 4): an agent chooses a need, a
 * commune and a day, and prints one page with the three nearest places that help with it
 * and are open that day. Nothing about the person is asked, kept or printed. Public.
 */
@Controller
class OrientationController {

	static final int PLACES = 3;

	/** How far a person may be sent: beyond, the sheet says none was found. */
	static final double RADIUS_KM = 30;

	private static final String[] DIRECTIONS = { "au nord", "au nord-est", "à l’est", "au sud-est", "au sud",
			"au sud-ouest", "à l’ouest", "au nord-ouest" };

	private final PlaceDirectory directory;

	private final Territories territories;

	private final PublicAddress publicAddress;

	OrientationController(PlaceDirectory directory, Territories territories, PublicAddress publicAddress) {
		this.directory = directory;
		this.territories = territories;
		this.publicAddress = publicAddress;
	}

	/**
	 * A place on the sheet: what paper says of it, how far and which way, its hours that
	 * day.
	 */
	record Orientation(PrintedPlace place, String distance, String direction, String hoursThatDay, String qr) {
	}

	/** A day offered in the form: its number (1 Monday) and name. */
	record Day(int value, String name) {
	}

	@GetMapping("/orientation")
	String orientation(@RequestParam(required = false) @Nullable String besoin,
			@RequestParam(required = false) @Nullable String commune,
			@RequestParam(required = false) @Nullable String jour, Model model) {
		model.addAttribute("needs",
				Arrays.stream(MediationService.values())
					.map(service -> new PublicSearchController.Choice(service.label(), service.plainWords()))
					.toList());
		model.addAttribute("days",
				Arrays.stream(DayOfWeek.values())
					.map(day -> new Day(day.getValue(), capitalized(day.getDisplayName(TextStyle.FULL, Locale.FRENCH))))
					.toList());
		model.addAttribute("besoin", besoin == null ? "" : besoin);
		model.addAttribute("commune", commune == null ? "" : commune.strip());
		int day = parseDay(jour);
		model.addAttribute("jour", day);
		if (besoin == null || commune == null || commune.isBlank()) {
			return "places/orientation";
		}
		Optional<MediationService> need = Vocabulary.findByLabel(MediationService.class, besoin);
		Optional<TerritoryHit> where = territories.searchTerritories(commune, 5)
			.stream()
			.filter(hit -> hit.centre() != null)
			.findFirst();
		if (need.isEmpty()) {
			model.addAttribute("message", "Choisissez un besoin dans la liste.");
			return "places/orientation";
		}
		if (where.isEmpty()) {
			List<TerritoryHit> close = territories.suggestTerritories(commune, 1);
			model.addAttribute("message", "Aucune commune ne s’appelle « " + commune.strip() + " »"
					+ (close.isEmpty() ? "." : " : vouliez-vous dire « " + close.get(0).libelle() + " » ?"));
			return "places/orientation";
		}
		Coordinates centre = new Coordinates(where.get().centre().lat(), where.get().centre().lon());
		PlacePage page = directory.searchPlaces(new PlaceQuery(null, List.of(), List.of(), List.of(), null,
				List.of(need.get()), List.of(), List.of(), List.of(), List.of(), List.of(), false,
				new PlaceQuery.Near(centre, RADIUS_KM), 1, PlaceQuery.MAX_PAGE_SIZE));
		List<Orientation> chosen = page.hits()
			.stream()
			.map(hit -> orientation(hit, centre, day))
			.flatMap(Optional::stream)
			.limit(PLACES)
			.toList();
		String dayName = capitalized(DayOfWeek.of(day).getDisplayName(TextStyle.FULL, Locale.FRENCH));
		model.addAttribute("needWords", need.get().plainWords());
		model.addAttribute("whereLabel", where.get().libelle());
		model.addAttribute("dayName", dayName);
		model.addAttribute("places", chosen);
		model.addAttribute("radiusKm", (int) RADIUS_KM);
		return "places/orientation";
	}

	private Optional<Orientation> orientation(PlacePage.Hit hit, Coordinates centre, int day) {
		PrintedPlace place = PrintedPlace.of(hit.place(),
				PrintablesController.placeUrl(publicAddress, hit.place().id()));
		Optional<String> hours = place.hoursOn(day);
		if (hours.isEmpty() || hours.get().endsWith("fermé") || hit.distanceKm() == null
				|| hit.place().coordinates() == null) {
			return Optional.empty();
		}
		Coordinates at = hit.place().coordinates();
		String direction = hit.distanceKm() < 0.5 ? "près du centre" : direction(centre, at) + " du centre";
		return Optional.of(new Orientation(place, FrenchNumbers.kilometres(hit.distanceKm()), direction,
				hours.get().substring(hours.get().indexOf(" : ") + 3),
				QrCodes.svg(place.url(), "QR code de la fiche de " + place.nom())));
	}

	/** The compass direction from one point to another, in words. */
	static String direction(Coordinates from, Coordinates to) {
		double dx = (to.longitude() - from.longitude()) * Math.cos(Math.toRadians(from.latitude()));
		double dy = to.latitude() - from.latitude();
		double bearing = (Math.toDegrees(Math.atan2(dx, dy)) + 360) % 360;
		return DIRECTIONS[(int) Math.round(bearing / 45) % 8];
	}

	private static int parseDay(@Nullable String day) {
		if (day != null && day.strip().matches("[1-7]")) {
			return Integer.parseInt(day.strip());
		}
		return 1;
	}

	private static String capitalized(String word) {
		return Character.toUpperCase(word.charAt(0)) + word.substring(1);
	}

}
