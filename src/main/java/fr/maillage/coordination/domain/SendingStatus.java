package fr.maillage.coordination.domain;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The life of one message of an announcement's queue (ADR 0027), its moves in one place:
 * queued → being sent (claimed by one instance of the job) → sent, or back to queued
 * after a failure to be tried again, or failed after the last attempt, or cancelled when
 * the referent withdrew their consent meanwhile. A message claimed by an instance that
 * stopped is claimed again.
 */
public enum SendingStatus {

	QUEUED("en_attente", "en attente"),

	SENDING("en_cours", "en cours d'envoi"),

	SENT("envoye", "envoyé"),

	FAILED("echec", "échec"),

	CANCELLED("annule", "annulé (accord retiré entre-temps)");

	/** How many times a message is tried before it is marked failed. */
	public static final int MAX_ATTEMPTS = 3;

	private final String code;

	private final String label;

	SendingStatus(String code, String label) {
		this.code = code;
		this.label = label;
	}

	public String code() {
		return code;
	}

	public String label() {
		return label;
	}

	/** The statuses this one may move to. */
	public Set<SendingStatus> next() {
		return switch (this) {
			case QUEUED -> EnumSet.of(SENDING);
			// a claim left by a stopped instance is claimed again
			case SENDING -> EnumSet.of(SENDING, SENT, QUEUED, FAILED, CANCELLED);
			case SENT, FAILED, CANCELLED -> EnumSet.noneOf(SendingStatus.class);
		};
	}

	public boolean mayMoveTo(SendingStatus target) {
		return next().contains(target);
	}

	public boolean isFinal() {
		return next().isEmpty();
	}

	/** After a failed attempt: tried again, or given up after {@link #MAX_ATTEMPTS}. */
	public static SendingStatus afterFailure(int attempts) {
		return attempts >= MAX_ATTEMPTS ? FAILED : QUEUED;
	}

	public static Optional<SendingStatus> findByCode(String code) {
		return Arrays.stream(values()).filter(status -> status.code.equals(code)).findFirst();
	}

}
