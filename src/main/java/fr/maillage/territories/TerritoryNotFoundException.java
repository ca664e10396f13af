package fr.maillage.territories;

import fr.maillage.shared.web.NotFoundException;

public class TerritoryNotFoundException extends NotFoundException {

	public TerritoryNotFoundException(String kind, String code) {
		super(switch (kind) {
			case "departement" ->
				"Aucun département ne porte le numéro « " + shown(code) + " » (par exemple 69, 2A, 974).";
			case "epci" -> "Aucune intercommunalité (EPCI) ne porte le numéro SIREN « " + shown(code) + " ».";
			case "commune" -> "Aucune commune ne porte le code INSEE « " + shown(code) + " ».";
			case "region" -> "Aucune région ne porte le code « " + shown(code) + " ».";
			default -> "Aucun territoire ne porte le code « " + shown(code) + " ».";
		});
	}

	/** A code as typed, cut short: a message never echoes a whole page of input. */
	private static String shown(String code) {
		return code.length() <= 40 ? code : code.substring(0, 39) + "…";
	}

}
