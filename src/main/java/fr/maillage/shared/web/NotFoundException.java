package fr.maillage.shared.web;

/**
 * Thrown by {@code get…} methods when the thing asked for does not exist; answered with a
 * 404.
 */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String message) {
		super(message);
	}

}
