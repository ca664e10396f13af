package fr.maillage.orientations;

import java.time.Instant;
import java.util.UUID;

import fr.maillage.orientations.persistence.JdbcOrientationIndicatorsRepository;
import fr.maillage.places.Place;
import fr.maillage.territories.CommuneProfile;
import fr.maillage.territories.Territories;
import org.springframework.stereotype.Component;

/**
 * Where an orientation was sent (issue 16, indicators): the lieu's département, commune
 * and the commune's EPCI, recorded with the orientation so that the territory's figures
 * neither read the directory (lieux are republished, merged, removed) nor join the
 * communes at every count.
 */
@Component
class OrientationTerritories {

	private final JdbcOrientationIndicatorsRepository repository;

	private final Territories territories;

	OrientationTerritories(JdbcOrientationIndicatorsRepository repository, Territories territories) {
		this.repository = repository;
		this.territories = territories;
	}

	void record(UUID orientationId, Place place, Instant sentAt) {
		String epci = place.codeInsee() == null ? null
				: territories.findCommuneProfile(place.codeInsee()).map(CommuneProfile::epci).orElse(null);
		repository.insertTerritory(orientationId, place.departement(), place.codeInsee(), epci, sentAt);
	}

}
