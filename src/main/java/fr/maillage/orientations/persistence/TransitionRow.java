package fr.maillage.orientations.persistence;

import java.time.Instant;

import fr.maillage.orientations.domain.OrientationStatus;
import org.jspecify.annotations.Nullable;

/**
 * One change of an orientation's status (table {@code orientation_transition}).
 *
 * @param from null for the sending
 * @param by the signature of who changed it (« Maillage » for the expiry job)
 * @param reason a refusal reason's code
 * @param encryptedMessage the free message, encrypted; null once erased
 */
public record TransitionRow(long id, @Nullable OrientationStatus from, OrientationStatus to, String by, Instant at,
		@Nullable String reason, @Nullable String encryptedMessage) {

}
