package fr.maillage.coordination.persistence;

import java.time.Instant;

import fr.maillage.coordination.domain.MeetingEntry;
import fr.maillage.coordination.domain.MeetingState;
import org.jspecify.annotations.Nullable;

/**
 * A meeting as stored, with the name of its body (if any) and its version for optimistic
 * locking.
 */
public record StoredMeeting(String id, MeetingEntry entry, @Nullable String bodyName, int version,
		@Nullable Instant cancelledAt, Instant createdAt, String createdBy, Instant modifiedAt, String modifiedBy) {

	public MeetingState state() {
		return cancelledAt == null ? MeetingState.PREVUE : MeetingState.ANNULEE;
	}

}
