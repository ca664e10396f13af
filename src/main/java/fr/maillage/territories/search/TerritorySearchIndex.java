package fr.maillage.territories.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

import fr.maillage.shared.text.TextFolding;
import fr.maillage.territories.TerritoryHit;
import org.jspecify.annotations.Nullable;

/**
 * In-memory prefix search over territory names, codes and postcodes. The reference data
 * is immutable between releases and small (≈ 40 000 names), so sorted arrays and binary
 * search answer in well under a millisecond whatever the query, where SQL had to sort
 * thousands of rows for "saint" (docs/performance.md).
 *
 * <p>
 * Ranking: 0 code of a département, région or EPCI, 1 exact name, postcode or INSEE code,
 * 2 name or postcode prefix, 3 prefix of a later word ("lyon" → "Métropole de Lyon");
 * then the type order given by the caller; then population, largest first.
 */
public final class TerritorySearchIndex {

	/**
	 * A territory as the index knows it. {@code parentCode} lets "69" also find 69D and
	 * 69M.
	 */
	public record Entry(TerritoryHit hit, int typeOrder, @Nullable String parentCode, List<String> postalCodes) {
	}

	private record Keyed(String key, Entry entry) {
	}

	private final Keyed[] names;

	private final Keyed[] words;

	private final Keyed[] postalCodes;

	private final Map<String, List<Entry>> byCode = new HashMap<>();

	public TerritorySearchIndex(List<Entry> entries) {
		List<Keyed> nameKeys = new ArrayList<>();
		List<Keyed> wordKeys = new ArrayList<>();
		List<Keyed> postalKeys = new ArrayList<>();
		for (Entry entry : entries) {
			String key = TextFolding.searchKey(entry.hit().nom());
			nameKeys.add(new Keyed(key, entry));
			for (int i = key.indexOf(' '); i >= 0; i = key.indexOf(' ', i + 1)) {
				wordKeys.add(new Keyed(key.substring(i + 1), entry));
			}
			entry.postalCodes().forEach(code -> postalKeys.add(new Keyed(code, entry)));
			byCode.computeIfAbsent(entry.hit().code(), c -> new ArrayList<>()).add(entry);
			if (entry.parentCode() != null) {
				byCode.computeIfAbsent(entry.parentCode(), c -> new ArrayList<>()).add(entry);
			}
		}
		this.names = sorted(nameKeys);
		this.words = sorted(wordKeys);
		this.postalCodes = sorted(postalKeys);
	}

	private static Keyed[] sorted(List<Keyed> keys) {
		Keyed[] array = keys.toArray(Keyed[]::new);
		Arrays.sort(array, Comparator.comparing(Keyed::key));
		return array;
	}

	public List<TerritoryHit> search(String query, int limit) {
		String key = TextFolding.searchKey(query);
		if (key.isEmpty()) {
			return List.of();
		}
		String code = query.strip().toUpperCase();
		// identity: entries are unique objects, and a record's hashCode would hash all
		// its fields on every merge
		Map<Entry, Integer> ranks = new IdentityHashMap<>();
		for (Entry entry : byCode.getOrDefault(code, List.of())) {
			// an INSEE code looks like a postcode, which people type far more often: no
			// priority over it
			ranks.merge(entry, entry.typeOrder() == 1 || entry.typeOrder() > 2 ? 1 : 0, Math::min);
		}
		forPrefix(names, key, keyed -> ranks.merge(keyed.entry(), keyed.key().equals(key) ? 1 : 2, Math::min));
		if (code.matches("\\d{2,5}")) {
			forPrefix(postalCodes, code,
					keyed -> ranks.merge(keyed.entry(), keyed.key().equals(code) ? 1 : 2, Math::min));
		}
		if (ranks.size() < limit) {
			// later-word matches rank last: only needed when better matches do not fill
			// the page
			forPrefix(words, key, keyed -> ranks.merge(keyed.entry(), 3, Math::min));
		}
		// top-k selection: broad queries ("saint") match thousands of names, only `limit`
		// are wanted
		Comparator<Map.Entry<Entry, Integer>> best = Comparator.<Map.Entry<Entry, Integer>>comparingInt(
				Map.Entry::getValue)
			.thenComparingInt(e -> e.getKey().typeOrder())
			.thenComparingLong(e -> -population(e.getKey()))
			.thenComparing(e -> e.getKey().hit().code());
		PriorityQueue<Map.Entry<Entry, Integer>> top = new PriorityQueue<>(limit + 1, best.reversed());
		for (Map.Entry<Entry, Integer> candidate : ranks.entrySet()) {
			top.add(candidate);
			if (top.size() > limit) {
				top.poll();
			}
		}
		List<Map.Entry<Entry, Integer>> sorted = new ArrayList<>(top);
		sorted.sort(best);
		return sorted.stream().map(e -> e.getKey().hit()).toList();
	}

	/**
	 * Names close to a query that matched nothing, for « Vouliez-vous dire … ? »: a
	 * misspelt commune (« Villeurbane ») is one or two letters away from its name. Edit
	 * distance on folded names, at most one edit per four letters (two at most), only for
	 * places with a centre; nearest first, then the most populated. Forty thousand short
	 * names are compared in a few milliseconds, and only after a search found nothing.
	 */
	public List<TerritoryHit> suggest(String query, int limit) {
		String key = TextFolding.searchKey(query);
		if (key.length() < 3) {
			return List.of();
		}
		int allowed = Math.min(2, Math.max(1, key.length() / 4));
		record Candidate(Entry entry, int distance) {
		}
		List<Candidate> candidates = new ArrayList<>();
		for (Keyed keyed : names) {
			if (keyed.entry().hit().centre() == null || Math.abs(keyed.key().length() - key.length()) > allowed) {
				continue;
			}
			int distance = boundedDistance(key, keyed.key(), allowed);
			if (distance <= allowed) {
				candidates.add(new Candidate(keyed.entry(), distance));
			}
		}
		return candidates.stream()
			.sorted(Comparator.comparingInt(Candidate::distance)
				.thenComparingInt(c -> c.entry().typeOrder())
				.thenComparingLong(c -> -population(c.entry())))
			.map(c -> c.entry().hit())
			.distinct()
			.limit(limit)
			.toList();
	}

	/**
	 * Levenshtein distance with adjacent transpositions, cut short (returns
	 * {@code bound + 1}) once every path costs more than {@code bound}.
	 */
	static int boundedDistance(String a, String b, int bound) {
		int[] before = new int[b.length() + 1];
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			int rowMinimum = current[0];
			for (int j = 1; j <= b.length(); j++) {
				int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
				int value = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
				if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
					value = Math.min(value, before[j - 2] + 1);
				}
				current[j] = value;
				rowMinimum = Math.min(rowMinimum, value);
			}
			if (rowMinimum > bound) {
				return bound + 1;
			}
			int[] recycled = before;
			before = previous;
			previous = current;
			current = recycled;
		}
		return previous[b.length()];
	}

	private static long population(Entry entry) {
		Long population = entry.hit().population();
		return population == null ? -1 : population;
	}

	private static void forPrefix(Keyed[] sorted, String prefix, java.util.function.Consumer<Keyed> consumer) {
		int low = 0;
		int high = sorted.length;
		while (low < high) {
			int middle = (low + high) >>> 1;
			if (sorted[middle].key().compareTo(prefix) < 0) {
				low = middle + 1;
			}
			else {
				high = middle;
			}
		}
		for (int i = low; i < sorted.length && sorted[i].key().startsWith(prefix); i++) {
			consumer.accept(sorted[i]);
		}
	}

}
