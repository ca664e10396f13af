package fr.maillage.opendata.merging;

import fr.maillage.opendata.schema.SchemaField;
import org.jspecify.annotations.Nullable;

/**
 * What deduplication compares of a source record.
 *
 * @param communeKey the commune the record is in: its INSEE code when known, else its
 * folded name (the national algorithm blocks on the commune)
 * @param pivot SIRET or RIDET, {@code null} or the placeholder 00000000000000 when
 * unknown
 */
public record MergeCandidate(String id, String source, String name, String address, @Nullable String postalCode,
		String communeKey, @Nullable String communeName, double latitude, double longitude, @Nullable String pivot) {

	/** A real SIRET/RIDET, not the schema's placeholder. */
	public boolean hasPivot() {
		return pivot != null && !pivot.isBlank() && !pivot.equals(SchemaField.PIVOT_PLACEHOLDER);
	}

}
