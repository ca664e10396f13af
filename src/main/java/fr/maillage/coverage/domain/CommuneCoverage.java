package fr.maillage.coverage.domain;

import org.jspecify.annotations.Nullable;

/**
 * How far a commune is from help.
 *
 * @param nearest {@code null} when there is no place at all
 */
public record CommuneCoverage(Area area, NearestSiteIndex.@Nullable Nearest nearest, CoverageTier tier) {

	/**
	 * Distance to the nearest place, 0 when one is in the commune; {@code null} if none.
	 */
	public @Nullable Double distanceKm() {
		return nearest == null ? null : nearest.distanceKm();
	}

	public static CommuneCoverage of(Area area, NearestSiteIndex index, CoverageThresholds thresholds) {
		NearestSiteIndex.Nearest nearest = index.findNearest(area).orElse(null);
		return new CommuneCoverage(area, nearest, thresholds.tierOf(nearest == null ? null : nearest.distanceKm(),
				nearest != null && nearest.inCommune()));
	}

}
