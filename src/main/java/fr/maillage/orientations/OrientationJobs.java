package fr.maillage.orientations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import fr.maillage.orientations.domain.OrientationStatus;
import fr.maillage.orientations.persistence.JdbcOrientationRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The daily jobs of orientations (issue 16, ADR 0017): an orientation unanswered for
 * {@code maillage.orientations.expiration-jours} days (30) expires; the person's data is
 * erased — set to null, the status history kept without her — once its retention is over:
 * {@code conservation-sans-suite-mois} (3) after an orientation ended without support
 * (refused, cancelled, expired, not come), {@code conservation-mois} (24) after the last
 * change of any other. Several instances may fire them: an advisory lock lets one run,
 * and every change is conditional on the status still being the one read. Logs give
 * counts only, never a person.
 */
@Service
public class OrientationJobs {

	private static final Logger log = LoggerFactory.getLogger(OrientationJobs.class);

	private static final long JOBS_LOCK = 0x6f7269656e74L;

	private final JdbcOrientationRepository repository;

	private final Clock clock;

	private final int expiryDays;

	private final int retentionMonths;

	private final int endedRetentionMonths;

	OrientationJobs(JdbcOrientationRepository repository, Clock clock,
			@Value("${maillage.orientations.expiration-jours:30}") int expiryDays,
			@Value("${maillage.orientations.conservation-mois:24}") int retentionMonths,
			@Value("${maillage.orientations.conservation-sans-suite-mois:3}") int endedRetentionMonths) {
		this.repository = repository;
		this.clock = clock;
		this.expiryDays = expiryDays;
		this.retentionMonths = retentionMonths;
		this.endedRetentionMonths = endedRetentionMonths;
	}

	/** What one run did. */
	public record Report(int expired, int erased) {

	}

	@Scheduled(cron = "${maillage.orientations.planification:0 15 3 * * *}", zone = "Europe/Paris")
	void runDaily() {
		Report report = run();
		log.info("Orientations: {} expired, personal data of {} erased", report.expired(), report.erased());
	}

	/** Expires the unanswered orientations, then erases what is past its retention. */
	@Transactional
	public Report run() {
		if (!repository.tryLockForTransaction(JOBS_LOCK)) {
			// another instance is running them
			return new Report(0, 0);
		}
		Instant now = clock.instant();
		int expired = 0;
		for (UUID id : repository.listUnansweredSentBefore(now.minus(Duration.ofDays(expiryDays)))) {
			if (repository.updateStatus(id, OrientationStatus.ENVOYEE, OrientationStatus.EXPIREE, now)) {
				repository.insertTransition(id, OrientationStatus.ENVOYEE, OrientationStatus.EXPIREE, null,
						"Maillage (sans réponse après " + expiryDays + " jours)", now, null, null);
				expired++;
			}
		}
		List<OrientationStatus> ended = Arrays.stream(OrientationStatus.values())
			.filter(OrientationStatus::endedWithoutSupport)
			.toList();
		int erased = 0;
		for (UUID id : repository.listToErase(ended, monthsBefore(now, endedRetentionMonths),
				monthsBefore(now, retentionMonths))) {
			if (repository.erasePersonalData(id, "conservation", now)) {
				repository.insertAccess(id, null, "Maillage (fin de la durée de conservation)", now, "effacement");
				erased++;
			}
		}
		return new Report(expired, erased);
	}

	private static Instant monthsBefore(Instant now, int months) {
		return now.atOffset(ZoneOffset.UTC).minusMonths(months).toInstant();
	}

}
