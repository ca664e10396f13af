package fr.maillage.opendata.importing;

import java.io.StringReader;
import java.util.List;

import ch.poole.openinghoursparser.OpeningHoursParseException;
import ch.poole.openinghoursparser.OpeningHoursParser;
import ch.poole.openinghoursparser.Rule;
import ch.poole.openinghoursparser.Util;

/**
 * Checks a value of the schema's {@code horaires} field against the OpenStreetMap {@code opening_hours} syntax
 * with ch.poole's parser. Valid: the strict parser accepts it, or the lenient one reads it back unchanged (e.g.
 * "Fr 19:00-11:00", past midnight). Anything else is invalid, even when the lenient parser has a guess: its guesses
 * can change the meaning ("Mo 14-17;9-12" becomes a rule for every day), so the guess is only offered as a
 * suggestion in the report.
 */
final class OpeningHoursSyntax {

	sealed interface Verdict permits Valid, Invalid {
	}

	record Valid() implements Verdict {
	}

	record Invalid(String suggestion) implements Verdict {
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
				String lenient = Util.rulesToOpeningHoursString(parse(value, false));
				if (lenient.replace(" ", "").equals(value.replace(" ", ""))) {
					return new Valid();
				}
				return new Invalid(lenient.isBlank() ? "" : "Suggestion : « " + lenient + " ».");
			}
			catch (OpeningHoursParseException | RuntimeException e) {
				return new Invalid("");
			}
		}
	}

	private static List<Rule> parse(String value, boolean strict) throws OpeningHoursParseException {
		return new OpeningHoursParser(new StringReader(value)).rules(strict);
	}

}
