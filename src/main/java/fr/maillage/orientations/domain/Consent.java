package fr.maillage.orientations.domain;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The person's consent to an orientation (issue 16), a record of its own: what it is for,
 * what is shared with whom and for how long, how she gave it, who recorded it and when,
 * on which version of the information notice; revocable at any time.
 *
 * @param purpose what the data is used for ({@link InformationNotice#PURPOSE})
 * @param dataShared which data the lieu receives
 * @param recipients who receives it, in words (the lieu, its structure)
 * @param durationMonths how long the data is kept at most
 * @param recordedBy the signature of the professional who recorded it
 * @param revokedAt when it was withdrawn, if it was
 */
public record Consent(String purpose, List<String> dataShared, String recipients, int durationMonths, ConsentMode mode,
		String recordedBy, Instant recordedAt, String noticeVersion, @Nullable Instant revokedAt) {

	public Consent {
		dataShared = List.copyOf(dataShared);
	}

	public boolean isRevoked() {
		return revokedAt != null;
	}

	/** The same consent withdrawn at that moment. */
	public Consent revoke(Instant at) {
		return new Consent(purpose, dataShared, recipients, durationMonths, mode, recordedBy, recordedAt, noticeVersion,
				at);
	}

}
