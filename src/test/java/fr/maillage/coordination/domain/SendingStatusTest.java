package fr.maillage.coordination.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every move of a queued message, allowed or not (the whole table). */
class SendingStatusTest {

	@ParameterizedTest(name = "{0} → {1}: {2}")
	@CsvSource(delimiter = '|', textBlock = """
			QUEUED    | QUEUED    | false
			QUEUED    | SENDING   | true
			QUEUED    | SENT      | false
			QUEUED    | FAILED    | false
			QUEUED    | CANCELLED | false
			SENDING   | QUEUED    | true
			SENDING   | SENDING   | true
			SENDING   | SENT      | true
			SENDING   | FAILED    | true
			SENDING   | CANCELLED | true
			SENT      | QUEUED    | false
			SENT      | SENDING   | false
			SENT      | SENT      | false
			SENT      | FAILED    | false
			SENT      | CANCELLED | false
			FAILED    | QUEUED    | false
			FAILED    | SENDING   | false
			FAILED    | SENT      | false
			FAILED    | FAILED    | false
			FAILED    | CANCELLED | false
			CANCELLED | QUEUED    | false
			CANCELLED | SENDING   | false
			CANCELLED | SENT      | false
			CANCELLED | FAILED    | false
			CANCELLED | CANCELLED | false
			""")
	void everyMove(SendingStatus from, SendingStatus to, boolean allowed) {
		assertThat(from.mayMoveTo(to)).isEqualTo(allowed);
	}

	@Test
	void theTableCoversEveryPair() {
		assertThat(SendingStatus.values()).hasSize(5);
		Set<SendingStatus> finals = EnumSet.noneOf(SendingStatus.class);
		for (SendingStatus status : SendingStatus.values()) {
			if (status.isFinal()) {
				finals.add(status);
			}
		}
		assertThat(finals).containsExactlyInAnyOrder(SendingStatus.SENT, SendingStatus.FAILED, SendingStatus.CANCELLED);
	}

	@Test
	void aFailureIsTriedAgainThenGivenUp() {
		assertThat(SendingStatus.afterFailure(1)).isEqualTo(SendingStatus.QUEUED);
		assertThat(SendingStatus.afterFailure(2)).isEqualTo(SendingStatus.QUEUED);
		assertThat(SendingStatus.afterFailure(SendingStatus.MAX_ATTEMPTS)).isEqualTo(SendingStatus.FAILED);
	}

}
