package fr.maillage.orientations.persistence;

import java.time.Instant;
import java.util.UUID;

import fr.maillage.orientations.domain.OrientationStatus;
import org.jspecify.annotations.Nullable;

/**
 * An orientation as stored (table {@code orientation}).
 *
 * @param erasedAt when the person's data was erased, if it was
 * @param erasure why: « conservation » or « retrait »
 */
public record OrientationRow(UUID id, UUID lieuId, UUID orienteurId, OrientationStatus status, EncryptedPerson person,
		Instant sentAt, Instant statusAt, @Nullable Instant erasedAt, @Nullable String erasure) {

}
