package fr.maillage.places.web;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
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
import fr.maillage.shared.web.PublicAddress;
import fr.maillage.territories.Territories;
import fr.maillage.territories.TerritoryHit;
import jakarta.servlet.http.HttpServletRequest;
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

	/**
	 * Pages beyond this are not read: 5 000 places around one commune is not a list to
	 * page through.
	 */
	static final int MAX_PAGE = 250;

	/** How far to look for the nearest place when none is within the radius. */
	static final double FAR_KM = 1500;

	private static final Pattern WITH_DEPARTEMENT = Pattern.compile("^(.+) \\((\\w{2,3})\\)$");

	private final PlaceDirectory directory;

	private final Territories territories;

	private final Clock clock;

	private final MapTiles tiles;

	private final PlaceFreshness freshness;

	private final CommuneOutlines outlines;

	private final PublicAddress publicAddress;

	PublicSearchController(PlaceDirectory directory, Territories territories, Clock clock, MapTiles tiles,
			PlaceFreshness freshness, CommuneOutlines outlines, PublicAddress publicAddress) {
		this.publicAddress = publicAddress;
		this.outlines = outlines;
		this.freshness = freshness;
		this.directory = directory;
		this.territories = territories;
		this.clock = clock;
		this.tiles = tiles;
	}

	@GetMapping("/")
	String search(SearchForm form, HttpServletRequest request, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("allServices",
				Arrays.stream(MediationService.values())
					.map(service -> new Choice(service.label(), service.plainWords()))
					.toList());
		model.addAttribute("allPublics", Arrays.stream(SpecificPublic.values()).map(Vocabulary::label).toList());
		model.addAttribute("allSupports", Arrays.stream(SpecificSupport.values()).map(Vocabulary::label).toList());
		model.addAttribute("allModalites", SearchForm.MODALITES.keySet());
		model.addAttribute("allDispositifs", SearchForm.DISPOSITIFS.stream().map(Vocabulary::label).toList());
		if (form.isEmpty()) {
			return "places/search";
		}
		SearchLinks links = new SearchLinks(request);
		Coordinates centre;
		String whereLabel;
		if (form.aroundMe()) {
			centre = new Coordinates(form.lat(), form.lon());
			whereLabel = "votre position";
		}
		else {
			Optional<TerritoryHit> territory = findTerritory(form.q());
			if (territory.isEmpty()) {
				explainUnknownPlace(form.q(), links, model);
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
		int pageNumber = form.pageNumber();
		// hours are evaluated here, not in SQL: such a search reads every place in the
		// radius and pages the ones that pass
		PlaceQuery query = new PlaceQuery(null, List.of(), List.of(), List.of(), null, services,
				labels(SpecificPublic.class, form.publics()), labels(SpecificSupport.class, form.priseEnCharge()),
				form.freeOnly() ? List.of(Fee.FREE) : List.of(), modes,
				labels(NationalProgram.class, form.dispositifs()), form.itinerantOnly(),
				new PlaceQuery.Near(centre, RADIUS_KM), hoursFilter ? 1 : Math.min(pageNumber, MAX_PAGE),
				hoursFilter ? PlaceQuery.MAX_PAGE_SIZE : RESULTS);
		PlacePage page = directory.searchPlaces(query);
		ZonedDateTime now = ZonedDateTime.now(clock);
		List<PlacePage.Hit> hits = page.hits();
		long total = page.total();
		if (hoursFilter) {
			List<PlacePage.Hit> open = hits.stream()
				.filter(hit -> !openNowFilter || isOpen(hit.place(), now))
				.filter(hit -> !form.onSaturday() || isOpenOnSaturday(hit.place()))
				.toList();
			total = open.size();
			int from = Math.min((pageNumber - 1) * RESULTS, open.size());
			hits = open.subList(from, Math.min(from + RESULTS, open.size()));
		}
		int pages = (int) Math.max(1, (total + RESULTS - 1) / RESULTS);
		if (pageNumber > pages && total > 0) {
			// a page beyond the last (an old link, a hand-written URL): the last one
			return "redirect:" + links.page(pages);
		}
		List<PlaceCard> cards = hits.stream().map(hit -> PlaceCard.of(hit.place(), hit.distanceKm(), now)).toList();
		model.addAttribute("whereLabel", whereLabel);
		model.addAttribute("radiusKm", (int) RADIUS_KM);
		model.addAttribute("total", total);
		model.addAttribute("totalText", FrenchNumbers.format(total));
		model.addAttribute("places", cards);
		if (total > RESULTS) {
			int first = (pageNumber - 1) * RESULTS + 1;
			model.addAttribute("pageText", "Lieux " + FrenchNumbers.format(first) + " à "
					+ FrenchNumbers.format(first + cards.size() - 1) + ", les plus proches d’abord");
			model.addAttribute("firstIndex", first);
			if (pageNumber > 1) {
				model.addAttribute("previousUrl", links.page(pageNumber - 1));
				model.addAttribute("previousText", "Voir les " + RESULTS + " lieux précédents");
			}
			if (pageNumber < pages) {
				long following = Math.min(RESULTS, total - (long) pageNumber * RESULTS);
				model.addAttribute("nextUrl", links.page(pageNumber + 1));
				model.addAttribute("nextText", following == 1 ? "Voir le lieu suivant"
						: "Voir les " + FrenchNumbers.format(following) + " lieux suivants");
			}
		}
		if (total == 0) {
			explainNoPlaceNear(form, centre, whereLabel, links, model);
		}
		model.addAttribute("contours", outlines.around(centre, cards));
		tiles.addTo(model);
		return "places/search";
	}

	/**
	 * A service offered in the form: the standard's term is the value, plain words show
	 * first.
	 */
	record Choice(String value, String plainWords) {
	}

	/**
	 * Nothing is called what the person typed: a close spelling, when there is one, is a
	 * link that searches it with the same criteria.
	 */
	private void explainUnknownPlace(String typed, SearchLinks links, Model model) {
		List<TerritoryHit> close = new ArrayList<>(territories.suggestTerritories(typed, 3));
		// then names a later word of which starts so (« Lyonn » → Cognat-Lyonne)
		territories.searchTerritories(typed, 5)
			.stream()
			.filter(hit -> hit.centre() != null && !close.contains(hit))
			.filter(hit -> territories.matchesOnlyALaterWord(typed, hit))
			.limit(Math.max(0, 3 - close.size()))
			.forEach(close::add);
		if (close.isEmpty()) {
			model.addAttribute("message", "Aucune commune ni aucun code postal ne s’écrit « " + typed
					+ " ». Vérifiez l’orthographe, ou essayez le code postal (par exemple 69100).");
			return;
		}
		model.addAttribute("message", "Aucune commune ni aucun code postal ne s’écrit exactement « " + typed + " ».");
		model.addAttribute("helpLead",
				close.size() == 1 ? "Vouliez-vous dire :" : "Vouliez-vous dire l’une de ces communes ?");
		model.addAttribute("helpLinks",
				close.stream().map(hit -> new HelpLink(hit.libelle(), links.searching(hit.libelle()))).toList());
	}

	/**
	 * No place within the radius: with criteria, how many places there are without them;
	 * without, where the nearest place Maillage knows is — a place outside the
	 * territories its sources cover is said so, not left with « aucun lieu ».
	 */
	private void explainNoPlaceNear(SearchForm form, Coordinates centre, String whereLabel, SearchLinks links,
			Model model) {
		if (form.hasCriteria()) {
			long withoutCriteria = directory.searchPlaces(nearQuery(centre, RADIUS_KM)).total();
			if (withoutCriteria > 0) {
				model.addAttribute("message", "Aucun lieu ne répond à tous vos critères à moins de " + (int) RADIUS_KM
						+ " km de " + whereLabel + ".");
				model.addAttribute("helpLinks",
						List.of(new HelpLink(
								"Voir les " + FrenchNumbers.format(withoutCriteria) + " lieu"
										+ (withoutCriteria > 1 ? "x" : "") + " sans ces critères",
								links.withoutCriteria(form))));
				return;
			}
		}
		List<PlacePage.Hit> nearest = directory.searchPlaces(nearQuery(centre, FAR_KM)).hits();
		if (nearest.isEmpty() || nearest.get(0).distanceKm() == null) {
			model.addAttribute("message",
					"Maillage ne connaît encore aucun lieu à moins de " + (int) RADIUS_KM + " km de " + whereLabel
							+ " : il rassemble les lieux que publient ses sources, "
							+ "qui ne couvrent pas encore tout le pays.");
		}
		else {
			Place place = nearest.get(0).place();
			model.addAttribute("message",
					"Maillage ne connaît encore aucun lieu à moins de " + (int) RADIUS_KM + " km de " + whereLabel
							+ " : il rassemble les lieux que publient ses sources, "
							+ "qui ne couvrent pas encore tout le pays. Le lieu le plus proche qu’il connaisse est à "
							+ FrenchNumbers.kilometres(nearest.get(0).distanceKm()) + ".");
			model.addAttribute("helpLinks",
					List.of(new HelpLink(place.name() + " (" + place.commune() + ")", links.place(place.id()))));
		}
		model.addAttribute("nationalMap", true);
	}

	private static PlaceQuery nearQuery(Coordinates centre, double radiusKm) {
		return new PlaceQuery(null, List.of(), List.of(), List.of(), null, List.of(), List.of(), List.of(), List.of(),
				List.of(), List.of(), false, new PlaceQuery.Near(centre, radiusKm), 1, 1);
	}

	/** A link offered when a search found nothing: its words and where it goes. */
	record HelpLink(String text, String href) {
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
		Optional<TerritoryHit> best = territories.searchTerritories(query, 5)
			.stream()
			.filter(hit -> hit.centre() != null)
			.findFirst();
		if (best.isPresent() && territories.matchesOnlyALaterWord(query, best.get())
				&& territories.suggestTerritories(query, 1).stream().anyMatch(close -> !close.equals(best.get()))) {
			// « Lyonn »: a name misspelt by a letter (Lyon) before the second word of
			// another (Cognat-Lyonne); both are offered, nothing is searched unasked.
			// « Arbresle » is L'Arbresle either way: searched at once.
			return Optional.empty();
		}
		return best;
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
			@RequestParam(name = "signalement", required = false) String reported,
			@RequestParam(name = "envoi", required = false) String sent, Model model) {
		Place place = directory.getPlace(id);
		if (!place.id().equals(id)) {
			// the id of a record now merged into another lieu: its page moved there
			return "redirect:/lieux/" + place.id();
		}
		ZonedDateTime now = ZonedDateTime.now(clock);
		PlacePageModel.addFormAttributes(model, clock);
		model.addAttribute("reportSent", reported != null);
		model.addAttribute("placeSent", sent != null);
		if (reported == null && sent == null && ConsultationPolicy.countsAsConsultation(userAgent)) {
			directory.countConsultation(place.id(), now.withZoneSameInstant(OpeningHoursEvaluator.PARIS).toLocalDate());
		}
		model.addAttribute("place", PlaceCard.of(place, null, now, freshness.of(place)));
		PlacePageModel.addSending(place, now, publicAddress, model);
		return "places/place";
	}

}
