package fr.maillage.accounts;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Repeated failed logins on one address slow down whoever tries passwords: after
 * {@value #MAX_FAILURES} failures within {@link #WINDOW}, that address cannot sign in
 * until the oldest of them is older than the window. Counted in the database, so every
 * instance applies the same limit.
 */
public final class LoginThrottle {

	public static final int MAX_FAILURES = 5;

	public static final Duration WINDOW = Duration.ofMinutes(15);

	private LoginThrottle() {
	}

	/**
	 * @param failures the address's failed logins within the window before now
	 */
	public static boolean isBlocked(List<Instant> failures, Instant now) {
		return failures.stream().filter(failure -> failure.isAfter(now.minus(WINDOW))).count() >= MAX_FAILURES;
	}

	/** When the address may try again. */
	public static Instant blockedUntil(List<Instant> failures, Instant now) {
		List<Instant> recent = failures.stream()
			.filter(failure -> failure.isAfter(now.minus(WINDOW)))
			.sorted()
			.toList();
		if (recent.size() < MAX_FAILURES) {
			return now;
		}
		return recent.get(recent.size() - MAX_FAILURES).plus(WINDOW);
	}

}
