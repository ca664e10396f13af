package fr.maillage.places.printing;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import fr.maillage.places.Place;
import fr.maillage.places.hours.HoursInWords;
import fr.maillage.places.hours.OpeningHours;
import fr.maillage.places.hours.OpeningHoursEvaluator;
import fr.maillage.places.vocabulary.Fee;
import fr.maillage.places.vocabulary.MediationService;
import fr.maillage.places.vocabulary.Vocabulary;
import org.jspecify.annotations.Nullable;

/**
 * What paper says of a place, in plain words: for a poster, a directory, an orientation
 * sheet and the text a person sends from her phone.
 *
 * @param horaires the week day by day ("Lundi : 9 h – 12 h, 14 h – 17 h"), empty when the
 * hours cannot be read as a week
 * @param horairesEnMots the hours in one sentence, or as written when they have no words
 * @param url the place's page on the public site
 */
public record PrintedPlace(String id, String nom, String adresse, String commune, @Nullable String codeInsee,
		@Nullable String telephone, List<String> horaires, @Nullable String horairesEnMots, List<String> services,
		@Nullable String frais, List<String> acces, @Nullable String accessibilite, String url,
		@Nullable String miseAJour, @Nullable Double latitude, @Nullable Double longitude) {

	private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH);

	public static PrintedPlace of(Place place, String url) {
		List<String> week = List.of();
		String inWords = null;
		if (place.openingHours() != null && !place.openingHours().isBlank()) {
			OpeningHours hours = OpeningHours.parse(place.openingHours());
			if (hours.isSupported()) {
				week = OpeningHoursEvaluator.weeklyTable(hours)
					.stream()
					.map(day -> day.jour() + " : "
							+ (day.plages().isEmpty() ? "fermé" : frenchTimes(String.join(", ", day.plages()))))
					.toList();
			}
			inWords = HoursInWords.words(place.openingHours()).orElse(place.openingHours());
		}
		String address = place.address() + (place.addressComplement() == null ? "" : ", " + place.addressComplement());
		return new PrintedPlace(place.id(), place.name(), address, place.postalCode() + " " + place.commune(),
				place.codeInsee(), readablePhone(place.phone()), week, inWords,
				place.services().stream().map(MediationService::plainWords).toList(), fees(place.fees()),
				place.accessModes().stream().map(Vocabulary::label).toList(),
				place.accessibilitySheetUrl() == null ? null
						: "Fiche d’accessibilité : " + place.accessibilitySheetUrl(),
				url, place.updatedOn() == null ? null : FRENCH_DATE.format(place.updatedOn()),
				place.coordinates() == null ? null : place.coordinates().latitude(),
				place.coordinates() == null ? null : place.coordinates().longitude());
	}

	/**
	 * "9:00 – 12:00" → "9 h – 12 h", "14:30" → "14 h 30": as French signs write hours.
	 */
	static String frenchTimes(String spans) {
		return spans.replaceAll("(\\d{1,2}):00", "$1\u00a0h").replaceAll("(\\d{1,2}):(\\d{2})", "$1\u00a0h\u00a0$2");
	}

	private static @Nullable String fees(List<Fee> fees) {
		if (fees.isEmpty()) {
			return null;
		}
		return String.join(", ", fees.stream().map(Fee::label).toList());
	}

	/** A French number as people read it: "04 72 77 00 66". */
	static @Nullable String readablePhone(@Nullable String phone) {
		if (phone == null || !phone.startsWith("+33") || phone.length() != 12) {
			return phone;
		}
		String national = "0" + phone.substring(3);
		return String.join("\u00a0", national.substring(0, 2), national.substring(2, 4), national.substring(4, 6),
				national.substring(6, 8), national.substring(8, 10));
	}

	/** The hours of one day of the week (1 Monday … 7 Sunday), or empty when unknown. */
	public Optional<String> hoursOn(int dayOfWeek) {
		return horaires.size() == 7 ? Optional.of(horaires.get(dayOfWeek - 1)) : Optional.empty();
	}

	/**
	 * The short text a person copies or sends by SMS: name, address, phone, hours today
	 * and this week, link. Plain text, no formatting that a phone would garble.
	 */
	public String shortText(LocalDate today) {
		StringBuilder text = new StringBuilder(nom).append('\n').append(adresse).append(", ").append(commune);
		if (telephone != null) {
			text.append("\nTél. ").append(telephone);
		}
		Optional<String> todayHours = hoursOn(today.getDayOfWeek().getValue());
		if (todayHours.isPresent()) {
			text.append("\nAujourd’hui (").append(todayHours.get().toLowerCase(Locale.FRENCH)).append(')');
			text.append("\nHoraires : ");
			text.append(String.join(" ; ", horaires.stream().filter(day -> !day.endsWith("fermé")).toList()));
		}
		else if (horairesEnMots != null) {
			text.append("\nHoraires : ").append(horairesEnMots);
		}
		text.append('\n').append(url);
		return text.toString();
	}

}
