package fr.maillage.places.vocabulary;

/** How to reach the place's help (schema field {@code modalites_acces}). */
public enum AccessMode implements Vocabulary {

	WALK_IN("Se présenter"),

	PHONE("Téléphoner"),

	EMAIL("Contacter par mail"),

	ONLINE_APPOINTMENT("Prendre un RDV en ligne"),

	NO_PUBLIC_RECEPTION("Ce lieu n'accueille pas de public"),

	PRESCRIPTION_BY_EMAIL("Envoyer un mail avec une fiche de prescription");

	private final String label;

	AccessMode(String label) {
		this.label = label;
	}

	@Override
	public String label() {
		return label;
	}

}
