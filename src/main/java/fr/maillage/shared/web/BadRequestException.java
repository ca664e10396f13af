package fr.maillage.shared.web;

import java.util.List;

/**
 * A request the user can fix; the message is French and shown as is (as JSON by the API,
 * on the error page {@code error/400} for pages).
 */
public class BadRequestException extends RuntimeException {

	private final String code;

	private final List<String> details;

	public BadRequestException(String code, String message) {
		this(code, message, List.of());
	}

	public BadRequestException(String code, String message, List<String> details) {
		super(message);
		this.code = code;
		this.details = List.copyOf(details);
	}

	public String code() {
		return code;
	}

	public List<String> details() {
		return details;
	}

}
