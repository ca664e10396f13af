package fr.maillage.places;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The workflow of what a person submits for moderation — an error report on a lieu, a
 * proposed edit (issue 6): it waits « à examiner » until a coordinator accepts or rejects
 * it, once. Every allowed transition is here; {@code ModerationStatusTest} checks every
 * pair.
 */
public enum ModerationStatus {

	A_EXAMINER("a_examiner"), ACCEPTEE("acceptee"), REJETEE("rejetee");

	private final String code;

	ModerationStatus(String code) {
		this.code = code;
	}

	/** The value stored and shown in the API. */
	public String code() {
		return code;
	}

	/** The statuses this one may become: a decision is taken once and stays. */
	public Set<ModerationStatus> next() {
		return switch (this) {
			case A_EXAMINER -> Set.of(ACCEPTEE, REJETEE);
			case ACCEPTEE, REJETEE -> Set.of();
		};
	}

	public boolean canBecome(ModerationStatus status) {
		return next().contains(status);
	}

	/** A decision a person may take: accepted or rejected. */
	public boolean isDecision() {
		return A_EXAMINER.canBecome(this);
	}

	public static Optional<ModerationStatus> findByCode(String code) {
		return Arrays.stream(values()).filter(status -> status.code.equals(code)).findFirst();
	}

}
