package fr.maillage.places;

import fr.maillage.shared.web.NotFoundException;

public class PlaceNotFoundException extends NotFoundException {

	public PlaceNotFoundException(String id) {
		super("Aucun lieu ne porte l'identifiant « " + id + " ».");
	}

}
