package fr.maillage.places;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Every pair of statuses: a report or a proposal waiting for a decision is accepted or
 * rejected, once.
 */
class ModerationStatusTest {

	/** The allowed moves, as the rule says them; every other pair is refused. */
	private static final Set<String> ALLOWED = Set.of("A_EXAMINER → ACCEPTEE", "A_EXAMINER → REJETEE");

	@Test
	void aReportOrAProposalIsDecidedOnceAndStaysDecided() {
		for (ModerationStatus from : ModerationStatus.values()) {
			for (ModerationStatus to : ModerationStatus.values()) {
				assertThat(from.canBecome(to)).as(from + " → " + to).isEqualTo(ALLOWED.contains(from + " → " + to));
			}
		}
	}

	@Test
	void codesAreTheStoredValuesAndOnlyAcceptOrRejectIsADecision() {
		for (ModerationStatus status : ModerationStatus.values()) {
			assertThat(ModerationStatus.findByCode(status.code())).contains(status);
		}
		assertThat(ModerationStatus.findByCode("fusionner")).isEmpty();
		assertThat(java.util.Arrays.stream(ModerationStatus.values()).filter(ModerationStatus::isDecision))
			.containsExactlyInAnyOrder(ModerationStatus.ACCEPTEE, ModerationStatus.REJETEE);
	}

}
