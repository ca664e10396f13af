package fr.maillage.places.vocabulary;

/** The nine kinds of help a place offers (schema field {@code services}). */
public enum MediationService implements Vocabulary {

	ADMINISTRATIVE_PROCEDURES("Aide aux démarches administratives", "Faire mes démarches en ligne"),

	EVERYDAY_DIGITAL_TOOLS("Maîtrise des outils numériques du quotidien",
			"Apprendre à me servir d’un ordinateur, d’un téléphone"),

	PROFESSIONAL_INTEGRATION("Insertion professionnelle via le numérique",
			"Chercher un emploi ou une formation en ligne"),

	SAFE_DIGITAL_USE("Utilisation sécurisée du numérique", "Me protéger des arnaques et protéger mes données"),

	PARENTING_AND_EDUCATION("Parentalité et éducation avec le numérique",
			"Suivre la scolarité de mes enfants, les accompagner en ligne"),

	LEISURE_AND_CREATION("Loisirs et créations numériques", "Photo, vidéo, jeux : créer et me divertir"),

	UNDERSTANDING_DIGITAL_WORLD("Compréhension du monde numérique", "Comprendre le numérique et ses enjeux"),

	INTERNET_AND_EQUIPMENT_ACCESS("Accès internet et matériel informatique",
			"Utiliser un ordinateur, Internet ou une imprimante sur place"),

	AFFORDABLE_EQUIPMENT("Acquisition de matériel informatique à prix solidaire",
			"Acheter un ordinateur ou un téléphone à petit prix");

	private final String label;

	private final String plainWords;

	MediationService(String label, String plainWords) {
		this.label = label;
		this.plainWords = plainWords;
	}

	/**
	 * What a person looking for help would say (« Faire mes démarches en ligne »), shown
	 * before the standard's term, which stays the value of forms and exports.
	 */
	public String plainWords() {
		return plainWords;
	}

	@Override
	public String label() {
		return label;
	}

}
