package fr.maillage.opendata.schema;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import fr.maillage.places.vocabulary.Vocabulary;
import fr.maillage.shared.text.TextFolding;

/**
 * Recognises a value of one closed list of the standard. A value is <em>exact</em> when
 * it is the pattern's spelling or one of the spellings the standard itself uses elsewhere
 * (its field descriptions, typographic apostrophes: ADR 0005); otherwise it is matched
 * ignoring case, accents and spacing, and the caller reports the correction.
 */
public final class VocabularyMatcher<E extends Enum<E> & Vocabulary> {

	private final Class<E> type;

	private final Map<String, E> exact = new HashMap<>();

	private final Map<String, E> folded = new HashMap<>();

	/**
	 * Folding is the costly part of matching; real files repeat the same few misspellings
	 * thousands of times.
	 */
	private final Map<String, Optional<Match<E>>> misspelt = new ConcurrentHashMap<>();

	private static final int MEMO_LIMIT = 10_000;

	private VocabularyMatcher(Class<E> type, Map<String, E> standardVariants) {
		this.type = type;
		for (E value : type.getEnumConstants()) {
			accept(value.label(), value);
		}
		standardVariants.forEach((variant, value) -> accept(variant, value));
	}

	public static <E extends Enum<E> & Vocabulary> VocabularyMatcher<E> of(Class<E> type) {
		return new VocabularyMatcher<>(type, Map.of());
	}

	public static <E extends Enum<E> & Vocabulary> VocabularyMatcher<E> of(Class<E> type,
			Map<String, E> standardVariants) {
		return new VocabularyMatcher<>(type, standardVariants);
	}

	private void accept(String spelling, E value) {
		exact.put(spelling, value);
		exact.put(spelling.replace('\'', '’'), value);
		folded.put(key(spelling), value);
	}

	public Optional<Match<E>> match(String value) {
		E found = exact.get(value);
		if (found != null) {
			return Optional.of(new Match<>(found, true));
		}
		Optional<Match<E>> known = misspelt.get(value);
		if (known != null) {
			return known;
		}
		Optional<Match<E>> match = Optional.ofNullable(folded.get(key(value)))
			.map(value1 -> new Match<>(value1, false));
		if (misspelt.size() < MEMO_LIMIT) {
			misspelt.put(value, match);
		}
		return match;
	}

	/** The standard's spellings, in the standard's order. */
	public List<String> labels() {
		return Arrays.stream(type.getEnumConstants()).map(Vocabulary::label).toList();
	}

	private static String key(String value) {
		return TextFolding.searchKey(value).replace(" ", "");
	}

	/**
	 * @param exact whether the value was spelled as the standard spells it (no correction
	 * to report)
	 */
	public record Match<E>(E value, boolean exact) {
	}

}
