package fr.maillage.orientations.domain;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The workflow of an orientation (issue 16), every allowed transition and who takes it in
 * this one place; {@code OrientationStatusTest} checks every pair. Sent
 * ({@code envoyee}), the receiving lieu accepts or refuses it, the orienteur may cancel
 * it, and without an answer it expires; accepted, the person comes or not; once she came,
 * the support ends. The other statuses are final.
 */
public enum OrientationStatus {

	ENVOYEE("envoyee", "Envoyée, en attente de réponse"), ACCEPTEE("acceptee", "Acceptée par le lieu"),
	REFUSEE("refusee", "Refusée par le lieu"), ANNULEE("annulee", "Annulée par la personne qui a orienté"),
	EXPIREE("expiree", "Expirée, sans réponse du lieu"), VENUE("venue", "La personne est venue"),
	NON_VENUE("non_venue", "La personne n'est pas venue"),
	ACCOMPAGNEMENT_TERMINE("accompagnement_termine", "Accompagnement terminé");

	/** Who takes a transition to a status. */
	public enum Actor {

		/** The professional who sent the orientation. */
		ORIENTEUR,

		/** The receiving side: the lieu's structure, the coordinators covering it. */
		RECEIVER,

		/** Maillage itself (the expiry job). */
		SYSTEM

	}

	private final String code;

	private final String label;

	OrientationStatus(String code, String label) {
		this.code = code;
		this.label = label;
	}

	/** The value stored and shown in the API. */
	public String code() {
		return code;
	}

	/** In plain French, for the pages. */
	public String label() {
		return label;
	}

	/** The button that moves an orientation to this status, in plain French. */
	public String actionLabel() {
		return switch (this) {
			case ENVOYEE -> "Envoyer";
			case ACCEPTEE -> "Accepter";
			case REFUSEE -> "Refuser l'orientation";
			case ANNULEE -> "Annuler l'orientation";
			case EXPIREE -> "Expirer";
			case VENUE -> "La personne est venue";
			case NON_VENUE -> "La personne n'est pas venue";
			case ACCOMPAGNEMENT_TERMINE -> "Accompagnement terminé";
		};
	}

	/** The statuses this one may become. */
	public Set<OrientationStatus> next() {
		return switch (this) {
			case ENVOYEE -> Set.of(ACCEPTEE, REFUSEE, ANNULEE, EXPIREE);
			case ACCEPTEE -> Set.of(VENUE, NON_VENUE);
			case VENUE -> Set.of(ACCOMPAGNEMENT_TERMINE);
			case REFUSEE, ANNULEE, EXPIREE, NON_VENUE, ACCOMPAGNEMENT_TERMINE -> Set.of();
		};
	}

	public boolean canBecome(OrientationStatus status) {
		return next().contains(status);
	}

	/** Who may move an orientation to this status. */
	public Actor takenBy() {
		return switch (this) {
			case ANNULEE -> Actor.ORIENTEUR;
			case EXPIREE -> Actor.SYSTEM;
			// the first status is set by sending, which only an orienteur does
			case ENVOYEE -> Actor.ORIENTEUR;
			case ACCEPTEE, REFUSEE, VENUE, NON_VENUE, ACCOMPAGNEMENT_TERMINE -> Actor.RECEIVER;
		};
	}

	/**
	 * Whether that actor may move an orientation from this status to that one: the
	 * transition is allowed and it is that actor's to take.
	 */
	public boolean mayBecome(OrientationStatus status, Actor actor) {
		return canBecome(status) && status.takenBy() == actor;
	}

	/** No transition leaves it. */
	public boolean isFinal() {
		return next().isEmpty();
	}

	/**
	 * Ended without the person being supported: refused, cancelled, expired, not come.
	 */
	public boolean endedWithoutSupport() {
		return this == REFUSEE || this == ANNULEE || this == EXPIREE || this == NON_VENUE;
	}

	public static Optional<OrientationStatus> findByCode(String code) {
		return Arrays.stream(values()).filter(status -> status.code.equals(code)).findFirst();
	}

}
