package fr.maillage.coordination.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Reads a meeting as typed in the form or sent to the API (issue 18), every problem in
 * French next to its field. Times are typed in Europe/Paris local time («
 * 2026-06-15T14:00 ») or, through the API, with an offset; they are kept as instants.
 */
public final class MeetingRules {

	/** Where Maillage's meetings take place: their times are typed and shown there. */
	public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	/** The fields, as the form and the API name them. */
	public static final List<String> FIELDS = List.of("titre", "instance", "departement", "epci", "debut", "fin",
			"adresse", "lien_visio", "ordre_du_jour", "rencontre_annuelle", "inscription_publique");

	static final int MAX_TITLE = 200;

	static final int MAX_TEXT = 5_000;

	static final Duration MAX_LENGTH = Duration.ofDays(3);

	private static final Pattern SIREN = Pattern.compile("\\d{9}");

	/** What reading gave: a meeting, or its problems by field. */
	public sealed interface Reading {

		record Accepted(MeetingEntry entry) implements Reading {
		}

		record Refused(Map<String, String> errors) implements Reading {
		}

	}

	private MeetingRules() {
	}

	/**
	 * @param departements the known codes (upper case), 69D and 69M included
	 */
	public static Reading read(Map<String, String> fields, Set<String> departements) {
		Map<String, String> errors = new LinkedHashMap<>();
		String title = text(fields, "titre");
		if (title == null) {
			errors.put("titre", "Donnez un titre à la réunion.");
		}
		else if (title.length() > MAX_TITLE) {
			errors.put("titre", "Le titre est trop long (" + MAX_TITLE + " caractères au plus).");
		}
		String departement = text(fields, "departement");
		if (departement == null) {
			errors.put("departement", "Choisissez le département de la réunion.");
		}
		else {
			departement = departement.toUpperCase(Locale.ROOT);
			if (!departements.contains(departement)) {
				errors.put("departement",
						"« " + departement + " » n'est pas un code de département (par exemple 69, " + "69M ou 2A).");
			}
		}
		String epci = text(fields, "epci");
		if (epci != null && !SIREN.matcher(epci.replace(" ", "")).matches()) {
			errors.put("epci", "Le SIREN d'une intercommunalité s'écrit avec 9 chiffres.");
		}
		else if (epci != null) {
			epci = epci.replace(" ", "");
		}
		Instant start = time(fields, "debut", "début", errors);
		Instant end = time(fields, "fin", "fin", errors);
		if (start != null && end != null) {
			if (!end.isAfter(start)) {
				errors.put("fin", "La fin doit venir après le début.");
			}
			else if (Duration.between(start, end).compareTo(MAX_LENGTH) > 0) {
				errors.put("fin", "Une réunion dure au plus 3 jours : vérifiez les dates.");
			}
		}
		String address = text(fields, "adresse");
		String video = text(fields, "lien_visio");
		if (address == null && video == null) {
			errors.put("adresse", "Indiquez l'adresse de la réunion, ou son lien de visioconférence.");
		}
		if (address != null && address.length() > 500) {
			errors.put("adresse", "L'adresse est trop longue (500 caractères au plus).");
		}
		if (video != null) {
			String problem = videoProblem(video);
			if (problem != null) {
				errors.put("lien_visio", problem);
			}
		}
		String agenda = text(fields, "ordre_du_jour");
		if (agenda != null && agenda.length() > MAX_TEXT) {
			errors.put("ordre_du_jour", "L'ordre du jour est trop long (" + MAX_TEXT + " caractères au plus).");
		}
		Boolean annual = bool(fields, "rencontre_annuelle", errors);
		Boolean open = bool(fields, "inscription_publique", errors);
		String body = text(fields, "instance");
		if (!errors.isEmpty()) {
			return new Reading.Refused(errors);
		}
		return new Reading.Accepted(new MeetingEntry(title, body, departement, epci, start, end, address, video, agenda,
				Boolean.TRUE.equals(annual), Boolean.TRUE.equals(open)));
	}

	/** Why a video link cannot be used; null when it can. */
	static @Nullable String videoProblem(String link) {
		try {
			URI uri = new URI(link);
			if (uri.getScheme() == null || !uri.getScheme().equalsIgnoreCase("https")) {
				return "Le lien de visioconférence doit commencer par https:// (une adresse http:// n'est pas "
						+ "chiffrée).";
			}
			if (uri.getHost() == null || !uri.getHost().contains(".")) {
				return "Ce lien de visioconférence n'est pas une adresse web complète (https://…).";
			}
			if (link.length() > 500) {
				return "Le lien de visioconférence est trop long (500 caractères au plus).";
			}
			return null;
		}
		catch (URISyntaxException notALink) {
			return "Ce lien de visioconférence n'est pas une adresse web valide (https://…).";
		}
	}

	/**
	 * A time as typed: local to Paris (« 2026-06-15T14:00 », seconds optional, a space
	 * instead of the T accepted), or with an offset (« 2026-06-15T14:00:00+02:00 »).
	 * @return null when absent or wrong (the problem is in errors)
	 */
	static @Nullable Instant time(Map<String, String> fields, String field, String label, Map<String, String> errors) {
		String value = text(fields, field);
		if (value == null) {
			errors.put(field, "Indiquez la date et l'heure de " + label + ".");
			return null;
		}
		Instant parsed = parseTime(value);
		if (parsed == null) {
			errors.put(field, "« " + value + " » n'est pas une date et une heure (par exemple 2026-06-15T14:00, "
					+ "heure de Paris).");
		}
		return parsed;
	}

	/** A local (Paris) or offset time, or null. */
	public static @Nullable Instant parseTime(String value) {
		String typed = value.strip().replace(' ', 'T');
		try {
			return OffsetDateTime.parse(typed).toInstant();
		}
		catch (DateTimeException notOffset) {
			try {
				LocalDateTime local = LocalDateTime.parse(typed, DateTimeFormatter.ISO_LOCAL_DATE_TIME);
				if (local.getYear() < 2000 || local.getYear() > 2100) {
					return null;
				}
				// a time skipped by the spring change moves forward, as clocks do
				return local.atZone(PARIS).toInstant();
			}
			catch (DateTimeException notLocal) {
				return null;
			}
		}
	}

	/** An instant as the form's datetime-local field shows it, in Paris. */
	public static String local(Instant instant) {
		return LocalDateTime.ofInstant(instant, PARIS).format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
	}

	private static @Nullable Boolean bool(Map<String, String> fields, String field, Map<String, String> errors) {
		String value = text(fields, field);
		if (value == null) {
			return false;
		}
		return switch (value.toLowerCase(Locale.ROOT)) {
			case "oui", "true", "on", "1" -> true;
			case "non", "false", "off", "0" -> false;
			default -> {
				errors.put(field, "« " + value + " » : répondez oui ou non.");
				yield null;
			}
		};
	}

	private static @Nullable String text(Map<String, String> fields, String field) {
		String value = fields.get(field);
		return value == null || value.isBlank() ? null : value.strip();
	}

}
