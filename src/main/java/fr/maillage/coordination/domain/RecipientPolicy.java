package fr.maillage.coordination.domain;

import java.util.Optional;

/**
 * Who among the actors a mailing list matches receives its announcements (issue 18, item
 * 7; ADR 0027): the referent, by e-mail, only while a consent « invitations » is in
 * force. Each actor left out has one reason, the first that applies, said in plain French
 * to the coordinator.
 */
public final class RecipientPolicy {

	/** The signature of a consent withdrawn from an announcement's unsubscribe link. */
	public static final String UNSUBSCRIBED_BY_LINK = "désinscription par lien";

	private RecipientPolicy() {
	}

	/** Why an actor matching the list is not written to. */
	public enum Exclusion {

		NO_REFERENT("aucun référent enregistré"),

		NO_EMAIL("le référent n'a pas d'adresse électronique"),

		UNSUBSCRIBED("le référent s'est désinscrit par le lien d'une annonce"),

		NO_CONSENT("pas d'accord « invitations et annonces » en cours");

		private final String label;

		Exclusion(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

	}

	/**
	 * @param hasReferent a referent is recorded
	 * @param hasEmail the referent has an e-mail address
	 * @param invitationsInForce a consent « invitations » is in force
	 * @param lastWithdrawnByLink the last consent « invitations » was withdrawn from an
	 * unsubscribe link
	 * @return empty when the actor's referent receives the announcement
	 */
	public static Optional<Exclusion> exclusion(boolean hasReferent, boolean hasEmail, boolean invitationsInForce,
			boolean lastWithdrawnByLink) {
		if (!hasReferent) {
			return Optional.of(Exclusion.NO_REFERENT);
		}
		if (!hasEmail) {
			return Optional.of(Exclusion.NO_EMAIL);
		}
		if (invitationsInForce) {
			return Optional.empty();
		}
		return Optional.of(lastWithdrawnByLink ? Exclusion.UNSUBSCRIBED : Exclusion.NO_CONSENT);
	}

}
