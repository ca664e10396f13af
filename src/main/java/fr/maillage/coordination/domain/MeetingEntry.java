package fr.maillage.coordination.domain;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A meeting as a coordinator enters it (issue 18, « espaces d'échanges »): checked by
 * {@link MeetingRules}.
 *
 * @param bodyId the governance body ({@code instance}) it gathers; null for an open
 * meeting
 * @param departement a département, 69D or 69M
 * @param epci the SIREN of an intercommunality, when the meeting is local to it
 * @param videoLink an https address
 * @param annual the annual departmental meeting (« rencontre annuelle départementale »)
 * @param publicRegistration anyone may register on its public page
 */
public record MeetingEntry(String title, @Nullable String bodyId, String departement, @Nullable String epci,
		Instant start, Instant end, @Nullable String address, @Nullable String videoLink, @Nullable String agenda,
		boolean annual, boolean publicRegistration) {
}
