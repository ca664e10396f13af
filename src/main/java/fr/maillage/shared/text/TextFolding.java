package fr.maillage.shared.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Folds French text for comparison and search: accents, case, typographic apostrophes and
 * ligatures do not matter to a person typing "creches" or "l'ecole" on a phone keyboard.
 */
public final class TextFolding {

	private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	private static final Pattern NOT_ALNUM = Pattern.compile("[^\\p{Alnum}]+");

	private TextFolding() {
	}

	/** Lower case, no accents, straight apostrophes, single spaces; punctuation kept. */
	public static String fold(String text) {
		String decomposed = Normalizer.normalize(text.replace("œ", "oe").replace("Œ", "OE"), Normalizer.Form.NFD);
		String folded = COMBINING_MARKS.matcher(decomposed)
			.replaceAll("")
			.replace('’', '\'')
			.replace('‘', '\'')
			.replace('ʼ', '\'')
			.replace('\u00a0', ' ')
			.toLowerCase(Locale.ROOT);
		return WHITESPACE.matcher(folded).replaceAll(" ").trim();
	}

	/**
	 * {@link #fold} then every run of punctuation becomes one space: "Saint-Étienne" and
	 * "saint etienne" match.
	 */
	public static String searchKey(String text) {
		return NOT_ALNUM.matcher(fold(text)).replaceAll(" ").trim();
	}

}
