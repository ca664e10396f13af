package fr.maillage.coordination.persistence;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A participant of a meeting as stored: the person's name and e-mail encrypted
 * ({@link #context}), the structure and its type in clear.
 */
public record StoredParticipant(String id, String meetingId, @Nullable String actorId, @Nullable String actorType,
		@Nullable String structureName, @Nullable String name, @Nullable String email, String origin,
		@Nullable Instant invitedAt, @Nullable Instant registeredAt) {

	/** The authenticated context of a participant's column (V29_1). */
	public static String context(String participantId, String column) {
		return "reunion_participant/" + participantId + "/" + column;
	}

}
