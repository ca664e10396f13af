package fr.maillage.places.vocabulary;

/** Trainings and labels a place holds (schema field {@code formations_labels}). */
public enum TrainingLabel implements Vocabulary {

	MON_ESPACE_SANTE("Formé à « Mon Espace Santé »"),

	DUPLEX("Formé à « DUPLEX » (illettrisme)"),

	ARNIA_MEDNUM_BFC("Arnia/MedNum BFC (Bourgogne-Franche-Comté)"),

	REEMPLOI_NORMANDIE("Collectif ressources et acteurs réemploi (Normandie)"),

	ETAPES_NUMERIQUES("Étapes numériques(La Poste)"),

	FABRIQUES_DE_TERRITOIRE("Fabriques de Territoire"),

	ECLAIREURS_DROME("Les Éclaireurs du numérique (Drôme)"),

	MES_PAPIERS_LYON("Mes Papiers (Métropole de Lyon)"),

	ORDI_3_0("ORDI 3.0"),

	SUD_LABS("SUD LABS (PACA)");

	private final String label;

	TrainingLabel(String label) {
		this.label = label;
	}

	@Override
	public String label() {
		return label;
	}

}
