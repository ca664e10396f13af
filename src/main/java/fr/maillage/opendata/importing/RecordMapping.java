package fr.maillage.opendata.importing;

import java.util.List;

import fr.maillage.shared.importing.ImportIssue;
import org.jspecify.annotations.Nullable;

/**
 * Turns a producer's own row into a record of the national schema before the usual
 * normalisation (source connectors). The import keeps the producer's original row for
 * anything it leaves out, so nothing is lost.
 */
public interface RecordMapping {

	/**
	 * The {@code date_maj} a mapping gives when its producer gives no date: the date is
	 * unknown (« date inconnue »), never the day the file arrived, which would make the
	 * record look fresh (issue 15).
	 */
	String UNKNOWN_DATE = "inconnue (source sans date)";

	/** The schema columns the mapped records have (checked like a file's header). */
	List<String> schemaColumns();

	/**
	 * The producer's columns without which the file cannot be this source's export (a
	 * file that lacks one is refused as a whole).
	 */
	default List<String> requiredSourceColumns() {
		return List.of();
	}

	Result map(RawRecord row);

	/** The schema record, or why the row is left out. */
	record Result(@Nullable RawRecord mapped, @Nullable ImportIssue refusal) {
	}

}
