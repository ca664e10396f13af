package fr.maillage.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** A clock a test sets to the moment it needs ("mardi 10:00 à Paris"). */
public final class MutableClock extends Clock {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private volatile Instant instant = Instant.now();

	public void setParisTime(LocalDateTime time) {
		this.instant = time.atZone(PARIS).toInstant();
	}

	@Override
	public ZoneId getZone() {
		return PARIS;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return Clock.fixed(instant, zone);
	}

	@Override
	public Instant instant() {
		return instant;
	}

}
