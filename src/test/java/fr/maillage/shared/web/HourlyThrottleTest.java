package fr.maillage.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class HourlyThrottleTest {

	/** A clock the test moves. */
	private static final class MovingClock extends Clock {

		private Instant now = Instant.parse("2026-12-01T10:00:00Z");

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}

	}

	@Test
	void aClientIsStoppedAtItsLimitOthersAreNotAndTheHourForgets() {
		MovingClock clock = new MovingClock();
		HourlyThrottle throttle = new HourlyThrottle(clock, 2, 3);

		assertThat(throttle.tryAcquire("192.0.2.1")).isTrue();
		assertThat(throttle.tryAcquire("192.0.2.1")).isTrue();
		assertThat(throttle.tryAcquire("192.0.2.1")).as("third from the same client").isFalse();
		assertThat(throttle.tryAcquire("192.0.2.2")).isTrue();
		assertThat(throttle.tryAcquire("192.0.2.3")).as("fourth for everyone together").isFalse();

		clock.now = clock.now.plus(HourlyThrottle.WINDOW).plus(Duration.ofSeconds(1));
		assertThat(throttle.tryAcquire("192.0.2.1")).as("an hour later").isTrue();
	}

	@Test
	void aRefusedAttemptCountsForNobody() {
		HourlyThrottle throttle = new HourlyThrottle(new MovingClock(), 1, 2);
		assertThat(throttle.tryAcquire("192.0.2.1")).isTrue();
		for (int i = 0; i < 5; i++) {
			assertThat(throttle.tryAcquire("192.0.2.1")).isFalse();
		}
		// the refusals took nothing from everyone's allowance
		assertThat(throttle.tryAcquire("192.0.2.2")).isTrue();
	}

}
