package fr.maillage.coordination.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every pair of statuses of a follow-up action, allowed or not: the whole table. */
class ActionStatusTest {

	@ParameterizedTest(name = "{0} → {1}: {2}")
	@CsvSource(delimiter = '|', textBlock = """
			A_FAIRE    | A_FAIRE    | false
			A_FAIRE    | EN_COURS   | true
			A_FAIRE    | FAITE      | true
			A_FAIRE    | ABANDONNEE | true
			EN_COURS   | A_FAIRE    | false
			EN_COURS   | EN_COURS   | false
			EN_COURS   | FAITE      | true
			EN_COURS   | ABANDONNEE | true
			FAITE      | A_FAIRE    | false
			FAITE      | EN_COURS   | false
			FAITE      | FAITE      | false
			FAITE      | ABANDONNEE | false
			ABANDONNEE | A_FAIRE    | false
			ABANDONNEE | EN_COURS   | false
			ABANDONNEE | FAITE      | false
			ABANDONNEE | ABANDONNEE | false
			""")
	void everyTransition(ActionStatus from, ActionStatus to, boolean allowed) {
		assertThat(from.mayBecome(to)).isEqualTo(allowed);
	}

	@ParameterizedTest
	@CsvSource({ "a_faire,A_FAIRE", " EN_COURS ,EN_COURS", "faite,FAITE", "abandonnee,ABANDONNEE" })
	void byCode(String code, ActionStatus status) {
		assertThat(ActionStatus.findByCode(code)).contains(status);
	}

	@org.junit.jupiter.api.Test
	void anUnknownCodeIsNone() {
		assertThat(ActionStatus.findByCode("terminee")).isEmpty();
		assertThat(ActionStatus.values()).hasSize(4);
	}

}
