package fr.maillage.places;

import java.time.Instant;

import fr.maillage.shared.geo.Coordinates;
import org.jspecify.annotations.Nullable;

/**
 * The few fields of a source record that grouping records into lieux needs (duplicate
 * detection and the choice of a lieu's id). Every publication reads them for every
 * record, and full records only for the lieux that merge several: most records are alone
 * and are published as they are, inside the database (docs/performance.md).
 */
public record RecordOutline(String id, String importSource, String name, String commune, @Nullable String postalCode,
		@Nullable String codeInsee, @Nullable String address, @Nullable Coordinates coordinates, @Nullable String pivot,
		@Nullable Instant receivedAt) {

	public static RecordOutline of(Place record) {
		return new RecordOutline(record.id(), record.origin().importSource(), record.name(), record.commune(),
				record.postalCode(), record.codeInsee(), record.address(), record.coordinates(), record.pivot(),
				record.receivedAt());
	}

}
