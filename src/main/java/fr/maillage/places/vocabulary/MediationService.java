package fr.maillage.places.vocabulary;

/** The nine kinds of help a place offers (schema field {@code services}). */
public enum MediationService implements Vocabulary {

	ADMINISTRATIVE_PROCEDURES("Aide aux démarches administratives"),

	EVERYDAY_DIGITAL_TOOLS("Maîtrise des outils numériques du quotidien"),

	PROFESSIONAL_INTEGRATION("Insertion professionnelle via le numérique"),

	SAFE_DIGITAL_USE("Utilisation sécurisée du numérique"),

	PARENTING_AND_EDUCATION("Parentalité et éducation avec le numérique"),

	LEISURE_AND_CREATION("Loisirs et créations numériques"),

	UNDERSTANDING_DIGITAL_WORLD("Compréhension du monde numérique"),

	INTERNET_AND_EQUIPMENT_ACCESS("Accès internet et matériel informatique"),

	AFFORDABLE_EQUIPMENT("Acquisition de matériel informatique à prix solidaire");

	private final String label;

	MediationService(String label) {
		this.label = label;
	}

	@Override
	public String label() {
		return label;
	}

}
