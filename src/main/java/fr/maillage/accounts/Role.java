package fr.maillage.accounts;

/**
 * What an account may do (issue 6). The public has no account; the bootstrap token
 * ({@code MAILLAGE_ADMIN_TOKEN}) acts as an administrator on the API.
 */
public enum Role {

	/** Runs the platform. */
	ADMINISTRATEUR("administrateur"),

	/** Runs a territory's roadmap: départements and/or EPCI. */
	COORDINATEUR("coordinateur"),

	/** Works in a structure and keeps its lieux up to date. */
	MEMBRE("membre");

	private final String code;

	Role(String code) {
		this.code = code;
	}

	/** As stored and as the API spells it. */
	public String code() {
		return code;
	}

	/** The Spring Security authority of the role. */
	public String authority() {
		return "ROLE_" + name();
	}

	public static Role ofCode(String code) {
		for (Role role : values()) {
			if (role.code.equals(code)) {
				return role;
			}
		}
		throw new IllegalArgumentException(code);
	}

}
