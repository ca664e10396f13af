package fr.maillage.accounts;

import java.time.Duration;

/**
 * Reset links are e-mailed at most {@value #MAX_PER_ADDRESS} times per address and
 * {@value #MAX_PER_CLIENT} times per client (IP address) within {@link #WINDOW}: enough
 * for someone who lost a message, too few to flood a mailbox or the mail server. Requests
 * for addresses without an account count the same, so the limit tells nobody who has one.
 * Counted in the database, so every instance applies the same limit.
 */
public final class ResetThrottle {

	public static final int MAX_PER_ADDRESS = 3;

	public static final int MAX_PER_CLIENT = 10;

	public static final Duration WINDOW = Duration.ofHours(1);

	private ResetThrottle() {
	}

	/**
	 * @param forAddress requests for the address within the window
	 * @param fromClient requests from the client within the window
	 */
	public static boolean isBlocked(long forAddress, long fromClient) {
		return forAddress >= MAX_PER_ADDRESS || fromClient >= MAX_PER_CLIENT;
	}

}
