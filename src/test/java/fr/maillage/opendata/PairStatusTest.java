package fr.maillage.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Every pair of statuses: a person decides a pair waiting for one and may go back on a
 * decision to the other; nothing returns to « à examiner ».
 */
class PairStatusTest {

	/** The allowed moves, as the rule says them; every other pair is refused. */
	private static final Set<String> ALLOWED = Set.of("A_EXAMINER → FUSIONNER", "A_EXAMINER → DISTINCTS",
			"FUSIONNER → DISTINCTS", "DISTINCTS → FUSIONNER");

	@Test
	void aPairIsDecidedByAPersonAndOnlyAPersonGoesBackOnIt() {
		for (PairStatus from : PairStatus.values()) {
			for (PairStatus to : PairStatus.values()) {
				assertThat(from.canBecome(to)).as(from + " → " + to).isEqualTo(ALLOWED.contains(from + " → " + to));
			}
		}
	}

	@Test
	void theDecisionsArePeoplesAndTheCodesAreTheStoredValues() {
		assertThat(java.util.Arrays.stream(PairStatus.values()).filter(PairStatus::isDecision))
			.containsExactlyInAnyOrder(PairStatus.FUSIONNER, PairStatus.DISTINCTS);
		for (PairStatus status : PairStatus.values()) {
			assertThat(PairStatus.findByCode(status.code())).contains(status);
		}
		assertThat(PairStatus.findByCode("acceptee")).isEmpty();
		// the repository stores these very codes
		assertThat(java.util.List.of(fr.maillage.opendata.persistence.JdbcDuplicateRepository.TO_REVIEW,
				fr.maillage.opendata.persistence.JdbcDuplicateRepository.MERGE,
				fr.maillage.opendata.persistence.JdbcDuplicateRepository.DISTINCT))
			.containsExactly(PairStatus.A_EXAMINER.code(), PairStatus.FUSIONNER.code(), PairStatus.DISTINCTS.code());
	}

}
