package fr.maillage.opendata.importing;

import java.io.StringReader;
import java.util.List;

import ch.poole.openinghoursparser.OpeningHoursParseException;
import ch.poole.openinghoursparser.OpeningHoursParser;
import ch.poole.openinghoursparser.Rule;
import ch.poole.openinghoursparser.Util;

/**
 * Checks a value of the schema's {@code horaires} field against the OpenStreetMap {@code opening_hours} syntax
 * with ch.poole's parser: valid as written, fixable by its lenient mode (then rewritten in canonical form), or
 * invalid.
 */
final class OpeningHoursSyntax {

	sealed interface Verdict permits Valid, Corrected, Invalid {
	}

	record Valid() implements Verdict {
	}

	record Corrected(String normalised) implements Verdict {
	}

	record Invalid(String reason) implements Verdict {
	}

	private OpeningHoursSyntax() {
	}

	static Verdict check(String value) {
		try {
			parse(value, true);
			return new Valid();
		}
		catch (OpeningHoursParseException | RuntimeException strictFailure) {
			try {
				String normalised = Util.rulesToOpeningHoursString(parse(value, false));
				return normalised.isBlank() ? new Invalid("Aucune règle lisible.") : new Corrected(normalised);
			}
			catch (OpeningHoursParseException | RuntimeException e) {
				String reason = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
				return new Invalid(reason);
			}
		}
	}

	private static List<Rule> parse(String value, boolean strict) throws OpeningHoursParseException {
		return new OpeningHoursParser(new StringReader(value)).rules(strict);
	}

}
