package fr.maillage.places.vocabulary;

/** How the help is given (schema field {@code modalites_accompagnement}). */
public enum SupportMode implements Vocabulary {

	SELF_SERVICE("En autonomie"),

	INDIVIDUAL("Accompagnement individuel"),

	GROUP_WORKSHOP("Dans un atelier collectif"),

	REMOTE("À distance");

	private final String label;

	SupportMode(String label) {
		this.label = label;
	}

	@Override
	public String label() {
		return label;
	}

}
