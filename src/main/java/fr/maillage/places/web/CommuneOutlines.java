package fr.maillage.places.web;

import java.util.Comparator;
import java.util.List;

import fr.maillage.shared.geo.Coordinates;
import fr.maillage.territories.CommuneProfile;
import fr.maillage.territories.Territories;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The communes drawn under a map of results, from Maillage's own contours, so that the
 * map reads (where, which commune) without any tile server.
 */
@Component
class CommuneOutlines {

	/** Margin around the results, so that the communes at the edge show whole. */
	static final double MARGIN_DEGREES = 0.03;

	/** A bound on the page's weight: the communes nearest the searched place first. */
	static final int MAX_COMMUNES = 120;

	private final Territories territories;

	CommuneOutlines(Territories territories) {
		this.territories = territories;
	}

	/**
	 * GeoJSON of the communes whose centre lies in the box of the results (and of the
	 * searched place), or null when there is no result to show.
	 */
	@Nullable String around(Coordinates centre, List<PlaceCard> results) {
		List<PlaceCard> located = results.stream().filter(card -> card.latitude() != null).toList();
		if (located.isEmpty()) {
			return null;
		}
		double south = centre.latitude();
		double north = south;
		double west = centre.longitude();
		double east = west;
		for (PlaceCard card : located) {
			south = Math.min(south, card.latitude());
			north = Math.max(north, card.latitude());
			west = Math.min(west, card.longitude());
			east = Math.max(east, card.longitude());
		}
		double minLat = south - MARGIN_DEGREES;
		double maxLat = north + MARGIN_DEGREES;
		double minLon = west - MARGIN_DEGREES * 1.5;
		double maxLon = east + MARGIN_DEGREES * 1.5;
		List<String> codes = territories.listCurrentCommunes()
			.stream()
			.filter(commune -> commune.centre() != null)
			.filter(commune -> commune.centre().lat() >= minLat && commune.centre().lat() <= maxLat
					&& commune.centre().lon() >= minLon && commune.centre().lon() <= maxLon)
			.sorted(Comparator.comparingDouble((CommuneProfile commune) -> centre
				.distanceKmTo(new Coordinates(commune.centre().lat(), commune.centre().lon()))))
			.limit(MAX_COMMUNES)
			.map(CommuneProfile::code)
			.toList();
		// written inside a <script> element: "</" must not close it, whatever a name
		// holds
		return territories.communesGeoJson(codes).replace("</", "<\\/");
	}

}
