package fr.maillage.places.web;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.maillage.places.ConsultationPolicy;
import fr.maillage.places.Place;
import fr.maillage.places.PlaceDirectory;
import fr.maillage.places.PlacePage;
import fr.maillage.places.PlaceQuery;
import fr.maillage.places.hours.OpeningHours;
import fr.maillage.places.hours.OpeningHoursEvaluator;
import fr.maillage.places.vocabulary.Fee;
import fr.maillage.places.vocabulary.MediationService;
import fr.maillage.places.vocabulary.NationalProgram;
import fr.maillage.places.vocabulary.SpecificPublic;
import fr.maillage.places.vocabulary.SpecificSupport;
import fr.maillage.places.vocabulary.SupportMode;
import fr.maillage.places.vocabulary.Vocabulary;
import fr.maillage.shared.geo.Coordinates;
import fr.maillage.territories.Territories;
import fr.maillage.territories.TerritoryHit;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Trouver de l'aide près de chez moi": the public search page and the place page.
 * Server-rendered, works without JavaScript. Public.
 */
@Controller
class PublicSearchController {

	/** Radius around the commune (or territory centre) a person searched for. */
	static final double RADIUS_KM = 15;

	static final int RESULTS = 20;

	private static final Pattern WITH_DEPARTEMENT = Pattern.compile("^(.+) \\((\\w{2,3})\\)$");

	private final PlaceDirectory directory;

	private final Territories territories;

	private final Clock clock;

	private final MapTiles tiles;

	private final PlaceFreshness freshness;

	PublicSearchController(PlaceDirectory directory, Territories territories, Clock clock, MapTiles tiles,
			PlaceFreshness freshness) {
		this.freshness = freshness;
		this.directory = directory;
		this.territories = territories;
		this.clock = clock;
		this.tiles = tiles;
	}

	@GetMapping("/")
	String search(SearchForm form, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("allServices", Arrays.stream(MediationService.values()).map(Vocabulary::label).toList());
		model.addAttribute("allPublics", Arrays.stream(SpecificPublic.values()).map(Vocabulary::label).toList());
		model.addAttribute("allSupports", Arrays.stream(SpecificSupport.values()).map(Vocabulary::label).toList());
		model.addAttribute("allModalites", SearchForm.MODALITES.keySet());
		model.addAttribute("allDispositifs", SearchForm.DISPOSITIFS.stream().map(Vocabulary::label).toList());
		if (form.isEmpty()) {
			return "places/search";
		}
		Coordinates centre;
		String whereLabel;
		if (form.aroundMe()) {
			centre = new Coordinates(form.lat(), form.lon());
			whereLabel = "votre position";
		}
		else {
			Optional<TerritoryHit> territory = findTerritory(form.q());
			if (territory.isEmpty()) {
				model.addAttribute("message", "Aucune commune ni aucun code postal ne correspond à « " + form.q()
						+ " ». Vérifiez l'orthographe ou essayez le code postal.");
				return "places/search";
			}
			TerritoryHit where = territory.get();
			centre = new Coordinates(where.centre().lat(), where.centre().lon());
			whereLabel = where.libelle();
		}
		List<MediationService> services = form.selected(form.services())
			.stream()
			.map(label -> Vocabulary.findByLabel(MediationService.class, label))
			.flatMap(Optional::stream)
			.toList();
		boolean openNowFilter = form.openNow();
		boolean hoursFilter = openNowFilter || form.onSaturday();
		List<SupportMode> modes = form.selected(form.modalites())
			.stream()
			.flatMap(label -> SearchForm.MODALITES.getOrDefault(label, List.of()).stream())
			.toList();
		PlaceQuery query = new PlaceQuery(null, List.of(), List.of(), List.of(), null, services,
				labels(SpecificPublic.class, form.publics()), labels(SpecificSupport.class, form.priseEnCharge()),
				form.freeOnly() ? List.of(Fee.FREE) : List.of(), modes,
				labels(NationalProgram.class, form.dispositifs()), form.itinerantOnly(),
				new PlaceQuery.Near(centre, RADIUS_KM), 1, hoursFilter ? PlaceQuery.MAX_PAGE_SIZE : RESULTS);
		PlacePage page = directory.searchPlaces(query);
		ZonedDateTime now = ZonedDateTime.now(clock);
		List<PlaceCard> cards = page.hits()
			.stream()
			.filter(hit -> !openNowFilter || isOpen(hit.place(), now))
			.filter(hit -> !form.onSaturday() || isOpenOnSaturday(hit.place()))
			.limit(RESULTS)
			.map(hit -> PlaceCard.of(hit.place(), hit.distanceKm(), now))
			.toList();
		model.addAttribute("whereLabel", whereLabel);
		model.addAttribute("radiusKm", (int) RADIUS_KM);
		model.addAttribute("total", hoursFilter ? cards.size() : page.total());
		model.addAttribute("places", cards);
		tiles.addTo(model);
		return "places/search";
	}

	/**
	 * The territory a person means: the best hit, or — for "Saint-Pierre (974)", as
	 * suggestions and results write homonyms — the best hit of that département.
	 */
	private Optional<TerritoryHit> findTerritory(String query) {
		Matcher withDepartement = WITH_DEPARTEMENT.matcher(query.strip());
		if (withDepartement.matches()) {
			String departement = withDepartement.group(2).toUpperCase();
			Optional<TerritoryHit> inDepartement = territories.searchTerritories(withDepartement.group(1), 50)
				.stream()
				.filter(hit -> hit.centre() != null)
				.filter(hit -> departement.equals(hit.departement()) || departement.equals(hit.code()))
				.findFirst();
			if (inDepartement.isPresent()) {
				return inDepartement;
			}
		}
		return territories.searchTerritories(query, 5).stream().filter(hit -> hit.centre() != null).findFirst();
	}

	private static <E extends Enum<E> & Vocabulary> List<E> labels(Class<E> type, List<String> labels) {
		return labels == null ? List.of()
				: labels.stream().map(label -> Vocabulary.findByLabel(type, label)).flatMap(Optional::stream).toList();
	}

	/** Open at some time on an ordinary Saturday. */
	private static boolean isOpenOnSaturday(Place place) {
		if (place.openingHours() == null) {
			return false;
		}
		OpeningHours hours = OpeningHours.parse(place.openingHours());
		return hours.isSupported() && !OpeningHoursEvaluator.weeklyTable(hours).get(5).plages().isEmpty();
	}

	private static boolean isOpen(Place place, ZonedDateTime now) {
		if (place.openingHours() == null) {
			return false;
		}
		OpeningHours hours = OpeningHours.parse(place.openingHours());
		return hours.isSupported() && hours
			.isOpenAt(now.withZoneSameInstant(OpeningHoursEvaluator.PARIS).toLocalDateTime(), place.departement());
	}

	/**
	 * Territory suggestions while typing (htmx fragment): links that search the chosen
	 * territory, so choosing one is an ordinary link for keyboards and screen readers.
	 */
	@GetMapping("/suggestions")
	String suggestions(@RequestParam(name = "q", defaultValue = "") String query, Model model) {
		model.addAttribute("suggestions",
				query.strip().length() < 2 ? List.of()
						: territories.searchTerritories(query, 6)
							.stream()
							.filter(hit -> hit.centre() != null)
							.filter(hit -> !hit.type().startsWith("commune_"))
							.toList());
		return "places/suggestions :: suggestions";
	}

	@GetMapping("/lieux/{id}")
	String place(@PathVariable String id, @RequestHeader(name = "User-Agent", required = false) String userAgent,
			@RequestParam(name = "signalement", required = false) String reported, Model model) {
		Place place = directory.getPlace(id);
		if (!place.id().equals(id)) {
			// the id of a record now merged into another lieu: its page moved there
			return "redirect:/lieux/" + place.id();
		}
		ZonedDateTime now = ZonedDateTime.now(clock);
		PlacePageModel.addFormAttributes(model, clock);
		model.addAttribute("reportSent", reported != null);
		if (reported == null && ConsultationPolicy.countsAsConsultation(userAgent)) {
			directory.countConsultation(place.id(), now.withZoneSameInstant(OpeningHoursEvaluator.PARIS).toLocalDate());
		}
		model.addAttribute("place", PlaceCard.of(place, null, now, freshness.of(place)));
		return "places/place";
	}

}
