package fr.maillage.coordination.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every move between a meeting's states, allowed or not. */
class MeetingStateTest {

	@ParameterizedTest(name = "{0} → {1}: {2}")
	@CsvSource(textBlock = """
			PREVUE,  PREVUE,  false
			PREVUE,  ANNULEE, true
			ANNULEE, PREVUE,  false
			ANNULEE, ANNULEE, false
			""")
	void moves(MeetingState from, MeetingState to, boolean allowed) {
		assertThat(from.mayBecome(to)).isEqualTo(allowed);
	}

	@ParameterizedTest
	@CsvSource(textBlock = """
			PREVUE,  true
			ANNULEE, false
			""")
	void onlyAPlannedMeetingTakesChanges(MeetingState state, boolean accepts) {
		assertThat(state.acceptsChanges()).isEqualTo(accepts);
	}

}
