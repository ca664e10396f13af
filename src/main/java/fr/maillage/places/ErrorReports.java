package fr.maillage.places;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import fr.maillage.places.persistence.JdbcErrorReportRepository;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Signaler une erreur": takes a person's report about a place and keeps it for
 * moderation.
 */
@Service
public class ErrorReports {

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

	private final PlaceDirectory directory;

	private final JdbcErrorReportRepository repository;

	private final Clock clock;

	ErrorReports(PlaceDirectory directory, JdbcErrorReportRepository repository, Clock clock) {
		this.directory = directory;
		this.repository = repository;
		this.clock = clock;
	}

	/**
	 * @throws ErrorReportRefusedException with a French message when the report is
	 * incomplete or the place received too many reports in the last hour
	 */
	@Transactional
	public ErrorReport report(String placeId, String field, String message, @Nullable String email) {
		Place place = directory.getPlace(placeId);
		String text = message == null ? "" : message.strip();
		if (!ErrorReport.FIELDS.contains(field)) {
			throw new ErrorReportRefusedException("Choisissez ce qui est inexact dans la liste.");
		}
		if (text.isEmpty()) {
			throw new ErrorReportRefusedException("Décrivez l'erreur en quelques mots.");
		}
		if (text.length() > ErrorReport.MAX_MESSAGE_LENGTH) {
			throw new ErrorReportRefusedException(
					"Votre message est trop long (" + ErrorReport.MAX_MESSAGE_LENGTH + " caractères au plus).");
		}
		String address = email == null || email.isBlank() ? null : email.strip();
		// 254: the longest address mail can carry (RFC 5321)
		if (address != null && (address.length() > 254 || !EMAIL.matcher(address).matches())) {
			throw new ErrorReportRefusedException(
					"L'adresse électronique n'est pas valide. Vous pouvez aussi la laisser vide.");
		}
		Instant now = clock.instant();
		if (repository.countSince(place.id(), now.minus(Duration.ofHours(1))) >= ErrorReport.MAX_PER_PLACE_PER_HOUR) {
			throw new ErrorReportRefusedException(
					"Ce lieu a déjà reçu beaucoup de signalements dans l'heure. Merci de réessayer plus tard.");
		}
		ErrorReport report = new ErrorReport(UUID.randomUUID().toString(), place.id(), field, text, address,
				ModerationStatus.A_EXAMINER.code(), now);
		repository.insert(report);
		return report;
	}

	public List<ErrorReport> listPending() {
		return repository.listByStatus(ModerationStatus.A_EXAMINER.code());
	}

	/**
	 * Reports to examine on the lieux of these départements ({@code null}: everywhere).
	 */
	public List<ErrorReport> listPending(java.util.@Nullable Collection<String> departements) {
		return repository.listByStatus(ModerationStatus.A_EXAMINER.code(), departements);
	}

	/** The decided reports of a place (its history), in no particular order. */
	public List<ErrorReportDecision> listDecided(String placeId) {
		return repository.listDecided(placeId);
	}

	public ErrorReport getReport(String id) {
		try {
			return repository.findById(id)
				.orElseThrow(() -> new fr.maillage.shared.web.NotFoundException("Signalement inconnu : " + id));
		}
		catch (IllegalArgumentException notAnId) {
			throw new fr.maillage.shared.web.NotFoundException("Signalement inconnu : " + id);
		}
	}

	/**
	 * Decides a report: {@code acceptee} or {@code rejetee}, from {@code a_examiner}
	 * only.
	 * @return false when someone decided it meanwhile
	 */
	@Transactional
	public boolean decide(String id, String status, String decidedBy, @Nullable String reply) {
		ModerationStatus decision = ModerationStatus.findByCode(status)
			.filter(ModerationStatus::isDecision)
			.orElseThrow(() -> new IllegalArgumentException(status));
		// the repository moves it from « à examiner » only, in one statement
		return repository.decide(id, decision.code(), decidedBy, reply, clock.instant());
	}

}
