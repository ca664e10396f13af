package fr.maillage.places;

import java.util.List;

import fr.maillage.places.vocabulary.Fee;
import fr.maillage.places.vocabulary.MediationService;
import fr.maillage.places.vocabulary.NationalProgram;
import fr.maillage.places.vocabulary.SpecificPublic;
import fr.maillage.places.vocabulary.SpecificSupport;
import fr.maillage.places.vocabulary.SupportMode;
import fr.maillage.shared.geo.Coordinates;
import org.jspecify.annotations.Nullable;

/**
 * Search criteria. Each list filter keeps places having at least one of its values;
 * filters combine with AND. {@code withinCommunes}, when not null, keeps places whose
 * INSEE code is one of these (a territory: EPCI, région, collectivité), so an empty list
 * matches nothing. With {@link #near} places are limited to the radius and sorted by
 * distance, otherwise by name.
 */
public record PlaceQuery(@Nullable String text, List<String> codesInsee, List<String> postalCodes,
		List<String> departements, @Nullable List<String> withinCommunes, List<MediationService> services,
		List<SpecificPublic> publics, List<SpecificSupport> specificSupports, List<Fee> fees,
		List<SupportMode> supportModes, List<NationalProgram> nationalPrograms, boolean itinerantOnly,
		@Nullable Near near, int page, int size) {

	public static final int MAX_PAGE_SIZE = 500;

	public PlaceQuery {
		codesInsee = List.copyOf(codesInsee);
		postalCodes = List.copyOf(postalCodes);
		departements = List.copyOf(departements);
		withinCommunes = withinCommunes == null ? null : List.copyOf(withinCommunes);
		services = List.copyOf(services);
		publics = List.copyOf(publics);
		specificSupports = List.copyOf(specificSupports);
		fees = List.copyOf(fees);
		supportModes = List.copyOf(supportModes);
		nationalPrograms = List.copyOf(nationalPrograms);
		if (page < 1) {
			throw new IllegalArgumentException("page must be ≥ 1");
		}
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw new IllegalArgumentException("size must be in 1.." + MAX_PAGE_SIZE);
		}
	}

	public static PlaceQuery all() {
		return new PlaceQuery(null, List.of(), List.of(), List.of(), null, List.of(), List.of(), List.of(), List.of(),
				List.of(), List.of(), false, null, 1, MAX_PAGE_SIZE);
	}

	public record Near(Coordinates centre, double radiusKm) {
	}

}
