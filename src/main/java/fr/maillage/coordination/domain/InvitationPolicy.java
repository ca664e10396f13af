package fr.maillage.coordination.domain;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Who may be invited through the actors directory (ADR 0025): an actor's referent, by the
 * e-mail the directory holds, only while the referent's consent « invitations » is in
 * force ({@link ConsentPurpose#INVITATIONS}). Otherwise the coordinator is told why, and
 * can still type a person's name and address she got with that person's agreement.
 */
public final class InvitationPolicy {

	private InvitationPolicy() {
	}

	/** Why an actor's referent cannot be invited; null when they can. */
	public static @Nullable String refusal(boolean hasReferent, @Nullable String referentEmail,
			Map<ConsentPurpose, Instant> consentsInForce) {
		if (!hasReferent) {
			return "aucun référent inclusion numérique n'est enregistré pour cette structure";
		}
		if (referentEmail == null || referentEmail.isBlank()) {
			return "son référent n'a pas d'adresse électronique enregistrée";
		}
		if (!consentsInForce.containsKey(ConsentPurpose.INVITATIONS)) {
			return "son référent n'a pas donné (ou a retiré) son accord pour recevoir les invitations de la coordination";
		}
		return null;
	}

}
