package fr.maillage.places;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Where a place record comes from: the import source it was received through and the
 * producer's own id, which the schema only guarantees unique inside one producer's file.
 */
public record PlaceOrigin(String importSource, String sourceId) {

	/**
	 * Name-based, so the same record imported again keeps its Maillage id (idempotent
	 * imports).
	 */
	public String placeId() {
		return UUID.nameUUIDFromBytes((importSource + "\u0000" + sourceId).getBytes(StandardCharsets.UTF_8)).toString();
	}

}
