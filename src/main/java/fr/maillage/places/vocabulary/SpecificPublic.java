package fr.maillage.places.vocabulary;

/**
 * Publics a place specifically addresses (schema field
 * {@code publics_specifiquement_adresses}).
 */
public enum SpecificPublic implements Vocabulary {

	YOUTH("Jeunes"),

	STUDENTS("Étudiants"),

	FAMILIES_AND_CHILDREN("Familles et/ou enfants"),

	SENIORS("Seniors"),

	WOMEN("Femmes");

	private final String label;

	SpecificPublic(String label) {
		this.label = label;
	}

	@Override
	public String label() {
		return label;
	}

}
