package fr.maillage.orientations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import fr.maillage.accounts.AccountPrincipal;
import fr.maillage.accounts.Accounts;
import fr.maillage.accounts.Mailer;
import fr.maillage.contributions.Structures;
import fr.maillage.contributions.domain.Structure;
import fr.maillage.orientations.persistence.JdbcOrientationLinkRepository;
import fr.maillage.orientations.persistence.JdbcOrientationLinkRepository.Waiting;
import fr.maillage.orientations.persistence.JdbcOrientationRepository;
import fr.maillage.places.Place;
import fr.maillage.places.PlaceDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminders (issue 16): while an orientation stays « envoyee », its receivers are
 * reminded {@value #FIRST} and {@value #SECOND} days after it was sent — the members of
 * the lieu's structure, or the lieu's addresses with a signed link when nobody is
 * attached ({@link OrientationLinks#remind}). Each reminder is sent once, recorded in
 * {@code orientation_rappel} before the e-mail leaves; a run that finds both due (the job
 * did not run for days) sends only the later one. E-mails carry a link, never the person.
 * A daily job of its own ({@code maillage.orientations.rappels-planification}, 9:00
 * Paris: mail read during the day), safe with several instances (advisory lock, the
 * record's primary key).
 */
@Service
public class OrientationReminders {

	static final int FIRST = 3;

	static final int SECOND = 7;

	private static final Logger log = LoggerFactory.getLogger(OrientationReminders.class);

	private static final long REMINDERS_LOCK = 0x72617070656cL;

	private final JdbcOrientationLinkRepository links;

	private final JdbcOrientationRepository orientations;

	private final OrientationLinks signedLinks;

	private final PlaceDirectory places;

	private final Structures structures;

	private final Accounts accounts;

	private final Mailer mailer;

	private final Clock clock;

	private final String baseUrl;

	OrientationReminders(JdbcOrientationLinkRepository links, JdbcOrientationRepository orientations,
			OrientationLinks signedLinks, PlaceDirectory places, Structures structures, Accounts accounts,
			Mailer mailer, Clock clock, @Value("${maillage.url-publique:http://localhost:8080}") String baseUrl) {
		this.links = links;
		this.orientations = orientations;
		this.signedLinks = signedLinks;
		this.places = places;
		this.structures = structures;
		this.accounts = accounts;
		this.mailer = mailer;
		this.clock = clock;
		this.baseUrl = baseUrl.replaceAll("/+$", "");
	}

	/** What one run did: reminders recorded after 3 and after 7 days. */
	public record Report(int afterThreeDays, int afterSevenDays) {

	}

	@Scheduled(cron = "${maillage.orientations.rappels-planification:0 0 9 * * *}", zone = "Europe/Paris")
	void runDaily() {
		Report report = run();
		log.info("Orientations: {} reminders after {} days, {} after {} days", report.afterThreeDays(), FIRST,
				report.afterSevenDays(), SECOND);
	}

	@Transactional
	public Report run() {
		return run(clock.instant());
	}

	/** The reminders due at that moment (tests give it; the job gives the clock's). */
	@Transactional
	public Report run(Instant now) {
		if (!orientations.tryLockForTransaction(REMINDERS_LOCK)) {
			return new Report(0, 0);
		}
		// the later first: when both are due, it is the one sent, the earlier only
		// recorded
		int seventh = 0;
		for (Waiting waiting : links.listWaitingWithoutReminder(now.minus(Duration.ofDays(SECOND)), SECOND)) {
			links.recordReminder(waiting.id(), FIRST, now);
			if (links.recordReminder(waiting.id(), SECOND, now)) {
				remind(waiting, SECOND);
				seventh++;
			}
		}
		int third = 0;
		for (Waiting waiting : links.listWaitingWithoutReminder(now.minus(Duration.ofDays(FIRST)), FIRST)) {
			if (links.recordReminder(waiting.id(), FIRST, now)) {
				remind(waiting, FIRST);
				third++;
			}
		}
		return new Report(third, seventh);
	}

	private void remind(Waiting waiting, int days) {
		Optional<Place> place = places.findPlace(waiting.lieuId().toString());
		if (place.isEmpty()) {
			return;
		}
		Optional<Structure> structure = structures.findStructureOf(place.get().id());
		List<AccountPrincipal> members = structure.map(found -> accounts.listMembersOfStructure(found.id()))
			.orElse(List.of());
		if (members.isEmpty()) {
			signedLinks.remind(waiting.id(), place.get());
			return;
		}
		for (AccountPrincipal member : members) {
			mailer.send(member.email(), "Maillage : rappel, une orientation attend votre réponse",
					"Bonjour " + member.name() + ",\n\nUne orientation envoyée il y a " + days + " jours à « "
							+ place.get().name() + " » attend toujours votre réponse. Connectez-vous pour "
							+ "l'accepter ou la refuser :\n\n" + baseUrl + "/espace/orientations/" + waiting.id()
							+ "\n\nPour protéger la personne, ce courriel ne dit rien d'elle.");
		}
	}

}
