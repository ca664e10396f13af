package fr.maillage.coordination.domain;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A referent's consent as a dated record, not a flag: what for, when, who recorded it,
 * and when and by whom it was withdrawn (withdrawing keeps the record: the history says
 * what was shown and when).
 *
 * @param recordedBy the signature of the account that recorded it
 * @param withdrawnReason why it ended (asked by the referent, referent replaced…)
 */
public record ContactConsent(String id, ConsentPurpose purpose, Instant grantedAt, String recordedBy,
		@Nullable Instant withdrawnAt, @Nullable String withdrawnBy, @Nullable String withdrawnReason) {

	public boolean active() {
		return withdrawnAt == null;
	}

}
