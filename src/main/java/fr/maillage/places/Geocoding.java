package fr.maillage.places;

/** Where a place's coordinates come from when they are not the producer's own. */
public enum Geocoding {

	/**
	 * The producer gave no coordinates: the place is shown at its commune's centre
	 * (approximate).
	 */
	COMMUNE_CENTRE("centre-commune");

	private final String code;

	Geocoding(String code) {
		this.code = code;
	}

	/** As written in the API ({@code geocodage}) and the database. */
	public String code() {
		return code;
	}

	public static Geocoding ofCode(String code) {
		for (Geocoding geocoding : values()) {
			if (geocoding.code.equals(code)) {
				return geocoding;
			}
		}
		throw new IllegalArgumentException(code);
	}

}
