package fr.maillage.places;

import java.util.Set;

import fr.maillage.places.vocabulary.MediationService;
import org.jspecify.annotations.Nullable;

/**
 * A place reduced to what maps and distance computations need: where it is and what it
 * offers. Only places with coordinates have one.
 *
 * @param codeInsee the commune the place is in, when known
 */
public record PlacePoint(String id, String name, @Nullable String codeInsee, double latitude, double longitude,
		Set<MediationService> services) {

	public PlacePoint {
		services = Set.copyOf(services);
	}

	public boolean offers(MediationService service) {
		return services.contains(service);
	}

}
