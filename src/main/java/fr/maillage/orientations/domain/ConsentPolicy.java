package fr.maillage.orientations.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An orientation may be sent only with a valid, unrevoked consent (issue 16): given for
 * this purpose, on the information notice shown today, by a known way, recorded by
 * someone, not in the future, still within its duration. {@code ConsentPolicyTest} checks
 * it as a table.
 */
public final class ConsentPolicy {

	/** Clocks of a phone and of the server may differ a little. */
	private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

	/** Why a consent does not allow sending, in plain French. */
	public enum Problem {

		MISSING("Recueillez le consentement de la personne avant d'envoyer l'orientation."),
		REVOKED("La personne a retiré son consentement : l'orientation ne peut pas être envoyée."),
		OTHER_PURPOSE("Ce consentement a été donné pour autre chose que cette orientation."),
		OLD_NOTICE("Ce consentement a été recueilli sur une ancienne version de la notice d'information : "
				+ "montrez-lui la notice actuelle et recueillez-le à nouveau."),
		NO_RECORDER("Indiquez qui a recueilli le consentement."),
		IN_THE_FUTURE("La date du consentement est dans le futur."),
		EXPIRED("Ce consentement a dépassé sa durée de validité : recueillez-le à nouveau."),
		NO_DURATION("Le consentement doit dire combien de temps les données sont gardées.");

		private final String message;

		Problem(String message) {
			this.message = message;
		}

		public String message() {
			return message;
		}

	}

	private ConsentPolicy() {
	}

	/**
	 * Everything that keeps this consent from allowing an orientation now; none when it
	 * does.
	 */
	public static List<Problem> problems(@Nullable Consent consent, Instant now) {
		if (consent == null) {
			return List.of(Problem.MISSING);
		}
		List<Problem> problems = new ArrayList<>();
		if (consent.isRevoked()) {
			problems.add(Problem.REVOKED);
		}
		if (!InformationNotice.PURPOSE.equals(consent.purpose())) {
			problems.add(Problem.OTHER_PURPOSE);
		}
		if (!InformationNotice.VERSION.equals(consent.noticeVersion())) {
			problems.add(Problem.OLD_NOTICE);
		}
		if (consent.recordedBy().isBlank()) {
			problems.add(Problem.NO_RECORDER);
		}
		if (consent.recordedAt().isAfter(now.plus(CLOCK_SKEW))) {
			problems.add(Problem.IN_THE_FUTURE);
		}
		if (consent.durationMonths() <= 0) {
			problems.add(Problem.NO_DURATION);
		}
		else if (!consent.recordedAt()
			.atOffset(ZoneOffset.UTC)
			.plusMonths(consent.durationMonths())
			.toInstant()
			.isAfter(now)) {
			problems.add(Problem.EXPIRED);
		}
		return List.copyOf(problems);
	}

	public static boolean allowsSending(@Nullable Consent consent, Instant now) {
		return problems(consent, now).isEmpty();
	}

}
