package fr.maillage.opendata.importing;

import java.util.List;

/** The whole file is refused and nothing was changed; the message says why in French. */
public class ImportRefusedException extends RuntimeException {

	private final String code;

	private final List<String> details;

	public ImportRefusedException(String code, String message, List<String> details) {
		super(message);
		this.code = code;
		this.details = List.copyOf(details);
	}

	public ImportRefusedException(String code, String message) {
		this(code, message, List.of());
	}

	public String code() {
		return code;
	}

	public List<String> details() {
		return details;
	}

}
