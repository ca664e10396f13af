package fr.maillage.places;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** One page of search results; {@code total} counts every match, not only this page. */
public record PlacePage(long total, int page, int size, List<Hit> hits) {

	public PlacePage {
		hits = List.copyOf(hits);
	}

	/** A place and, for a search around a point, its distance to that point. */
	public record Hit(Place place, @Nullable Double distanceKm) {
	}

}
