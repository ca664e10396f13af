package fr.maillage.orientations.domain;

import java.util.Arrays;
import java.util.Optional;

/** How the person gave her consent (issue 16). */
public enum ConsentMode {

	ORAL_AU_GUICHET("oral_guichet", "À l'oral, au guichet, après lecture de la notice"),
	PAPIER_SIGNE("papier_signe", "Sur papier signé (notice imprimée)"),
	SUR_SON_TELEPHONE("telephone_personne", "Sur son propre téléphone");

	private final String code;

	private final String label;

	ConsentMode(String code, String label) {
		this.code = code;
		this.label = label;
	}

	public String code() {
		return code;
	}

	public String label() {
		return label;
	}

	public static Optional<ConsentMode> findByCode(String code) {
		return Arrays.stream(values()).filter(mode -> mode.code.equals(code)).findFirst();
	}

}
