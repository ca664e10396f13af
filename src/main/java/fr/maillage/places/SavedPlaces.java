package fr.maillage.places;

/**
 * What saving a batch of places did: new places, places whose content changed, and places
 * received again unchanged (left as they were, their date of update included).
 */
public record SavedPlaces(int added, int changed, int unchanged) {

	public static final SavedPlaces NONE = new SavedPlaces(0, 0, 0);

	public SavedPlaces plus(SavedPlaces other) {
		return new SavedPlaces(added + other.added, changed + other.changed, unchanged + other.unchanged);
	}

}
