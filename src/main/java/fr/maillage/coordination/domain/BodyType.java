package fr.maillage.coordination.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of governance bodies of a territory (issue 18; Hauts-de-Seine: comité
 * institutionnel, comité technique, assemblée plénière; Rhône: « sous-gouvernance
 * territorialisée avec un porteur défini »). The code is the one of the table
 * {@code instance} and of the API.
 */
public enum BodyType {

	COMITE_PILOTAGE("comite_pilotage", "Comité de pilotage"), COMITE_TECHNIQUE("comite_technique", "Comité technique"),
	PLENIERE("pleniere", "Assemblée plénière"), SOUS_GOUVERNANCE("sous_gouvernance", "Sous-gouvernance territoriale"),
	AUTRE("autre", "Autre instance");

	private final String code;

	private final String label;

	BodyType(String code, String label) {
		this.code = code;
		this.label = label;
	}

	public String code() {
		return code;
	}

	public String label() {
		return label;
	}

	public static Optional<BodyType> findByCode(String code) {
		String wanted = code.strip();
		return Arrays.stream(values()).filter(type -> type.code.equalsIgnoreCase(wanted)).findFirst();
	}

}
