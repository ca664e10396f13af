package fr.maillage.opendata.merging;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One source's record of a place, in the schema's text form (column → value, lists joined
 * with "|", absent values empty).
 *
 * @param updatedOn the record's {@code date_maj}, {@code null} when the source gives none
 * @param changedAt when Maillage received this content (or when it was edited, for an
 * edit); {@code null} when unknown, taken as older than any other
 */
public record SourceRecord(String source, String sourceId, @Nullable LocalDate updatedOn, @Nullable Instant changedAt,
		Map<String, String> fields) {

	public SourceRecord {
		fields = Map.copyOf(fields);
	}

	/** A record whose receipt instant does not matter (no edit is merged with it). */
	public SourceRecord(String source, String sourceId, @Nullable LocalDate updatedOn, Map<String, String> fields) {
		this(source, sourceId, updatedOn, null, fields);
	}

	/** Whether this record holds values typed in Maillage rather than a producer's. */
	public boolean isEdit() {
		return MergePolicy.EDIT_SOURCE.equals(this.source);
	}

}
