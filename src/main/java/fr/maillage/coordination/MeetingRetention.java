package fr.maillage.coordination;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import fr.maillage.coordination.persistence.JdbcAttendanceRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Retention of meetings' participants (issue 18):
 * {@code maillage.reunions.conservation-mois} months (12) after a meeting ended, its
 * participants' names and e-mails are erased ({@code donnees_effacees_le} set); their
 * structure, type and attendance stay, so the indicators keep counting them. Several
 * instances may fire the job: an advisory lock lets one run; erasing twice erases nothing
 * more. Logs give counts only.
 */
@Service
public class MeetingRetention {

	private static final Logger log = LoggerFactory.getLogger(MeetingRetention.class);

	private static final long JOB_LOCK = 0x7265756e696f6eL;

	private final JdbcAttendanceRepository meetings;

	private final Clock clock;

	private final int retentionMonths;

	MeetingRetention(JdbcAttendanceRepository meetings, Clock clock,
			@Value("${maillage.reunions.conservation-mois:12}") int retentionMonths) {
		this.meetings = meetings;
		this.clock = clock;
		this.retentionMonths = Math.max(1, retentionMonths);
	}

	/** What one run did. */
	public record Report(int meetings, int persons) {
	}

	@Scheduled(cron = "${maillage.reunions.planification:0 45 3 * * *}", zone = "Europe/Paris")
	void runDaily() {
		Report report = run();
		log.info("Meetings: participants of {} meetings erased ({} persons)", report.meetings(), report.persons());
	}

	@Transactional
	public Report run() {
		if (!meetings.tryLockForTransaction(JOB_LOCK)) {
			return new Report(0, 0);
		}
		Instant now = clock.instant();
		Instant before = now.atOffset(ZoneOffset.UTC).minusMonths(retentionMonths).toInstant();
		int done = 0;
		int persons = 0;
		for (UUID meeting : meetings.listMeetingsToErase(before)) {
			int erased = meetings.eraseParticipants(meeting, now);
			if (erased > 0) {
				meetings.logAccess(meeting, null, "Maillage (fin de la durée de conservation)", now, "effacement",
						erased);
				done++;
				persons += erased;
			}
		}
		return new Report(done, persons);
	}

}
