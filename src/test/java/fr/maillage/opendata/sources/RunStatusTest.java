package fr.maillage.opendata.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

/** Every pair of statuses: a run ends once, finished or failed. */
class RunStatusTest {

	/** The allowed moves, as the rule says them; every other pair is refused. */
	private static final Set<String> ALLOWED = Set.of("EN_COURS → TERMINEE", "EN_COURS → ECHOUEE");

	@Test
	void aRunEndsOnceFinishedOrFailed() {
		for (RunStatus from : RunStatus.values()) {
			for (RunStatus to : RunStatus.values()) {
				assertThat(from.canBecome(to)).as(from + " → " + to).isEqualTo(ALLOWED.contains(from + " → " + to));
			}
		}
	}

}
