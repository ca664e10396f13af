package fr.maillage.opendata.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import fr.maillage.opendata.schema.Vocabularies;
import fr.maillage.opendata.schema.VocabularyMatcher;
import fr.maillage.places.PlaceQuery;
import fr.maillage.places.vocabulary.Vocabulary;
import fr.maillage.shared.geo.Coordinates;
import fr.maillage.shared.web.BadRequestException;
import fr.maillage.territories.Territories;
import fr.maillage.territories.TerritoryLevel;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

/**
 * Reads the search parameters of the API (named as the schema's fields) into a
 * {@link PlaceQuery}. A list parameter may be repeated or hold values separated by "|";
 * vocabulary values are matched like imports are (case and accents do not matter). Every
 * mistake is answered in French with what would have been right.
 */
final class PlaceQueryParameters {

	static final int DEFAULT_PAGE_SIZE = 50;

	static final double DEFAULT_RADIUS_KM = 10;

	static final double MAX_RADIUS_KM = 1000;

	private static final java.util.regex.Pattern COLLECTIVITY = java.util.regex.Pattern.compile("^\\d{2}[A-Z]$");

	private final MultiValueMap<String, String> parameters;

	private final Territories territories;

	private PlaceQueryParameters(MultiValueMap<String, String> parameters, Territories territories) {
		this.parameters = parameters;
		this.territories = territories;
	}

	static PlaceQuery read(MultiValueMap<String, String> parameters, Territories territories) {
		return new PlaceQueryParameters(parameters, territories).toQuery();
	}

	private PlaceQuery toQuery() {
		int page = integer("page", 1);
		int size = integer("taille", DEFAULT_PAGE_SIZE);
		if (page < 1) {
			throw new BadRequestException("parametre_invalide", "« page » commence à 1.");
		}
		if (size < 1 || size > PlaceQuery.MAX_PAGE_SIZE) {
			throw new BadRequestException("parametre_invalide",
					"« taille » doit être comprise entre 1 et " + PlaceQuery.MAX_PAGE_SIZE + ".");
		}
		List<String> departements = codes("departement");
		return new PlaceQuery(single("q"), codes("code_insee"), codes("code_postal"),
				departements.stream().filter(code -> !COLLECTIVITY.matcher(code).matches()).toList(),
				withinCommunes(departements), vocabulary("services", Vocabularies.SERVICES),
				vocabulary("publics", Vocabularies.PUBLICS),
				vocabulary("prise_en_charge", Vocabularies.SPECIFIC_SUPPORTS), vocabulary("frais", Vocabularies.FEES),
				vocabulary("modalites_accompagnement", Vocabularies.SUPPORT_MODES),
				vocabulary("dispositifs", Vocabularies.NATIONAL_PROGRAMS), "true".equals(single("itinerant")), near(),
				page, size);
	}

	/**
	 * The communes of the territories asked for with {@code epci}, {@code region} or a
	 * collectivité as {@code departement} (69D, 69M); values of one parameter add up,
	 * parameters intersect. {@code null} when none is asked.
	 */
	private @Nullable List<String> withinCommunes(List<String> departements) {
		List<java.util.Set<String>> sets = new ArrayList<>();
		List<String> collectivities = departements.stream()
			.filter(code -> COLLECTIVITY.matcher(code).matches())
			.toList();
		if (!collectivities.isEmpty()) {
			sets.add(communesOf(TerritoryLevel.DEPARTEMENT, "departement", collectivities));
		}
		if (!values("epci").isEmpty()) {
			sets.add(communesOf(TerritoryLevel.EPCI, "epci", values("epci")));
		}
		if (!values("region").isEmpty()) {
			sets.add(communesOf(TerritoryLevel.REGION, "region", values("region")));
		}
		if (sets.isEmpty()) {
			return null;
		}
		java.util.Set<String> within = new java.util.TreeSet<>(sets.get(0));
		sets.forEach(within::retainAll);
		return List.copyOf(within);
	}

	private java.util.Set<String> communesOf(TerritoryLevel level, String parameter, List<String> codes) {
		java.util.Set<String> communes = new java.util.HashSet<>();
		for (String code : codes) {
			List<String> found = territories.listCommuneCodes(level, code);
			if (found.isEmpty()) {
				throw new BadRequestException("territoire_inconnu",
						"Territoire inconnu pour « " + parameter + " » : « " + code + " ».");
			}
			communes.addAll(found);
		}
		return communes;
	}

	private PlaceQuery.@Nullable Near near() {
		String lat = single("lat");
		String lon = single("lon");
		String radius = single("rayon_km");
		if (lat == null && lon == null) {
			if (radius != null) {
				throw new BadRequestException("parametre_invalide", "« rayon_km » s'utilise avec « lat » et « lon ».");
			}
			return null;
		}
		if (lat == null || lon == null) {
			throw new BadRequestException("parametre_invalide", "« lat » et « lon » s'utilisent ensemble.");
		}
		double latitude = decimal("lat", lat);
		double longitude = decimal("lon", lon);
		double radiusKm = radius == null ? DEFAULT_RADIUS_KM : decimal("rayon_km", radius);
		if (!Coordinates.isValid(latitude, longitude)) {
			throw new BadRequestException("parametre_invalide",
					"Coordonnées hors limites : latitude entre -90 et 90, longitude entre -180 et 180.");
		}
		if (!(radiusKm > 0 && radiusKm <= MAX_RADIUS_KM)) {
			throw new BadRequestException("parametre_invalide",
					"« rayon_km » doit être compris entre 0 (exclu) et " + (int) MAX_RADIUS_KM + ".");
		}
		return new PlaceQuery.Near(new Coordinates(latitude, longitude), radiusKm);
	}

	private @Nullable String single(String name) {
		String value = parameters.getFirst(name);
		return value == null || value.isBlank() ? null : value.strip();
	}

	private List<String> values(String name) {
		List<String> values = new ArrayList<>();
		for (String raw : parameters.getOrDefault(name, List.of())) {
			Arrays.stream(raw.split("\\|")).map(String::strip).filter(v -> !v.isEmpty()).forEach(values::add);
		}
		return values;
	}

	private List<String> codes(String name) {
		return values(name).stream().map(String::toUpperCase).toList();
	}

	private <E extends Enum<E> & Vocabulary> List<E> vocabulary(String name, VocabularyMatcher<E> matcher) {
		List<E> found = new ArrayList<>();
		for (String value : values(name)) {
			Optional<VocabularyMatcher.Match<E>> match = matcher.match(value);
			if (match.isEmpty()) {
				throw new BadRequestException(
						"valeur_inconnue", "Valeur inconnue pour « " + name + " » : « " + value
								+ " ». Valeurs possibles : " + String.join(" ; ", matcher.labels()) + ".",
						matcher.labels());
			}
			found.add(match.get().value());
		}
		return found;
	}

	private int integer(String name, int defaultValue) {
		String value = single(name);
		if (value == null) {
			return defaultValue;
		}
		try {
			return Integer.parseInt(value);
		}
		catch (NumberFormatException e) {
			throw new BadRequestException("parametre_invalide", "« " + name + " » doit être un nombre entier.");
		}
	}

	private static double decimal(String name, String value) {
		try {
			double number = Double.parseDouble(value.replace(',', '.'));
			if (!Double.isFinite(number)) {
				throw new NumberFormatException();
			}
			return number;
		}
		catch (NumberFormatException e) {
			throw new BadRequestException("parametre_invalide", "« " + name + " » doit être un nombre.");
		}
	}

}
