package fr.maillage.orientations.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * Why a lieu refuses an orientation (issue 16): a short shared list, so the territory can
 * count them; a free message may add to it.
 */
public enum RefusalReason {

	COMPLET("complet", "Plus de place pour le moment"),
	SERVICE_NON_PROPOSE("service_non_propose", "Nous ne proposons pas ce type d'aide"),
	HORS_TERRITOIRE("hors_territoire", "La personne habite hors de notre secteur"),
	PUBLIC_NON_ACCUEILLI("public_non_accueilli", "Nous n'accueillons pas ce public"),
	DEJA_ACCOMPAGNEE("deja_accompagnee", "La personne est déjà accompagnée chez nous"), AUTRE("autre", "Autre raison");

	private final String code;

	private final String label;

	RefusalReason(String code, String label) {
		this.code = code;
		this.label = label;
	}

	public String code() {
		return code;
	}

	public String label() {
		return label;
	}

	public static Optional<RefusalReason> findByCode(String code) {
		return Arrays.stream(values()).filter(reason -> reason.code.equals(code)).findFirst();
	}

}
