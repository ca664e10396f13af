package fr.maillage.coordination.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many registrations to meetings an hour, per client and overall: the public form
 * sends an e-mail, so it must not flood someone's mailbox. Kept in memory, only the
 * SHA-256 of the client's address, forgotten after the hour (as SendingThrottle).
 */
@Component
class RegistrationThrottle {

	static final Duration WINDOW = Duration.ofHours(1);

	private final Clock clock;

	private final int perClient;

	private final int overall;

	private final Map<String, Deque<Instant>> byClient = new HashMap<>();

	private final Deque<Instant> all = new ArrayDeque<>();

	RegistrationThrottle(Clock clock, @Value("${maillage.inscription-reunion.par-client-par-heure:10}") int perClient,
			@Value("${maillage.inscription-reunion.par-heure:300}") int overall) {
		this.clock = clock;
		this.perClient = perClient;
		this.overall = overall;
	}

	/** Counts one registration for this client if still allowed. */
	synchronized boolean tryAcquire(String client) {
		Instant now = clock.instant();
		Instant since = now.minus(WINDOW);
		forgetBefore(all, since);
		byClient.values().forEach(times -> forgetBefore(times, since));
		byClient.values().removeIf(Deque::isEmpty);
		Deque<Instant> mine = byClient.computeIfAbsent(sha256(client), key -> new ArrayDeque<>());
		if (mine.size() >= perClient || all.size() >= overall) {
			byClient.values().removeIf(Deque::isEmpty);
			return false;
		}
		mine.addLast(now);
		all.addLast(now);
		return true;
	}

	/** For tests: every count forgotten. */
	synchronized void reset() {
		byClient.clear();
		all.clear();
	}

	private static void forgetBefore(Deque<Instant> times, Instant since) {
		while (!times.isEmpty() && times.peekFirst().isBefore(since)) {
			times.removeFirst();
		}
	}

	private static String sha256(String value) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException impossible) {
			throw new IllegalStateException(impossible);
		}
	}

}
