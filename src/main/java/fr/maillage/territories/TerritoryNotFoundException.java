package fr.maillage.territories;

import fr.maillage.shared.web.NotFoundException;

public class TerritoryNotFoundException extends NotFoundException {

	public TerritoryNotFoundException(String kind, String code) {
		super("Aucun territoire « " + kind + " » ne porte le code « " + code + " ».");
	}

}
