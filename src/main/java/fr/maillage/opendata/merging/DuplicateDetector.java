package fr.maillage.opendata.merging;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import fr.maillage.shared.text.TextFolding;
import org.jspecify.annotations.Nullable;

/**
 * Finds records of different sources that describe the same place (ADR 0010).
 * <ul>
 * <li>Blocking: same commune, or at most {@value #BLOCK_METRES} m apart.</li>
 * <li>Score 0–100 = 45 % name similarity (accents, case and generic words such as "mairie
 * de", "France Services", "espace", "MFS" removed; best of shared words and sorted-words
 * ratio; a word that is the other name's initials, "FLEP" for "Foyer Laïque Éducation
 * Permanente", stands for those words, and then one name's words all found in the other's
 * are the same name; a word that begins another of at least {@value #VARIANT_PREFIX}
 * letters, "Rouillac" and "Rouillacais", is the same word) + 35 % street similarity
 * (abbreviations expanded, postcode and commune removed; × 0.6 when both give a different
 * house number) + 20 % nearness (1 within 50 m, 0 at 300 m); +15 for the same SIRET
 * (placeholders ignored).</li>
 * <li>At least {@value #MERGE_THRESHOLD}: the same place, merged automatically; from
 * {@value #REVIEW_THRESHOLD}: a person decides (review queue); below: distinct.</li>
 * </ul>
 * Measured on hand-labelled real duplicates of Charente: docs/performance.md.
 */
public final class DuplicateDetector {

	public static final int MERGE_THRESHOLD = 80;

	public static final int REVIEW_THRESHOLD = 60;

	static final double BLOCK_METRES = 300;

	/** Shortest common beginning that makes two words variants of one. */
	static final int VARIANT_PREFIX = 6;

	/** Acronyms are read from 3 letters: two letters ("CC", "CA") match too much. */
	private static final int SHORTEST_ACRONYM = 3;

	// @formatter:off
	/** Words that name a kind of place rather than this place. */
	private static final Set<String> GENERIC_WORDS = Set.of("mairie", "de", "du", "la", "le", "les", "des", "d", "l",
			"et", "a", "au", "aux", "en", "espace", "espaces", "france", "services", "service", "mfs", "maison",
			"communaute", "communes", "commune", "cc", "ca", "association", "ass", "centre", "ville", "antenne", "pole",
			"siege");

	/** Small words an acronym skips: "CSCS" for "centre socio-culturel et sportif". */
	private static final Set<String> ACRONYM_SKIPS = Set.of("de", "du", "la", "le", "les", "des", "d", "l", "et", "a",
			"au", "aux", "en");

	private static final Map<String, String> STREET_ABBREVIATIONS = Map.of("av", "avenue", "ave", "avenue", "bd",
			"boulevard", "bld", "boulevard", "rte", "route", "pl", "place", "imp", "impasse", "ch", "chemin", "all",
			"allee", "r", "rue");

	private static final Set<String> STREET_TYPES = Set.of("rue", "avenue", "boulevard", "route", "place", "impasse",
			"chemin", "allee", "grande");
	// @formatter:on

	private DuplicateDetector() {
	}

	/** The decision a score leads to. */
	public enum Decision {

		SAME_PLACE, TO_REVIEW, DISTINCT

	}

	/** A scored pair of candidates. */
	public record ScoredPair(MergeCandidate a, MergeCandidate b, double score) {

		public Decision decision() {
			return score >= MERGE_THRESHOLD ? Decision.SAME_PLACE
					: score >= REVIEW_THRESHOLD ? Decision.TO_REVIEW : Decision.DISTINCT;
		}

	}

	public static boolean inSameBlock(MergeCandidate a, MergeCandidate b) {
		return inSameBlock(Features.of(a), Features.of(b));
	}

	public static double score(MergeCandidate a, MergeCandidate b) {
		return score(Features.of(a), Features.of(b));
	}

	static boolean inSameBlock(Features a, Features b) {
		return a.communeKey().equals(b.communeKey()) || a.metresTo(b) <= BLOCK_METRES;
	}

	static double score(Features a, Features b) {
		return score(a, b, Similarity::ratio);
	}

	/** How two texts compare, 0–100: {@link Similarity#ratio}, possibly remembered. */
	interface TextRatio {

		double ratio(String a, String b);

	}

	static double score(Features a, Features b, TextRatio ratio) {
		double name = nameSimilarity(a, b, ratio);
		double street = streetSimilarity(a, b, ratio);
		double metres = a.metresTo(b);
		double nearness = metres <= 50 ? 1 : Math.max(0, 1 - (metres - 50) / 250);
		double score = 100 * (0.45 * name + 0.35 * street + 0.20 * nearness);
		if (a.pivot() != null && a.pivot().equals(b.pivot())) {
			score += 15;
		}
		return Math.min(100, score);
	}

	/**
	 * Every pair of the same block scoring at least the review threshold. Pairs are
	 * compared within a commune or a neighbourhood only, so the cost grows with the size
	 * of communes, not with the square of the directory.
	 */
	public static List<ScoredPair> findPairs(List<MergeCandidate> candidates) {
		List<Features> features = candidates.stream().map(Features::of).toList();
		List<ScoredPair> pairs = new ArrayList<>();
		for (int i = 0; i < candidates.size(); i++) {
			for (int j = i + 1; j < candidates.size(); j++) {
				Features a = features.get(i);
				Features b = features.get(j);
				if (inSameBlock(a, b)) {
					double score = score(a, b);
					if (score >= REVIEW_THRESHOLD) {
						pairs.add(new ScoredPair(candidates.get(i), candidates.get(j), score));
					}
				}
			}
		}
		return pairs;
	}

	/**
	 * Why a pair scored what it did, in plain French, for the person who decides: how the
	 * names, addresses, positions and SIRET compare, and what the score leads to.
	 */
	public static List<String> explain(MergeCandidate a, MergeCandidate b) {
		Features fa = Features.of(a);
		Features fb = Features.of(b);
		List<String> reasons = new ArrayList<>();
		double name = nameSimilarity(fa, fb, Similarity::ratio);
		reasons.add(name == 1 ? "Noms équivalents"
				: (name >= 0.7 ? "Noms proches" : "Noms différents") + " (" + percent(name) + ")");
		findAcronym(fa, fb).or(() -> findAcronym(fb, fa))
			.ifPresent(acronym -> reasons.add("« " + acronym.acronym().toUpperCase(java.util.Locale.ROOT)
					+ " » est le sigle de « " + String.join(" ", acronym.words()) + " »"));
		double street = streetSimilarity(fa, fb, Similarity::ratio);
		boolean otherNumber = fa.houseNumber() != null && fb.houseNumber() != null
				&& !fa.houseNumber().equals(fb.houseNumber());
		if (otherNumber && street >= 0.6) {
			reasons.add("Même rue, numéros différents (" + fa.houseNumber() + " et " + fb.houseNumber() + ")");
		}
		else {
			reasons.add(street == 1 ? "Même adresse"
					: (street >= 0.7 ? "Adresses proches" : "Adresses différentes") + " (" + percent(street) + ")");
		}
		double metres = fa.metresTo(fb);
		reasons.add(metres < 1000 ? "À " + Math.round(metres) + " m l'un de l'autre"
				: String.format(java.util.Locale.FRENCH, "À %.1f km l'un de l'autre", metres / 1000));
		if (fa.pivot() != null && fb.pivot() != null) {
			reasons.add(fa.pivot().equals(fb.pivot()) ? "Même SIRET" : "SIRET différents");
		}
		// as the review queue stores it: rounded down, so the page and the queue agree
		long score = (long) Math.floor(score(fa, fb));
		reasons.add(
				"Score " + score + " sur 100 : "
						+ (score >= MERGE_THRESHOLD ? "fusionnés automatiquement" : score >= REVIEW_THRESHOLD
								? "proposés à une personne (fusion automatique à partir de " + MERGE_THRESHOLD + ")"
								: "considérés comme distincts"));
		return reasons;
	}

	private static String percent(double similarity) {
		return Math.round(100 * similarity) + " %";
	}

	static double nameSimilarity(MergeCandidate a, MergeCandidate b) {
		return nameSimilarity(Features.of(a), Features.of(b), Similarity::ratio);
	}

	static double streetSimilarity(MergeCandidate a, MergeCandidate b) {
		return streetSimilarity(Features.of(a), Features.of(b), Similarity::ratio);
	}

	private static double nameSimilarity(Features a, Features b, TextRatio ratio) {
		int shared = 0;
		for (String word : a.nameWords()) {
			if (b.nameWords().contains(word) || hasVariant(word, b.nameWords())) {
				shared++;
			}
		}
		int union = a.nameWords().size() + b.nameWords().size() - shared;
		double sharedWords = union == 0 ? 0 : (double) shared / union;
		if (sharedWords == 1) {
			return 1;
		}
		double similarity = Math.max(sharedWords, ratio.ratio(a.sortedName(), b.sortedName()) / 100);
		return Math.max(similarity, Math.max(acronymSimilarity(a, b), acronymSimilarity(b, a)));
	}

	/** Whether a word begins another of these (or is begun by it) on enough letters. */
	private static boolean hasVariant(String word, Set<String> words) {
		if (word.length() < VARIANT_PREFIX) {
			return false;
		}
		for (String other : words) {
			if (other.length() >= VARIANT_PREFIX && (other.startsWith(word) || word.startsWith(other))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * When a word of {@code a} is the initials of consecutive words of {@code b}: the
	 * share of the shorter name's words found in the other once the acronym stands for
	 * the words it abbreviates; 0 when no word of {@code a} is such an acronym.
	 */
	private static double acronymSimilarity(Features a, Features b) {
		Optional<Acronym> acronym = findAcronym(a, b);
		if (acronym.isEmpty()) {
			return 0;
		}
		Set<String> expanded = new TreeSet<>(b.nameWords());
		expanded.removeAll(acronym.get().words());
		expanded.add(acronym.get().acronym());
		int shared = 0;
		for (String word : a.nameWords()) {
			if (expanded.contains(word)) {
				shared++;
			}
		}
		return (double) shared / Math.min(a.nameWords().size(), expanded.size());
	}

	/** A word of one name that abbreviates consecutive words of the other. */
	record Acronym(String acronym, List<String> words) {
	}

	static Optional<Acronym> findAcronym(Features a, Features b) {
		String initials = b.initials();
		for (String word : a.nameWords()) {
			if (word.length() < SHORTEST_ACRONYM || !word.chars().allMatch(Character::isLetter)
					|| b.nameWords().contains(word)) {
				continue;
			}
			int at = initials.indexOf(word);
			// initials of real words: « RIB » is not the acronym of « R I B » written
			// apart
			if (at >= 0 && b.acronymWords()
				.subList(at, at + word.length())
				.stream()
				.allMatch(expanded -> expanded.length() > 1)) {
				return Optional.of(new Acronym(word, b.acronymWords().subList(at, at + word.length())));
			}
		}
		return Optional.empty();
	}

	static Optional<Acronym> findAcronym(MergeCandidate a, MergeCandidate b) {
		Features fa = Features.of(a);
		Features fb = Features.of(b);
		return findAcronym(fa, fb).or(() -> findAcronym(fb, fa));
	}

	private static double streetSimilarity(Features a, Features b, TextRatio ratio) {
		double similarity = ratio.ratio(a.streetName(), b.streetName()) / 100;
		return a.houseNumber() != null && b.houseNumber() != null && !a.houseNumber().equals(b.houseNumber())
				? similarity * 0.6 : similarity;
	}

	/**
	 * What the score reads of a candidate, folded once: scoring a pair is then string
	 * comparisons only.
	 */
	record Features(String communeKey, Set<String> nameWords, List<String> acronymWords, String initials,
			String sortedName, String streetName, @Nullable String houseNumber, double latitude, double longitude,
			double cosLatitude, @Nullable String pivot) {

		static Features of(MergeCandidate candidate) {
			Set<String> nameWords = new TreeSet<>(significantWords(candidate.name()));
			List<String> address = addressWords(candidate);
			List<String> acronymWords = words(candidate.name()).stream()
				.filter(word -> !ACRONYM_SKIPS.contains(word))
				.toList();
			StringBuilder initials = new StringBuilder(acronymWords.size());
			acronymWords.forEach(word -> initials.append(word.charAt(0)));
			return new Features(candidate.communeKey(), nameWords, acronymWords, initials.toString(),
					String.join(" ", nameWords), DuplicateDetector.streetName(address),
					address.stream().filter(DuplicateDetector::isNumber).findFirst().orElse(null), candidate.latitude(),
					candidate.longitude(), Math.cos(Math.toRadians(candidate.latitude())),
					candidate.hasPivot() ? candidate.pivot() : null);
		}

		/**
		 * Equirectangular distance: exact to well under a metre at the few hundred metres
		 * the score cares about, and several times cheaper than the haversine.
		 */
		double metresTo(Features other) {
			double dLat = Math.toRadians(other.latitude - latitude);
			double dLon = Math.toRadians(other.longitude - longitude) * (cosLatitude + other.cosLatitude) / 2;
			return 6_371_008.8 * Math.sqrt(dLat * dLat + dLon * dLon);
		}

	}

	static List<String> significantWords(String name) {
		List<String> words = words(name);
		List<String> significant = words.stream().filter(word -> !GENERIC_WORDS.contains(word)).toList();
		return significant.isEmpty() ? words : significant;
	}

	private static List<String> addressWords(MergeCandidate candidate) {
		Set<String> communeWords = candidate.communeName() == null ? Set.of()
				: Set.copyOf(words(candidate.communeName()));
		return words(candidate.address()).stream()
			.map(word -> STREET_ABBREVIATIONS.getOrDefault(word, word))
			.filter(word -> !word.equals(candidate.postalCode()) && !communeWords.contains(word))
			.toList();
	}

	/** The words of the street's name, without number nor street type. */
	static List<String> streetWords(MergeCandidate candidate) {
		return addressWords(candidate).stream()
			.filter(word -> !isNumber(word) && !STREET_TYPES.contains(word))
			.toList();
	}

	private static String streetName(List<String> words) {
		return String.join(" ",
				words.stream().filter(word -> !isNumber(word) && !STREET_TYPES.contains(word)).toList());
	}

	private static List<String> words(String text) {
		String folded = TextFolding.searchKey(text);
		return folded.isEmpty() ? List.of() : Arrays.asList(folded.split(" "));
	}

	private static boolean isNumber(String word) {
		return !word.isEmpty() && word.chars().allMatch(Character::isDigit);
	}

}
