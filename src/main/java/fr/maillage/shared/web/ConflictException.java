package fr.maillage.shared.web;

/**
 * The request contradicts what someone else did meanwhile (HTTP 409); the French message
 * says what and by whom, so nothing is silently overwritten.
 */
public class ConflictException extends RuntimeException {

	private final String code;

	public ConflictException(String code, String message) {
		super(message);
		this.code = code;
	}

	public String code() {
		return code;
	}

}
