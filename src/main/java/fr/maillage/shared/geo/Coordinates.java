package fr.maillage.shared.geo;

/** WGS 84 point in decimal degrees. */
public record Coordinates(double latitude, double longitude) {

	private static final double EARTH_RADIUS_KM = 6371.0088;

	public Coordinates {
		if (!isValid(latitude, longitude)) {
			throw new IllegalArgumentException("Coordonnées hors limites : " + latitude + ", " + longitude);
		}
	}

	public static boolean isValid(double latitude, double longitude) {
		return Double.isFinite(latitude) && Double.isFinite(longitude) && latitude >= -90 && latitude <= 90
				&& longitude >= -180 && longitude <= 180;
	}

	/**
	 * Great-circle (haversine) distance; good to a few metres at the scale of a
	 * département.
	 */
	public double distanceKmTo(Coordinates other) {
		double dLat = Math.toRadians(other.latitude - latitude);
		double dLon = Math.toRadians(other.longitude - longitude);
		double a = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(Math.toRadians(latitude))
				* Math.cos(Math.toRadians(other.latitude)) * Math.pow(Math.sin(dLon / 2), 2);
		return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
	}

	/**
	 * Latitude and longitude half-extents, in degrees, of a box that contains the circle
	 * of this radius.
	 */
	public double[] boundingBox(double radiusKm) {
		double dLat = Math.toDegrees(radiusKm / EARTH_RADIUS_KM);
		double cosLat = Math.max(0.01, Math.cos(Math.toRadians(latitude)));
		double dLon = Math.min(180, dLat / cosLat);
		return new double[] { latitude - dLat, latitude + dLat, longitude - dLon, longitude + dLon };
	}

}
