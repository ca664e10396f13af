package fr.maillage.opendata.merging;

/**
 * String similarity on a 0–100 scale: twice the longest common subsequence over the total
 * length, which is python-Levenshtein's {@code ratio} (indel distance) used by the
 * national pipeline through fuzzywuzzy.
 */
public final class Similarity {

	private Similarity() {
	}

	public static double ratio(String a, String b) {
		if (a.isEmpty() && b.isEmpty()) {
			return 100;
		}
		return 100.0 * 2 * longestCommonSubsequence(a, b) / (a.length() + b.length());
	}

	private static int longestCommonSubsequence(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int i = 1; i <= a.length(); i++) {
			for (int j = 1; j <= b.length(); j++) {
				current[j] = a.charAt(i - 1) == b.charAt(j - 1) ? previous[j - 1] + 1
						: Math.max(previous[j], current[j - 1]);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

}
