package fr.maillage.opendata.sources;

import java.util.Set;

/**
 * The workflow of a source connector's run: « en cours » until it ends, « terminée » or «
 * échouée », once. Every allowed transition is here; {@code RunStatusTest} checks every
 * pair.
 */
public enum RunStatus {

	EN_COURS("en_cours"), TERMINEE("terminee"), ECHOUEE("echouee");

	private final String code;

	RunStatus(String code) {
		this.code = code;
	}

	/** The value stored and shown in the API. */
	public String code() {
		return code;
	}

	public Set<RunStatus> next() {
		return switch (this) {
			case EN_COURS -> Set.of(TERMINEE, ECHOUEE);
			case TERMINEE, ECHOUEE -> Set.of();
		};
	}

	public boolean canBecome(RunStatus status) {
		return next().contains(status);
	}

}
