package fr.maillage.coordination.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * The role of a structure in a governance body (issue 18). The code is the one of the
 * table {@code instance_membre} and of the API.
 */
public enum MemberRole {

	PORTEUR("porteur", "Porteur"), CO_PORTEUR("co_porteur", "Co-porteur"), FINANCEUR("financeur", "Financeur"),
	MEMBRE("membre", "Membre");

	private final String code;

	private final String label;

	MemberRole(String code, String label) {
		this.code = code;
		this.label = label;
	}

	public String code() {
		return code;
	}

	public String label() {
		return label;
	}

	public static Optional<MemberRole> findByCode(String code) {
		String wanted = code.strip();
		return Arrays.stream(values()).filter(role -> role.code.equalsIgnoreCase(wanted)).findFirst();
	}

}
