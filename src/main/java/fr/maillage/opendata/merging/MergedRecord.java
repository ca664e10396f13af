package fr.maillage.opendata.merging;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A place as the merge of its source records, with where each field comes from.
 *
 * @param fields the published values (schema text form)
 * @param sources the records merged, in the policy's order
 * @param provenance per field, every source's value and whether it was kept
 */
public record MergedRecord(Map<String, String> fields, List<SourceRef> sources,
		Map<String, List<Contribution>> provenance) {

	/** One of the merged records. */
	public record SourceRef(String source, String id) {
	}

	/** What one source said for one field. */
	public record Contribution(String source, String id, @Nullable LocalDate updatedOn, String value, boolean kept) {
	}

}
