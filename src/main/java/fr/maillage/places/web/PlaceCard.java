package fr.maillage.places.web;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import fr.maillage.places.Freshness;
import fr.maillage.places.Place;
import fr.maillage.places.hours.OpeningHours;
import fr.maillage.places.hours.OpeningHoursEvaluator;
import fr.maillage.places.hours.OpeningStatus;
import fr.maillage.places.vocabulary.MediationService;
import fr.maillage.places.vocabulary.Vocabulary;
import fr.maillage.shared.text.WebAddresses;
import org.jspecify.annotations.Nullable;

/** What the public pages show of a place, in plain French. */
public record PlaceCard(String id, String nom, String adresse, String commune, @Nullable String distance,
		List<String> services, List<String> publics, List<String> priseEnCharge, List<String> frais,
		List<String> modalites, List<String> dispositifs, List<String> acces, @Nullable String telephone,
		List<String> courriels, List<String> sitesWeb, @Nullable String priseRdv, @Nullable String ouverture,
		@Nullable String statut, List<OpeningHoursEvaluator.DayHours> semaine, @Nullable String horairesBruts,
		@Nullable String resume, @Nullable String description, @Nullable String miseAJour, Freshness fraicheur,
		boolean positionApprochee, @Nullable Double latitude, @Nullable Double longitude) {

	private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH);

	/**
	 * A card for a list of results, which shows no badge: its freshness rests on the
	 * producer's date alone.
	 */
	static PlaceCard of(Place place, @Nullable Double distanceKm, ZonedDateTime now) {
		return of(place, distanceKm, now, new PlaceFreshness.Badge(
				Freshness.of(place.updatedOn(), now.toLocalDate(), Freshness.DEFAULT_VALIDITY), place.updatedOn()));
	}

	/** A place's page, with the badge of the one freshness rule. */
	static PlaceCard of(Place place, @Nullable Double distanceKm, ZonedDateTime now, PlaceFreshness.Badge badge) {
		String opening = null;
		String status = null;
		List<OpeningHoursEvaluator.DayHours> week = List.of();
		String rawHours = null;
		if (place.openingHours() != null) {
			OpeningHours hours = OpeningHours.parse(place.openingHours());
			OpeningStatus current = OpeningHoursEvaluator.statusAt(hours, now, place.departement());
			opening = current.text();
			status = current.code();
			if (hours.isSupported()) {
				week = OpeningHoursEvaluator.weeklyTable(hours);
			}
			else {
				rawHours = place.openingHours();
			}
		}
		LocalDate vouched = badge.lastVouched();
		String address = place.address() + (place.addressComplement() == null ? "" : ", " + place.addressComplement());
		return new PlaceCard(place.id(), place.name(), address, place.postalCode() + " " + place.commune(),
				distanceKm == null ? null : formatDistance(distanceKm), labels(place.services()),
				labels(place.publics()), labels(place.specificSupports()), labels(place.fees()),
				labels(place.supportModes()), labels(place.nationalPrograms()), labels(place.accessModes()),
				place.phone(), place.emails(), safeAddresses(place.websites()),
				WebAddresses.safe(place.appointmentUrl()), opening, status, week, rawHours, place.summary(),
				place.description(), vouched == null ? null : FRENCH_DATE.format(vouched), badge.freshness(),
				place.geocoding() != null, place.coordinates() == null ? null : place.coordinates().latitude(),
				place.coordinates() == null ? null : place.coordinates().longitude());
	}

	/**
	 * Only {@code http(s)} addresses become links, whatever the database holds: imports
	 * and edits refuse the others, this is the second lock (rows written before that rule
	 * or straight into the database).
	 */
	private static List<String> safeAddresses(List<String> addresses) {
		return addresses.stream().filter(WebAddresses::isHttp).toList();
	}

	private static List<String> labels(List<? extends Vocabulary> values) {
		return values.stream().map(Vocabulary::label).toList();
	}

	private static String formatDistance(double km) {
		return FrenchNumbers.kilometres(km);
	}

	/**
	 * The services in the words of a person looking for help (« Faire mes démarches en
	 * ligne »), in the order of {@link #services}.
	 */
	public List<String> servicesEnClair() {
		return services.stream()
			.map(label -> Vocabulary.findByLabel(MediationService.class, label)
				.map(MediationService::plainWords)
				.orElse(label))
			.toList();
	}

	/** The number for a {@code tel:} link: digits and the leading plus only. */
	public @Nullable String telephoneLien() {
		return telephone == null ? null : telephone.replaceAll("[^+0-9]", "");
	}

	/** A French phone number as people read it: "04 72 77 00 66". */
	public @Nullable String telephoneLisible() {
		if (telephone == null || !telephone.startsWith("+33") || telephone.length() != 12) {
			return telephone;
		}
		String national = "0" + telephone.substring(3);
		return String.join(" ", national.substring(0, 2), national.substring(2, 4), national.substring(4, 6),
				national.substring(6, 8), national.substring(8, 10));
	}

}
