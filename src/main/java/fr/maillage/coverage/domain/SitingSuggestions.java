package fr.maillage.coverage.domain;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import fr.maillage.shared.geo.Coordinates;

/**
 * Where to open the next places: greedy maximum coverage (ADR 0009). Demand points are
 * communes not yet within {@code radiusKm} of a place, each weighing its population
 * (times its fragility when known); candidates are commune centres. Each step picks the
 * candidate that newly covers the most weight. Greedy max-coverage is within (1 − 1/e) ≈
 * 63 % of the best choice of K sites (Nemhauser, Wolsey and Fisher, 1978), and in
 * practice usually reaches it; no polynomial method does better in general unless P = NP
 * (Feige, 1998).
 *
 * <p>
 * A coordinator may favour the zones blanches (communes more than the far threshold from
 * any place): candidates are then ranked first by the weight of zone-blanche communes
 * they newly cover, and only then by the whole weight, so that a site reaching people in
 * a zone blanche always comes before one that reaches none, however populated.
 */
public final class SitingSuggestions {

	private SitingSuggestions() {
	}

	/**
	 * A commune people need help near.
	 *
	 * @param weight what covering it is worth (population, possibly weighted by
	 * fragility)
	 * @param covered whether a place is already within the radius
	 * @param zoneBlanche whether the commune is a zone blanche today
	 */
	public record Demand(Area area, double weight, boolean covered, boolean zoneBlanche) {

		public Demand(Area area, double weight, boolean covered) {
			this(area, weight, covered, false);
		}

	}

	/**
	 * One chosen site and what it newly covers.
	 *
	 * @param zoneBlanchePopulation inhabitants of zones blanches among
	 * {@code populationGained}
	 */
	public record Pick(Area site, double weightGained, long populationGained, long zoneBlanchePopulation,
			List<String> communesReached) {
	}

	/**
	 * Up to {@code count} candidates, in the order chosen; stops early when no candidate
	 * covers anything more.
	 */
	public static List<Pick> choose(List<Demand> demand, List<Area> candidates, double radiusKm, int count) {
		return choose(demand, candidates, radiusKm, count, false);
	}

	/**
	 * {@link #choose(List, List, double, int)}, zones blanches first when
	 * {@code favourZonesBlanches}.
	 */
	public static List<Pick> choose(List<Demand> demand, List<Area> candidates, double radiusKm, int count,
			boolean favourZonesBlanches) {
		List<BitSet> reach = reach(demand, candidates, radiusKm);
		BitSet covered = new BitSet(demand.size());
		for (int i = 0; i < demand.size(); i++) {
			if (demand.get(i).covered()) {
				covered.set(i);
			}
		}
		List<Pick> picks = new ArrayList<>();
		boolean[] used = new boolean[candidates.size()];
		for (int step = 0; step < count; step++) {
			int best = -1;
			double bestGain = 0;
			double bestZoneBlancheGain = 0;
			for (int c = 0; c < candidates.size(); c++) {
				if (used[c]) {
					continue;
				}
				double gain = gain(reach.get(c), covered, demand, false);
				double zoneBlancheGain = favourZonesBlanches ? gain(reach.get(c), covered, demand, true) : 0;
				// ties: the first candidate (communes come ordered by code) for a stable
				// answer
				boolean better = favourZonesBlanches ? zoneBlancheGain > bestZoneBlancheGain
						|| (zoneBlancheGain == bestZoneBlancheGain && gain > bestGain) : gain > bestGain;
				if (better && gain > 0) {
					bestGain = gain;
					bestZoneBlancheGain = zoneBlancheGain;
					best = c;
				}
			}
			if (best < 0) {
				break;
			}
			used[best] = true;
			BitSet newly = (BitSet) reach.get(best).clone();
			newly.andNot(covered);
			long population = 0;
			long zoneBlanche = 0;
			List<String> reached = new ArrayList<>();
			for (int i = newly.nextSetBit(0); i >= 0; i = newly.nextSetBit(i + 1)) {
				population += demand.get(i).area().population();
				zoneBlanche += demand.get(i).zoneBlanche() ? demand.get(i).area().population() : 0;
				reached.add(demand.get(i).area().code());
			}
			covered.or(newly);
			picks.add(new Pick(candidates.get(best), bestGain, population, zoneBlanche, reached));
		}
		return picks;
	}

	/** Total weight a set of candidates newly covers (the objective greedy maximises). */
	public static double coveredWeight(List<Demand> demand, List<Area> chosen, double radiusKm) {
		List<BitSet> reach = reach(demand, chosen, radiusKm);
		BitSet union = new BitSet(demand.size());
		reach.forEach(union::or);
		double total = 0;
		for (int i = union.nextSetBit(0); i >= 0; i = union.nextSetBit(i + 1)) {
			if (!demand.get(i).covered()) {
				total += demand.get(i).weight();
			}
		}
		return total;
	}

	private static double gain(BitSet reach, BitSet covered, List<Demand> demand, boolean zonesBlanchesOnly) {
		double gain = 0;
		for (int i = reach.nextSetBit(0); i >= 0; i = reach.nextSetBit(i + 1)) {
			if (!covered.get(i) && (!zonesBlanchesOnly || demand.get(i).zoneBlanche())) {
				gain += demand.get(i).weight();
			}
		}
		return gain;
	}

	private static List<BitSet> reach(List<Demand> demand, List<Area> candidates, double radiusKm) {
		List<BitSet> reach = new ArrayList<>(candidates.size());
		for (Area candidate : candidates) {
			Coordinates centre = new Coordinates(candidate.latitude(), candidate.longitude());
			double[] box = centre.boundingBox(radiusKm * 1.05);
			BitSet bits = new BitSet(demand.size());
			for (int i = 0; i < demand.size(); i++) {
				Area area = demand.get(i).area();
				if (area.latitude() < box[0] || area.latitude() > box[1] || area.longitude() < box[2]
						|| area.longitude() > box[3]) {
					continue;
				}
				if (area.code().equals(candidate.code())
						|| centre.distanceKmTo(new Coordinates(area.latitude(), area.longitude())) <= radiusKm) {
					bits.set(i);
				}
			}
			reach.add(bits);
		}
		return reach;
	}

}
