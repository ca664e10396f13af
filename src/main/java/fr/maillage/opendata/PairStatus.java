package fr.maillage.opendata;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The workflow of a pair of records that may be the same place (issue 5, ADR 0010): the
 * score puts it « à examiner »; a person decides « fusionner » (même lieu) or « distincts
 * »; a person may later go back on a decision, explicitly, to the other one. Publications
 * never undo a person's decision, so nothing returns to « à examiner ». Every allowed
 * transition is here; {@code PairStatusTest} checks every pair.
 */
public enum PairStatus {

	A_EXAMINER("a_examiner"), FUSIONNER("fusionner"), DISTINCTS("distincts");

	private final String code;

	PairStatus(String code) {
		this.code = code;
	}

	/** The value stored and shown in the API. */
	public String code() {
		return code;
	}

	public Set<PairStatus> next() {
		return switch (this) {
			case A_EXAMINER -> Set.of(FUSIONNER, DISTINCTS);
			case FUSIONNER -> Set.of(DISTINCTS);
			case DISTINCTS -> Set.of(FUSIONNER);
		};
	}

	public boolean canBecome(PairStatus status) {
		return next().contains(status);
	}

	/** A decision a person may take. */
	public boolean isDecision() {
		return A_EXAMINER.canBecome(this);
	}

	public static Optional<PairStatus> findByCode(String code) {
		return Arrays.stream(values()).filter(status -> status.code.equals(code)).findFirst();
	}

}
