package fr.maillage.coordination.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * What an actor brings to the territory (Rhône concertation: « connaître les compétences
 * spécifiques à chacun »). The code is the one of the API and of CSV files.
 */
public enum Competence {

	ACCOMPAGNEMENT_DEMARCHES("accompagnement_demarches", "Accompagnement aux démarches en ligne"),
	MEDIATION_NUMERIQUE("mediation_numerique", "Médiation et ateliers numériques"),
	FORMATION_AIDANTS("formation_aidants", "Formation des aidants"),
	PRET_DON_MATERIEL("pret_don_materiel", "Prêt ou don de matériel"),
	REPARATION_RECONDITIONNEMENT("reparation_reconditionnement", "Réparation, reconditionnement"),
	CONNEXION("connexion", "Connexion (wifi, SIM solidaires)"), FINANCEMENT("financement", "Financement"),
	ACCUEIL_PERMANENCES("accueil_permanences", "Accueil de permanences"),
	ORIENTATION("orientation", "Repérage et orientation des personnes");

	private final String code;

	private final String label;

	Competence(String code, String label) {
		this.code = code;
		this.label = label;
	}

	public String code() {
		return code;
	}

	public String label() {
		return label;
	}

	/** By its code, whatever the case and spaces around it. */
	public static Optional<Competence> findByCode(String code) {
		String wanted = code.strip();
		return Arrays.stream(values()).filter(competence -> competence.code.equalsIgnoreCase(wanted)).findFirst();
	}

}
