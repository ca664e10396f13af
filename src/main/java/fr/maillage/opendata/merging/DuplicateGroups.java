package fr.maillage.opendata.merging;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import fr.maillage.shared.text.TextFolding;
import org.jspecify.annotations.Nullable;

/**
 * Groups records describing the same place. Pairs are only scored when they share a
 * blocking key — a significant word of the name or of the street in the same commune, the
 * same SIRET, or neighbouring 300 m cells — so the work grows with the number of
 * look-alikes, not with the square of a commune's records. A pair at or above
 * {@link DuplicateDetector#MERGE_THRESHOLD} is the same place unless a person decided
 * otherwise; a person's "same place" joins any pair. Groups are the connected components
 * (union-find).
 */
public final class DuplicateGroups {

	/** Beyond this, a key is too common to tell anything (a word every place has). */
	static final int MAX_BUCKET = 2_000;

	/** About 330 m of latitude. */
	static final double CELL_DEGREES = 0.003;

	/**
	 * At least 300 m of longitude up to 52° North (Dunkirk is at 51°); one width for all,
	 * so a record and its neighbours always agree on columns.
	 */
	static final double LONGITUDE_CELL_DEGREES = CELL_DEGREES / Math.cos(Math.toRadians(52));

	private DuplicateGroups() {
	}

	/**
	 * @param decisions people's decisions by {@link #pairKey}: {@code true} same place,
	 * {@code false} distinct
	 */
	public static List<List<MergeCandidate>> group(List<MergeCandidate> candidates, Map<String, Boolean> decisions) {
		return analyse(candidates, decisions).groups();
	}

	/** Groups, and the pairs a person should look at. */
	public record Analysis(List<List<MergeCandidate>> groups, List<DuplicateDetector.ScoredPair> toReview) {
	}

	/**
	 * The groups, and every pair between the thresholds that no decision covers and that
	 * did not end up in one group through other pairs.
	 */
	public static Analysis analyse(List<MergeCandidate> candidates, Map<String, Boolean> decisions) {
		return analyse(candidates, decisions, null, null);
	}

	/**
	 * As {@link #analyse(List, Map)} for records of which only some changed since the
	 * last grouping (an incremental publication): a previous group without any changed
	 * record is still a group (no pair of its records changed), so it is joined at once,
	 * and the only pairs scored are those with a changed record and those within a
	 * previous group that holds one (it may split). Pairs of unchanged records of
	 * different groups are not scored, hence not returned for review: they are what they
	 * were.
	 * @param changed ids of the records whose content or decisions changed
	 * @param groupOf id of each unchanged record → its previous group; a record without
	 * one counts as changed
	 */
	public static Analysis analyseChanged(List<MergeCandidate> candidates, Map<String, Boolean> decisions,
			Set<String> changed, Map<String, String> groupOf) {
		return analyse(candidates, decisions, changed, groupOf);
	}

	private static Analysis analyse(List<MergeCandidate> candidates, Map<String, Boolean> decisions,
			@Nullable Set<String> changed, @Nullable Map<String, String> groupOf) {
		int size = candidates.size();
		int[] parent = new int[size];
		Map<String, Integer> index = new HashMap<>();
		for (int i = 0; i < size; i++) {
			parent[i] = i;
			index.put(candidates.get(i).id(), i);
		}
		// for an incremental grouping: which records changed, each record's previous
		// group (by its first record's index) and whether that group holds a change
		boolean[] fresh = new boolean[size];
		int[] previous = new int[size];
		Set<Integer> dirty = new HashSet<>();
		if (changed != null && groupOf != null) {
			Map<String, Integer> firstOf = new HashMap<>();
			for (int i = 0; i < size; i++) {
				String id = candidates.get(i).id();
				String group = groupOf.get(id);
				fresh[i] = group == null || changed.contains(id);
				previous[i] = group == null ? -1 - i : firstOf.computeIfAbsent(group, g -> index.get(id));
				if (fresh[i]) {
					dirty.add(previous[i]);
				}
			}
			for (int i = 0; i < size; i++) {
				if (!dirty.contains(previous[i])) {
					union(parent, i, previous[i]);
				}
			}
		}
		boolean incremental = changed != null;
		Map<Long, Boolean> decided = new HashMap<>();
		decisions.forEach((key, same) -> {
			String[] ids = key.split("\\|", 2);
			Integer i = index.get(ids[0]);
			Integer j = ids.length == 2 ? index.get(ids[1]) : null;
			if (i != null && j != null && !i.equals(j)) {
				decided.put(pair(i, j), same);
				if (same) {
					union(parent, i, j);
				}
			}
		});
		List<DuplicateDetector.Features> features = candidates.stream().map(DuplicateDetector.Features::of).toList();
		List<long[]> review = new ArrayList<>();
		DuplicateDetector.TextRatio ratio = Similarity::ratio;
		forEachCandidatePair(candidates, features, (i, j) -> {
			if (incremental && !fresh[i] && !fresh[j] && !(previous[i] == previous[j] && dirty.contains(previous[i]))) {
				// two unchanged records of different groups: no edge between them, as
				// before
				return;
			}
			long key = pair(i, j);
			if (decided.containsKey(key) || find(parent, i) == find(parent, j)) {
				// a person decided, or other pairs already made them one place
				return;
			}
			DuplicateDetector.Features a = features.get(i);
			DuplicateDetector.Features b = features.get(j);
			if (!DuplicateDetector.inSameBlock(a, b)) {
				return;
			}
			double score = DuplicateDetector.score(a, b, ratio);
			if (score >= DuplicateDetector.MERGE_THRESHOLD) {
				union(parent, i, j);
			}
			else if (score >= DuplicateDetector.REVIEW_THRESHOLD) {
				review.add(new long[] { key, Double.doubleToLongBits(score) });
			}
		});
		Map<Integer, List<MergeCandidate>> groups = new LinkedHashMap<>();
		for (int i = 0; i < size; i++) {
			groups.computeIfAbsent(find(parent, i), root -> new ArrayList<>()).add(candidates.get(i));
		}
		List<DuplicateDetector.ScoredPair> toReview = new ArrayList<>();
		for (long[] item : review) {
			int i = (int) (item[0] >>> 32);
			int j = (int) item[0];
			if (find(parent, i) != find(parent, j)) {
				toReview.add(new DuplicateDetector.ScoredPair(candidates.get(i), candidates.get(j),
						Double.longBitsToDouble(item[1])));
			}
		}
		return new Analysis(List.copyOf(groups.values()), toReview);
	}

	/** The key of a pair whatever its order. */
	public static String pairKey(String a, String b) {
		return a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
	}

	private static long pair(int i, int j) {
		return i < j ? ((long) i << 32) | j : ((long) j << 32) | i;
	}

	/** Receives a pair of candidate indexes, the smaller first. */
	interface PairConsumer {

		void accept(int i, int j);

	}

	/**
	 * Every pair (i &lt; j) sharing at least one blocking key, each once: for each
	 * record, the records of its buckets are marked as seen, so no set of pairs is ever
	 * held in memory.
	 */
	static void forEachCandidatePair(List<MergeCandidate> candidates, List<DuplicateDetector.Features> features,
			PairConsumer consumer) {
		int size = candidates.size();
		Map<String, List<Integer>> buckets = new HashMap<>();
		List<List<List<Integer>>> bucketsOf = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			List<List<Integer>> own = new ArrayList<>();
			for (String key : keys(candidates.get(i))) {
				List<Integer> bucket = buckets.computeIfAbsent(key, k -> new ArrayList<>());
				bucket.add(i);
				own.add(bucket);
			}
			bucketsOf.add(own);
		}
		Map<String, List<Integer>> cells = new HashMap<>();
		for (int i = 0; i < size; i++) {
			cells.computeIfAbsent(cell(features.get(i), 0, 0), k -> new ArrayList<>()).add(i);
		}
		int[] seenBy = new int[size];
		java.util.Arrays.fill(seenBy, -1);
		for (int i = 0; i < size; i++) {
			List<List<Integer>> around = new ArrayList<>(bucketsOf.get(i));
			for (int dr = -1; dr <= 1; dr++) {
				for (int dc = -1; dc <= 1; dc++) {
					List<Integer> cell = cells.get(cell(features.get(i), dr, dc));
					if (cell != null) {
						around.add(cell);
					}
				}
			}
			for (List<Integer> bucket : around) {
				if (bucket.size() > MAX_BUCKET) {
					continue;
				}
				for (int j : bucket) {
					if (j > i && seenBy[j] != i) {
						seenBy[j] = i;
						consumer.accept(i, j);
					}
				}
			}
		}
	}

	private static String cell(DuplicateDetector.Features features, int rowOffset, int columnOffset) {
		long row = (long) Math.floor(features.latitude() / CELL_DEGREES) + rowOffset;
		long column = (long) Math.floor(features.longitude() / LONGITUDE_CELL_DEGREES) + columnOffset;
		return row + ":" + column;
	}

	private static Set<String> keys(MergeCandidate candidate) {
		Set<String> keys = new HashSet<>();
		String commune = "c:" + candidate.communeKey() + ":";
		for (String word : DuplicateDetector.significantWords(candidate.name())) {
			if (word.length() > 2) {
				keys.add(commune + "n:" + word);
			}
		}
		for (String word : DuplicateDetector.streetWords(candidate)) {
			if (word.length() > 2) {
				keys.add(commune + "s:" + word);
			}
		}
		Optional.ofNullable(candidate.pivot())
			.filter(pivot -> candidate.hasPivot())
			.ifPresent(pivot -> keys.add("p:" + TextFolding.searchKey(pivot)));
		return keys;
	}

	private static int find(int[] parent, int i) {
		while (parent[i] != i) {
			parent[i] = parent[parent[i]];
			i = parent[i];
		}
		return i;
	}

	private static void union(int[] parent, int i, int j) {
		int a = find(parent, i);
		int b = find(parent, j);
		if (a != b) {
			parent[Math.max(a, b)] = Math.min(a, b);
		}
	}

}
