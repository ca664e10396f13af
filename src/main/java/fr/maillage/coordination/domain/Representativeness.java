package fr.maillage.coordination.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Representativeness of a territory's exchanges (issue 18, Rhône concertation: « une
 * représentativité des différents acteurs »): for each actor type, its share among the
 * distinct structures present at the period's meetings, compared with its share of the
 * territory's actors directory; the types of the directory that no present structure
 * represented are « absent ».
 */
public final class Representativeness {

	private Representativeness() {
	}

	/**
	 * One actor type.
	 *
	 * @param present distinct structures of this type present
	 * @param presentShare their share of all present structures (0–1, 4 decimals)
	 * @param directory actors of this type in the directory
	 * @param directoryShare their share of the directory (0–1, 4 decimals)
	 */
	public record Row(ActorType type, long present, double presentShare, long directory, double directoryShare) {

		/** Present share minus directory share, in points (-100 – 100, one decimal). */
		public double gapPoints() {
			return Math.round((presentShare - directoryShare) * 1000) / 10.0;
		}

	}

	/** Every type that is present or in the directory, in the vocabulary's order. */
	public record Result(List<Row> rows, List<ActorType> absentTypes) {
	}

	/**
	 * @param present distinct present structures per type
	 * @param directory actors of the directory per type
	 */
	public static Result compute(Map<ActorType, Long> present, Map<ActorType, Long> directory) {
		long presentTotal = present.values().stream().mapToLong(Long::longValue).sum();
		long directoryTotal = directory.values().stream().mapToLong(Long::longValue).sum();
		List<Row> rows = new ArrayList<>();
		List<ActorType> absent = new ArrayList<>();
		for (ActorType type : ActorType.values()) {
			long here = present.getOrDefault(type, 0L);
			long listed = directory.getOrDefault(type, 0L);
			if (here == 0 && listed == 0) {
				continue;
			}
			rows.add(new Row(type, here, share(here, presentTotal), listed, share(listed, directoryTotal)));
			if (listed > 0 && here == 0) {
				absent.add(type);
			}
		}
		return new Result(List.copyOf(rows), List.copyOf(absent));
	}

	private static double share(long part, long total) {
		return total == 0 ? 0 : Math.round(part * 10000.0 / total) / 10000.0;
	}

}
