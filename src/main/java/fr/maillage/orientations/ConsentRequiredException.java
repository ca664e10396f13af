package fr.maillage.orientations;

import java.util.List;

/**
 * An orientation sent without a valid consent (issue 16): answered {@code 422} with the
 * code {@code consentement_requis} by the API, on the form by the pages.
 */
public class ConsentRequiredException extends RuntimeException {

	private final List<String> problems;

	ConsentRequiredException(List<String> problems) {
		super(String.join(" ", problems));
		this.problems = List.copyOf(problems);
	}

	/** Each reason, in plain French. */
	public List<String> problems() {
		return problems;
	}

}
