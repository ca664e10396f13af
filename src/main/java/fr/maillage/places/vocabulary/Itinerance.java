package fr.maillage.places.vocabulary;

/** Whether the place moves (schema field {@code itinerance}). */
public enum Itinerance implements Vocabulary {

	ITINERANT("Itinérant"),

	FIXED("Fixe");

	private final String label;

	Itinerance(String label) {
		this.label = label;
	}

	@Override
	public String label() {
		return label;
	}

}
