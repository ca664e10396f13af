package fr.maillage.places;

import java.util.List;

/**
 * A lieu of the published directory and the source records it merges.
 *
 * @param place the published content; its id is the id of one of its records
 * @param memberIds ids of the source records merged, its own record included
 */
public record PublishedPlace(Place place, List<String> memberIds) {

	public PublishedPlace {
		memberIds = List.copyOf(memberIds);
	}

}
