package fr.maillage.opendata.merging;

import java.util.Locale;

/**
 * The national cartography's duplicate rule (anct-cartographie-nationale/mednum-cli),
 * kept as the baseline Maillage's detector is measured against: same commune; score =
 * trunc((distance + name ratio + address ratio) / 3); duplicate above 83; distance = 100
 * under 0.0004° (in plain degrees), else 100 / (d × 1000 + 1). Ratios are
 * {@link Similarity#ratio} on lower-cased texts.
 */
public final class NationalDuplicateBaseline {

	static final int THRESHOLD = 83;

	private NationalDuplicateBaseline() {
	}

	public static int score(MergeCandidate a, MergeCandidate b) {
		double degrees = Math.hypot(a.latitude() - b.latitude(), a.longitude() - b.longitude());
		double distance = degrees < 0.0004 ? 100 : 100 / (degrees * 1000 + 1);
		double name = Similarity.ratio(a.name().toLowerCase(Locale.ROOT), b.name().toLowerCase(Locale.ROOT));
		double address = Similarity.ratio(a.address().toLowerCase(Locale.ROOT), b.address().toLowerCase(Locale.ROOT));
		return (int) ((distance + name + address) / 3);
	}

	public static boolean isDuplicate(MergeCandidate a, MergeCandidate b) {
		return a.communeKey().equals(b.communeKey()) && score(a, b) > THRESHOLD;
	}

}
