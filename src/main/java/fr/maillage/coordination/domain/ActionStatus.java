package fr.maillage.coordination.domain;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The workflow of a follow-up action decided in a meeting (issue 18): à faire → en cours
 * → faite | abandonnée; an action may also be done or given up straight from « à faire ».
 * A done or abandoned action is closed. The allowed transitions are here and nowhere
 * else.
 */
public enum ActionStatus {

	A_FAIRE("a_faire", "À faire"), EN_COURS("en_cours", "En cours"), FAITE("faite", "Faite"),
	ABANDONNEE("abandonnee", "Abandonnée");

	private final String code;

	private final String label;

	ActionStatus(String code, String label) {
		this.code = code;
		this.label = label;
	}

	public String code() {
		return code;
	}

	public String label() {
		return label;
	}

	/** The statuses this one may become. */
	public Set<ActionStatus> next() {
		return switch (this) {
			case A_FAIRE -> EnumSet.of(EN_COURS, FAITE, ABANDONNEE);
			case EN_COURS -> EnumSet.of(FAITE, ABANDONNEE);
			case FAITE, ABANDONNEE -> EnumSet.noneOf(ActionStatus.class);
		};
	}

	public boolean mayBecome(ActionStatus target) {
		return next().contains(target);
	}

	/** By its code, whatever the case and spaces around it. */
	public static Optional<ActionStatus> findByCode(String code) {
		String wanted = code.strip();
		return Arrays.stream(values()).filter(status -> status.code.equalsIgnoreCase(wanted)).findFirst();
	}

}
