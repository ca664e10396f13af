package fr.maillage.shared.csv;

import java.util.regex.Pattern;

/**
 * Neutralises CSV cells that a spreadsheet would run as a formula (OWASP "CSV
 * injection"): a cell starting with {@code = + - @}, tab or carriage return gets a
 * leading apostrophe. A plain signed number ("+33180059880", "-0.33") is no formula and
 * is left alone, so phone numbers and longitudes stay valid for the schema.
 */
public final class SpreadsheetSafe {

	private static final Pattern SIGNED_NUMBER = Pattern.compile("^[+-]\\d+(\\.\\d+)?$");

	private SpreadsheetSafe() {
	}

	public static String cell(String value) {
		if (value.isEmpty()) {
			return value;
		}
		char first = value.charAt(0);
		boolean risky = first == '=' || first == '@' || first == '\t' || first == '\r'
				|| ((first == '+' || first == '-') && !SIGNED_NUMBER.matcher(value).matches());
		return risky ? "'" + value : value;
	}

}
