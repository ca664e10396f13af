package fr.maillage.coverage.domain;

import org.jspecify.annotations.Nullable;

/**
 * The distances that separate the tiers (ADR 0009): a place in the commune or within
 * {@code coveredKm} covers it; up to {@code nearKm} it is near, up to {@code farKm} far,
 * beyond it a "zone blanche". Defaults 5 / 10 / 15 km; France Services' "30 minutes"
 * target is about 23 km.
 */
public record CoverageThresholds(double coveredKm, double nearKm, double farKm) {

	public static final CoverageThresholds DEFAULT = new CoverageThresholds(5, 10, 15);

	public CoverageThresholds {
		if (!(coveredKm > 0 && coveredKm <= nearKm && nearKm <= farKm)) {
			throw new IllegalArgumentException("thresholds must grow: " + coveredKm + ", " + nearKm + ", " + farKm);
		}
	}

	/**
	 * @param distanceKm {@code null} when there is no place at all
	 */
	public CoverageTier tierOf(@Nullable Double distanceKm, boolean placeInCommune) {
		if (placeInCommune || (distanceKm != null && distanceKm <= coveredKm)) {
			return CoverageTier.COUVERT;
		}
		if (distanceKm == null || distanceKm > farKm) {
			return CoverageTier.ZONE_BLANCHE;
		}
		return distanceKm <= nearKm ? CoverageTier.PROCHE : CoverageTier.ELOIGNE;
	}

}
