package fr.maillage.opendata.importing;

import java.io.StringReader;
import java.util.List;
import java.util.regex.Pattern;

import ch.poole.openinghoursparser.OpeningHoursParseException;
import ch.poole.openinghoursparser.OpeningHoursParser;
import ch.poole.openinghoursparser.Rule;
import ch.poole.openinghoursparser.Util;

/**
 * Checks a value of the schema's {@code horaires} field against the OpenStreetMap
 * {@code opening_hours} syntax with ch.poole's parser. Valid: the strict parser accepts
 * it, or the lenient one reads it back unchanged (e.g. "Fr 19:00-11:00", past midnight).
 * Anything else is invalid, even when the lenient parser has a guess: its guesses can
 * change the meaning ("Mo 14-17;9-12" becomes a rule for every day), so the guess is only
 * offered as a suggestion in the report.
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

	private static final String DAY = "(?:Mo|Tu|We|Th|Fr|Sa|Su)";

	private static final String TIME = "(?:[01]\\d|2[0-4]):[0-5]\\d";

	private static final String SIMPLE_RULE = DAY + "(?:-" + DAY + ")?(?:," + DAY + "(?:-" + DAY + ")?)* " + TIME + "-"
			+ TIME + "(?:," + TIME + "-" + TIME + ")*";

	/**
	 * Most real values are plain weekly rules ("Mo-Fr 09:00-12:00,14:00-17:00; Sa
	 * 09:00-12:00; PH off"); those are valid by construction and skip the full parser,
	 * which costs tens of microseconds per value.
	 */
	private static final Pattern SIMPLE = Pattern
		.compile("^(?:" + SIMPLE_RULE + "|PH off)(?:; (?:" + SIMPLE_RULE + "|PH off))*$");

	static Verdict check(String value) {
		if (SIMPLE.matcher(value).matches()) {
			return new Valid();
		}
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
