package fr.maillage.coverage.domain;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Communes and population per tier, and places per 10 000 inhabitants, for one territory.
 */
public record CoverageSummary(Map<CoverageTier, TierCount> tiers, long population, int places, double placesPer10000) {

	/** Communes and inhabitants in one tier. */
	public record TierCount(int communes, long population) {
	}

	public static CoverageSummary of(List<CommuneCoverage> communes, int placesInTerritory) {
		Map<CoverageTier, TierCount> tiers = new EnumMap<>(CoverageTier.class);
		for (CoverageTier tier : CoverageTier.values()) {
			tiers.put(tier, new TierCount(0, 0));
		}
		long population = 0;
		for (CommuneCoverage commune : communes) {
			TierCount count = tiers.get(commune.tier());
			tiers.put(commune.tier(),
					new TierCount(count.communes() + 1, count.population() + commune.area().population()));
			population += commune.area().population();
		}
		double per10000 = population == 0 ? 0 : placesInTerritory * 10_000.0 / population;
		return new CoverageSummary(tiers, population, placesInTerritory, per10000);
	}

}
