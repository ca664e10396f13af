package fr.maillage.contributions;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import fr.maillage.accounts.AccountPrincipal;
import fr.maillage.accounts.Accounts;
import fr.maillage.accounts.Mailer;
import fr.maillage.contributions.persistence.JdbcFreshnessReminderRepository;
import fr.maillage.places.Place;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminds structures' members of their lieux to check (issue 6): one e-mail per member
 * and per month listing its stale lieux, with links to confirm or edit them and to stop
 * the reminders. Scheduled ({@code maillage.fraicheur.rappel-planification}, the 1st of
 * each month at 8:00 by default); several instances may fire it: the lock and the record
 * of what was sent make each member receive it once.
 */
@Service
public class FreshnessReminders {

	private static final Logger log = LoggerFactory.getLogger(FreshnessReminders.class);

	private static final long REMINDER_LOCK = 0x72617070656c73L;

	private final Accounts accounts;

	private final Structures structures;

	private final LieuFreshness freshness;

	private final Mailer mailer;

	private final JdbcFreshnessReminderRepository reminders;

	private final Clock clock;

	private final String baseUrl;

	FreshnessReminders(Accounts accounts, Structures structures, LieuFreshness freshness, Mailer mailer,
			JdbcFreshnessReminderRepository reminders, Clock clock,
			@Value("${maillage.url-publique:http://localhost:8080}") String baseUrl) {
		this.accounts = accounts;
		this.structures = structures;
		this.freshness = freshness;
		this.mailer = mailer;
		this.reminders = reminders;
		this.clock = clock;
		this.baseUrl = baseUrl.replaceAll("/+$", "");
	}

	@Scheduled(cron = "${maillage.fraicheur.rappel-planification:0 0 8 1 * *}", zone = "Europe/Paris")
	void sendThisMonth() {
		int sent = sendReminders(YearMonth.now(clock.withZone(fr.maillage.places.hours.OpeningHoursEvaluator.PARIS)));
		log.info("Freshness reminders: {} e-mails sent", sent);
	}

	/**
	 * @return how many members were reminded
	 */
	@Transactional
	public int sendReminders(YearMonth period) {
		if (!reminders.tryLockForTransaction(REMINDER_LOCK)) {
			// another instance is sending them
			return 0;
		}
		int sent = 0;
		for (AccountPrincipal member : accounts.listMembersForReminders()) {
			List<Place> stale = structures.listLieuxOf(member)
				.stream()
				.filter(place -> !freshness.isUpToDate(place))
				.toList();
			if (stale.isEmpty() || alreadySent(member, period)) {
				continue;
			}
			String list = stale.stream()
				.map(place -> "- " + place.name() + " (" + place.commune() + ") : " + baseUrl + "/espace/lieux/"
						+ place.id() + "/modifier")
				.collect(Collectors.joining("\n"));
			mailer.send(member.email(),
					"Maillage : " + stale.size() + " fiche" + (stale.size() > 1 ? "s" : "") + " à vérifier",
					"Bonjour " + member.name() + ",\n\nCes fiches n'ont pas été vérifiées depuis plus de six mois. "
							+ "Si elles sont toujours exactes, confirmez-le d'un clic sur " + baseUrl
							+ "/espace/fraicheur ; sinon, corrigez-les :\n\n" + list
							+ "\n\nPour ne plus recevoir ces rappels : "
							+ accounts.newOptOutLink(member.id(), baseUrl));
			reminders.recordSent(UUID.fromString(member.id()), period, clock.instant(), stale.size());
			sent++;
		}
		return sent;
	}

	private boolean alreadySent(AccountPrincipal member, YearMonth period) {
		return reminders.wasSent(UUID.fromString(member.id()), period);
	}

}
