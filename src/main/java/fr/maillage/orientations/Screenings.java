package fr.maillage.orientations;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import fr.maillage.accounts.AccountPrincipal;
import fr.maillage.orientations.domain.PersonData;
import fr.maillage.orientations.domain.Screening;
import fr.maillage.orientations.domain.ScreeningRule;
import fr.maillage.orientations.domain.ScreeningRule.Suggestion;
import fr.maillage.orientations.persistence.JdbcScreeningRepository;
import fr.maillage.places.Place;
import fr.maillage.places.PlaceDirectory;
import fr.maillage.places.PlacePage;
import fr.maillage.places.PlaceQuery;
import fr.maillage.places.hours.OpeningHours;
import fr.maillage.places.hours.OpeningHoursEvaluator;
import fr.maillage.places.vocabulary.MediationService;
import fr.maillage.places.vocabulary.SpecificSupport;
import fr.maillage.shared.crypto.FieldCipher;
import fr.maillage.shared.geo.Coordinates;
import fr.maillage.shared.web.BadRequestException;
import fr.maillage.territories.CommuneProfile;
import fr.maillage.territories.Territories;
import fr.maillage.territories.TerritoryHit;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The repérage (issue 16, item 2): the person's answers give the schema's services to
 * look for ({@link ScreeningRule}), and the directory's own search
 * ({@link PlaceDirectory#searchPlaces}, as the public search asks it) gives the nearest
 * lieux offering one of them, kept when open on the days she can. Each repérage adds one
 * to anonymous counts per territory and month; its answers are kept with a person only
 * inside an orientation sent with her consent, encrypted.
 */
@Service
public class Screenings {

	/** How many lieux are suggested. */
	static final int SUGGESTED = 5;

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private final PlaceDirectory places;

	private final Territories territories;

	private final JdbcScreeningRepository repository;

	private final Orientations orientations;

	private final FieldCipher cipher;

	private final Clock clock;

	Screenings(PlaceDirectory places, Territories territories, JdbcScreeningRepository repository,
			Orientations orientations, FieldCipher cipher, Clock clock) {
		this.places = places;
		this.territories = territories;
		this.repository = repository;
		this.orientations = orientations;
		this.cipher = cipher;
		this.clock = clock;
	}

	/** Where the person lives, as the search understood it. */
	public record Where(String label, Coordinates centre, @Nullable String departement, @Nullable String epci) {
	}

	/**
	 * A lieu suggested.
	 *
	 * @param matched the suggested services it offers
	 * @param supports the specific support it declares that helps her
	 * @param week its hours, day by day, empty when unknown
	 */
	public record Suggested(Place place, double distanceKm, List<MediationService> matched,
			List<SpecificSupport> supports, boolean modeMatched, List<String> week) {
	}

	/**
	 * @param open the nearest lieux open when she can go
	 * @param hoursUnknown when fewer than {@link #SUGGESTED} are, the nearest whose hours
	 * are not known (to check by phone)
	 */
	public record Result(Suggestion suggestion, Where where, List<Suggested> open, List<Suggested> hoursUnknown) {
	}

	/**
	 * Suggests services and lieux, and counts the repérage (anonymously).
	 * @param commune where she lives (a commune, a postcode), as the public search reads
	 * it
	 * @throws BadRequestException when no commune is called so
	 */
	@Transactional
	public Result screen(Screening screening, String commune) {
		Where where = where(commune);
		Suggestion suggestion = ScreeningRule.suggest(screening);
		PlacePage page = places.searchPlaces(new PlaceQuery(null, List.of(), List.of(), List.of(), null,
				suggestion.serviceList(), List.of(), List.of(), List.of(), List.of(), List.of(), false,
				new PlaceQuery.Near(where.centre(), suggestion.radiusKm()), 1, PlaceQuery.MAX_PAGE_SIZE));
		List<Suggested> open = new ArrayList<>();
		List<Suggested> unknown = new ArrayList<>();
		for (PlacePage.Hit hit : page.hits()) {
			if (open.size() >= SUGGESTED) {
				break;
			}
			List<List<String>> week = week(hit.place());
			Suggested suggested = new Suggested(hit.place(), hit.distanceKm() == null ? 0 : hit.distanceKm(),
					hit.place().services().stream().filter(suggestion.services()::containsKey).toList(),
					hit.place().specificSupports().stream().filter(suggestion.supports()::contains).toList(),
					suggestion.supportMode() != null && hit.place().supportModes().contains(suggestion.supportMode()),
					week.isEmpty() ? List.of()
							: OpeningHoursEvaluator.weeklyTable(OpeningHours.parse(hit.place().openingHours()))
								.stream()
								.map(day -> day.jour() + " : "
										+ (day.plages().isEmpty() ? "fermé" : String.join(", ", day.plages())))
								.toList());
			if (ScreeningRule.fits(week, suggestion.days(), suggestion.moments())) {
				open.add(suggested);
			}
			else if (week.isEmpty() && unknown.size() < SUGGESTED) {
				unknown.add(suggested);
			}
		}
		if (where.departement() != null) {
			LocalDate month = LocalDate.now(clock.withZone(PARIS)).withDayOfMonth(1);
			repository.count(month, where.departement(), where.epci() == null ? "" : where.epci(), screening.codes());
		}
		return new Result(suggestion, where, open,
				unknown.subList(0, Math.min(unknown.size(), SUGGESTED - open.size())));
	}

	private static List<List<String>> week(Place place) {
		if (place.openingHours() == null || place.openingHours().isBlank()) {
			return List.of();
		}
		OpeningHours hours = OpeningHours.parse(place.openingHours());
		if (!hours.isSupported()) {
			return List.of();
		}
		return OpeningHoursEvaluator.weeklyTable(hours).stream().map(OpeningHoursEvaluator.DayHours::plages).toList();
	}

	private Where where(String commune) {
		String typed = commune == null ? "" : commune.strip();
		if (typed.isEmpty()) {
			throw new BadRequestException("commune_manquante",
					"Indiquez la commune (ou le code postal) où habite la personne, pour trouver les lieux proches.");
		}
		Optional<TerritoryHit> hit = territories.searchTerritories(typed, 5)
			.stream()
			.filter(candidate -> candidate.centre() != null)
			.findFirst();
		if (hit.isEmpty()) {
			List<TerritoryHit> close = territories.suggestTerritories(typed, 1);
			throw new BadRequestException("commune_inconnue",
					"Aucune commune ni aucun code postal ne s'écrit « " + typed + " »"
							+ (close.isEmpty() ? "." : " : vouliez-vous dire « " + close.get(0).libelle() + " » ?"));
		}
		TerritoryHit where = hit.get();
		Optional<CommuneProfile> profile = territories.findCommuneProfile(where.code());
		return new Where(where.libelle(), new Coordinates(where.centre().lat(), where.centre().lon()),
				profile.map(CommuneProfile::departement).orElse(where.departement()),
				profile.map(CommuneProfile::epci).orElse(null));
	}

	/**
	 * Sends an orientation and keeps the repérage's answers inside it, encrypted, in one
	 * transaction: only with her consent ({@link Orientations#send} refuses without it).
	 * @return the orientation's id
	 */
	@Transactional
	public String sendWithAnswers(String lieuId, PersonData person, Orientations.ConsentInput consent,
			@Nullable Screening screening, AccountPrincipal orienteur) {
		String id = orientations.send(lieuId, person, consent, orienteur);
		if (screening != null) {
			repository.insertAnswers(UUID.fromString(id),
					String.valueOf(cipher.encrypt(screening.codeLine(), id + "/reperage")));
		}
		return id;
	}

	/**
	 * The repérage kept inside an orientation: asked with the orientation as its
	 * orienteur or a receiver read it ({@link Orientations#getForAccount} checks who and
	 * logs the read), none once her data is erased.
	 */
	@Transactional(readOnly = true)
	public Optional<Screening> findAnswers(Orientations.Detail orientation) {
		if (orientation.person() == null) {
			return Optional.empty();
		}
		return findStoredAnswers(orientation.id());
	}

	/**
	 * The answers kept with an orientation, decrypted, for a caller that has checked who
	 * asks and logged the read (the administrator's copy of a person's data).
	 */
	Optional<Screening> findStoredAnswers(String orientationId) {
		return repository.findAnswers(UUID.fromString(orientationId))
			.map(stored -> cipher.decrypt(stored, orientationId + "/reperage"))
			.map(line -> Screening.readLine(line).screening());
	}

}
