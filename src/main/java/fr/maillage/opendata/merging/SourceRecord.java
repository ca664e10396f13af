package fr.maillage.opendata.merging;

import java.time.LocalDate;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One source's record of a place, in the schema's text form (column → value, lists joined
 * with "|", absent values empty).
 *
 * @param updatedOn the record's {@code date_maj}, {@code null} when the source gives none
 */
public record SourceRecord(String source, String sourceId, @Nullable LocalDate updatedOn, Map<String, String> fields) {

	public SourceRecord {
		fields = Map.copyOf(fields);
	}

}
