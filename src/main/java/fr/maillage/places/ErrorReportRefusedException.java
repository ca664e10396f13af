package fr.maillage.places;

/** A report that cannot be taken as it is; the message says why in French. */
public class ErrorReportRefusedException extends RuntimeException {

	public ErrorReportRefusedException(String message) {
		super(message);
	}

}
