package fr.maillage.coordination.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of actors of digital inclusion in a territory (Rhône concertation: « Lister
 * l'ensemble des acteurs concernés »), not only those holding lieux. The code is the one
 * of the API and of CSV files.
 */
public enum ActorType {

	MAIRIE("mairie", "Mairie"), EPCI("epci", "Intercommunalité (EPCI)"), CCAS("ccas", "CCAS ou CIAS"),
	FRANCE_SERVICES("france_services", "France Services"), ASSOCIATION("association", "Association"),
	DEPARTEMENT("departement", "Département"), CAF("caf", "CAF"), FRANCE_TRAVAIL("france_travail", "France Travail"),
	BAILLEUR("bailleur", "Bailleur social"), RECONDITIONNEUR("reconditionneur", "Reconditionneur de matériel"),
	FINANCEUR("financeur", "Financeur"), HUB("hub", "Hub territorial pour un numérique inclusif"),
	MEDIATHEQUE("mediatheque", "Médiathèque ou bibliothèque"), AUTRE("autre", "Autre");

	private final String code;

	private final String label;

	ActorType(String code, String label) {
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
	public static Optional<ActorType> findByCode(String code) {
		String wanted = code.strip();
		return Arrays.stream(values()).filter(type -> type.code.equalsIgnoreCase(wanted)).findFirst();
	}

}
