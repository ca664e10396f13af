package fr.maillage.coordination;

import java.util.LinkedHashMap;
import java.util.Map;

import fr.maillage.shared.web.BadRequestException;

/**
 * A form of the coordination refused: every problem, in French, by field; the page comes
 * back with what was typed and each problem next to its field.
 */
public class InvalidFormException extends BadRequestException {

	private final transient Map<String, String> problems;

	public InvalidFormException(String code, Map<String, String> problems) {
		super(code, String.join(" ", problems.values()));
		this.problems = new LinkedHashMap<>(problems);
	}

	public Map<String, String> problems() {
		return problems;
	}

}
