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

	/** About 330 m of latitude; longitude cells are scaled at the record's latitude. */
	private static final double CELL_DEGREES = 0.003;

	private DuplicateGroups() {
	}

	/**
	 * @param decisions people's decisions by {@link #pairKey}: {@code true} same place,
	 * {@code false} distinct
	 */
	public static List<List<MergeCandidate>> group(List<MergeCandidate> candidates, Map<String, Boolean> decisions) {
		int[] parent = new int[candidates.size()];
		for (int i = 0; i < parent.length; i++) {
			parent[i] = i;
		}
		Map<String, Integer> index = new HashMap<>();
		for (int i = 0; i < candidates.size(); i++) {
			index.put(candidates.get(i).id(), i);
		}
		for (long pair : candidatePairs(candidates)) {
			int i = (int) (pair >>> 32);
			int j = (int) pair;
			MergeCandidate a = candidates.get(i);
			MergeCandidate b = candidates.get(j);
			Boolean decided = decisions.get(pairKey(a.id(), b.id()));
			boolean same = decided != null ? decided : DuplicateDetector.inSameBlock(a, b)
					&& DuplicateDetector.score(a, b) >= DuplicateDetector.MERGE_THRESHOLD;
			if (same) {
				union(parent, i, j);
			}
		}
		decisions.forEach((key, same) -> {
			String[] ids = key.split("\\|", 2);
			Integer i = index.get(ids[0]);
			Integer j = ids.length == 2 ? index.get(ids[1]) : null;
			if (same && i != null && j != null) {
				union(parent, i, j);
			}
		});
		Map<Integer, List<MergeCandidate>> groups = new LinkedHashMap<>();
		for (int i = 0; i < candidates.size(); i++) {
			groups.computeIfAbsent(find(parent, i), root -> new ArrayList<>()).add(candidates.get(i));
		}
		return List.copyOf(groups.values());
	}

	/** The key of a pair whatever its order. */
	public static String pairKey(String a, String b) {
		return a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
	}

	/** Pairs (i &lt; j, packed in a long) that share at least one blocking key. */
	static Set<Long> candidatePairs(List<MergeCandidate> candidates) {
		Map<String, List<Integer>> buckets = new HashMap<>();
		for (int i = 0; i < candidates.size(); i++) {
			for (String key : keys(candidates.get(i))) {
				buckets.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
			}
		}
		// neighbouring cells: each record also joins the 8 cells around its own
		Map<String, List<Integer>> near = new HashMap<>();
		for (int i = 0; i < candidates.size(); i++) {
			MergeCandidate candidate = candidates.get(i);
			long row = (long) Math.floor(candidate.latitude() / CELL_DEGREES);
			long column = (long) Math.floor(candidate.longitude() / lonCell(candidate.latitude()));
			near.computeIfAbsent("g:" + row + ":" + column, k -> new ArrayList<>()).add(i);
		}
		Set<Long> pairs = new HashSet<>();
		for (List<Integer> bucket : buckets.values()) {
			addPairs(bucket, bucket, pairs);
		}
		for (int i = 0; i < candidates.size(); i++) {
			MergeCandidate candidate = candidates.get(i);
			long row = (long) Math.floor(candidate.latitude() / CELL_DEGREES);
			long column = (long) Math.floor(candidate.longitude() / lonCell(candidate.latitude()));
			for (long dr = -1; dr <= 1; dr++) {
				for (long dc = -1; dc <= 1; dc++) {
					List<Integer> cell = near.get("g:" + (row + dr) + ":" + (column + dc));
					if (cell != null && cell.size() <= MAX_BUCKET) {
						addPairs(List.of(i), cell, pairs);
					}
				}
			}
		}
		return pairs;
	}

	private static double lonCell(double latitude) {
		return CELL_DEGREES / Math.max(0.2, Math.cos(Math.toRadians(latitude)));
	}

	private static void addPairs(List<Integer> left, List<Integer> right, Set<Long> pairs) {
		if (right.size() > MAX_BUCKET) {
			return;
		}
		for (int i : left) {
			for (int j : right) {
				if (i < j) {
					pairs.add(((long) i << 32) | j);
				}
				else if (j < i) {
					pairs.add(((long) j << 32) | i);
				}
			}
		}
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
