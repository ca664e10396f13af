package fr.maillage.opendata.importing;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import fr.maillage.opendata.schema.SchemaField;

/**
 * Puts French phone numbers in the schema's international form (+33…, +590…, no spaces).
 * National numbers of overseas départements are recognised by their prefixes (ARCEP
 * numbering plan); 6-digit numbers are Nouvelle-Calédonie's when the postcode is 988xx.
 * When a field holds several numbers the first one is kept.
 */
final class PhoneNumbers {

	private static final Pattern SEPARATORS = Pattern.compile("[\\s.\\-/()\\u00a0]");

	private static final Pattern SEVERAL_NUMBERS = Pattern.compile("\\s*(?:[|;,]|\\s/\\s|\\bou\\b)\\s*");

	private static final Pattern TRUNK_ZERO = Pattern.compile("^\\+(33|590|594|262|596|269|687|689|508|681)0");

	/** National prefix (after the 0) → country code, for overseas numbers. */
	private static final Map<String, String> OVERSEAS_PREFIXES = Map.ofEntries(Map.entry("590", "+590"),
			Map.entry("690", "+590"), Map.entry("691", "+590"), Map.entry("594", "+594"), Map.entry("694", "+594"),
			Map.entry("262", "+262"), Map.entry("263", "+262"), Map.entry("692", "+262"), Map.entry("693", "+262"),
			Map.entry("269", "+262"), Map.entry("639", "+262"), Map.entry("596", "+596"), Map.entry("696", "+596"),
			Map.entry("697", "+596"), Map.entry("508", "+508"));

	private PhoneNumbers() {
	}

	static Optional<String> normalise(String raw, String postalCode) {
		String first = SEVERAL_NUMBERS.split(raw, 2)[0];
		String digits = SEPARATORS.matcher(first).replaceAll("");
		if (digits.startsWith("00")) {
			digits = "+" + digits.substring(2);
		}
		String candidate;
		if (digits.startsWith("+") && SchemaField.TELEPHONE.pattern().matcher(digits).matches()) {
			candidate = digits;
		}
		else if (digits.startsWith("+")) {
			// "+33 (0)1…" or "+33 01…": the national trunk 0 has no place after the
			// country code
			candidate = TRUNK_ZERO.matcher(digits).replaceFirst("+$1");
		}
		else if (digits.length() == 10 && digits.startsWith("0")) {
			String national = digits.substring(1);
			candidate = OVERSEAS_PREFIXES.getOrDefault(national.substring(0, 3), "+33") + national;
		}
		else if (digits.length() == 11 && digits.startsWith("33")) {
			candidate = "+" + digits;
		}
		else if (digits.length() == 6 && postalCode.startsWith("988")) {
			candidate = "+687" + digits;
		}
		else if (digits.length() == 9 && digits.startsWith("687")) {
			candidate = "+" + digits;
		}
		else if (digits.length() == 9 && !digits.startsWith("0")) {
			candidate = "+33" + digits;
		}
		else {
			return Optional.empty();
		}
		return SchemaField.TELEPHONE.pattern().matcher(candidate).matches() ? Optional.of(candidate) : Optional.empty();
	}

}
