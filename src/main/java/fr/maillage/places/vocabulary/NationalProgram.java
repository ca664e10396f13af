package fr.maillage.places.vocabulary;

/**
 * National schemes and programmes a place belongs to (schema field
 * {@code dispositif_programmes_nationaux}).
 */
public enum NationalProgram implements Vocabulary {

	AIDANTS_CONNECT("Aidants Connect"),

	REFERENCE_DIGITAL_LIBRARIES("Bibliothèques numérique de référence"),

	PIX_CERTIFICATION("Certification PIX"),

	CONSEILLERS_NUMERIQUES("Conseillers numériques"),

	EMMAUS_CONNECT("Emmaüs Connect"),

	FRANCE_SERVICES("France Services"),

	GRANDE_ECOLE_DU_NUMERIQUE("Grande école du numérique"),

	CROIX_ROUGE("La Croix Rouge"),

	CAF_DIGITAL_ACCESS_POINT("Point d'accès numérique CAF"),

	PROMENEURS_DU_NET("Promeneurs du net"),

	EMMAUS_CONNECT_RELAY("Relais numérique (Emmaüs Connect)");

	private final String label;

	NationalProgram(String label) {
		this.label = label;
	}

	@Override
	public String label() {
		return label;
	}

}
