package fr.maillage.orientations.persistence;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A signed link e-mailed to a lieu with nobody attached (table {@code orientation_lien}).
 *
 * @param sentTo the lieu's addresses it was e-mailed to
 * @param revokedAt when a renewed link replaced it
 */
public record LinkRow(UUID id, UUID orientationId, String sentTo, Instant createdAt, Instant expiresAt,
		@Nullable Instant revokedAt) {

}
