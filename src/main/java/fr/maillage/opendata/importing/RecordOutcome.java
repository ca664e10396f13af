package fr.maillage.opendata.importing;

import java.util.List;

import fr.maillage.shared.importing.ImportIssue;
import fr.maillage.places.Place;

/**
 * What became of one record: accepted (possibly with corrections) or rejected with its
 * reasons.
 */
public sealed interface RecordOutcome {

	List<ImportIssue> warnings();

	record Accepted(Place place, List<ImportIssue> warnings) implements RecordOutcome {

		public Accepted {
			warnings = List.copyOf(warnings);
		}

	}

	record Rejected(List<ImportIssue> errors, List<ImportIssue> warnings) implements RecordOutcome {

		public Rejected {
			errors = List.copyOf(errors);
			warnings = List.copyOf(warnings);
		}

	}

}
