package fr.maillage.shared.web;

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

/**
 * A brake on a public form that sends e-mail (« Recevoir cette fiche par courriel »,
 * registering to a meeting): so many uses an hour per client and for everyone together,
 * so that it cannot flood someone's mailbox or the SMTP server. Kept in memory: only the
 * SHA-256 of the client's IP address, never the address itself, forgotten after the hour;
 * nothing in the database — a restart forgets the counts, and each instance counts its
 * own, which is fine for a brake on abuse.
 */
public class HourlyThrottle {

	public static final Duration WINDOW = Duration.ofHours(1);

	private final Clock clock;

	private final int perClient;

	private final int overall;

	private final Map<String, Deque<Instant>> byClient = new HashMap<>();

	private final Deque<Instant> all = new ArrayDeque<>();

	protected HourlyThrottle(Clock clock, int perClient, int overall) {
		this.clock = clock;
		this.perClient = perClient;
		this.overall = overall;
	}

	/**
	 * Counts one use for this client if it is still allowed.
	 * @param client the client's IP address (hashed at once, never kept)
	 * @return false when the client or everyone together used it too often this hour
	 */
	public synchronized boolean tryAcquire(String client) {
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
	public synchronized void reset() {
		byClient.clear();
		all.clear();
	}

	public int perClient() {
		return perClient;
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
