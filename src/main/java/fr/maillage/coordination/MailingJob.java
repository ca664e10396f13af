package fr.maillage.coordination;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import fr.maillage.coordination.domain.AnnouncementMessage;
import fr.maillage.coordination.domain.ConsentPurpose;
import fr.maillage.coordination.domain.SendingStatus;
import fr.maillage.coordination.persistence.JdbcActorRepository;
import fr.maillage.coordination.persistence.JdbcMailingRepository;
import fr.maillage.coordination.persistence.StoredActor;
import fr.maillage.shared.crypto.FieldCipher;
import fr.maillage.shared.mail.OutgoingMail;
import fr.maillage.shared.web.PublicAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the announcements' queue (ADR 0027), throttled to
 * {@code maillage.diffusion.envois-par-minute} for all instances together: each run
 * claims the messages due within what the last minute leaves (one short transaction, rows
 * locked with {@code SKIP LOCKED}), then sends each outside it. Each message gets its own
 * unsubscribe token (only its hash is kept); a failure is tried again a few minutes
 * later, up to {@link SendingStatus#MAX_ATTEMPTS}, then marked failed; a referent who
 * withdrew their consent meanwhile is not written to. Once a message ends, its address is
 * erased. Nothing personal in the logs: counts only.
 */
@Service
public class MailingJob {

	private static final Logger log = LoggerFactory.getLogger(MailingJob.class);

	private static final SecureRandom RANDOM = new SecureRandom();

	/** A message claimed by an instance that stopped is claimed again after this. */
	static final Duration STALE = Duration.ofMinutes(15);

	/** The wait before trying a failed message again, times the attempts made. */
	static final Duration RETRY = Duration.ofMinutes(5);

	private final JdbcMailingRepository mailing;

	private final JdbcActorRepository actors;

	private final FieldCipher cipher;

	private final OutgoingMail mail;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final PublicAddress publicAddress;

	private final int perMinute;

	MailingJob(JdbcMailingRepository mailing, JdbcActorRepository actors, FieldCipher cipher, OutgoingMail mail,
			TransactionTemplate transactions, Clock clock, PublicAddress publicAddress,
			@Value("${maillage.diffusion.envois-par-minute:30}") int perMinute) {
		this.mailing = mailing;
		this.actors = actors;
		this.cipher = cipher;
		this.mail = mail;
		this.transactions = transactions;
		this.clock = clock;
		this.publicAddress = publicAddress;
		this.perMinute = perMinute;
	}

	@Scheduled(cron = "${maillage.diffusion.planification:*/10 * * * * *}", zone = "Europe/Paris")
	void sendNow() {
		Result result = sendDue(clock.instant());
		if (result.claimed() > 0) {
			log.info("Announcements: {} sent, {} to try again, {} failed, {} cancelled", result.sent(),
					result.retried(), result.failed(), result.cancelled());
		}
	}

	/** What a run did. */
	public record Result(int claimed, int sent, int retried, int failed, int cancelled) {
	}

	/** Sends what is due at that moment within the configured rate. */
	public Result sendDue(Instant now) {
		return sendDue(now, perMinute);
	}

	Result sendDue(Instant now, int rate) {
		Map<String, String> tokens = new HashMap<>();
		List<JdbcMailingRepository.Claimed> claimed = transactions
			.execute(status -> mailing.claimDue(now, rate, now.minus(STALE), id -> {
				String token = newToken();
				tokens.put(id, token);
				return Mailing.hash(token);
			}));
		int[] counts = new int[4];
		for (JdbcMailingRepository.Claimed message : claimed == null ? List.<JdbcMailingRepository.Claimed>of()
				: claimed) {
			SendingStatus outcome = send(message, tokens.get(message.id()), now);
			counts[switch (outcome) {
				case SENT -> 0;
				case QUEUED -> 1;
				case FAILED -> 2;
				default -> 3;
			}]++;
		}
		return new Result(claimed == null ? 0 : claimed.size(), counts[0], counts[1], counts[2], counts[3]);
	}

	private SendingStatus send(JdbcMailingRepository.Claimed message, String token, Instant now) {
		if (message.encryptedEmail() == null
				|| !actors.hasConsentInForce(message.actorIds(), ConsentPurpose.INVITATIONS)) {
			mailing.finish(message.id(), SendingStatus.CANCELLED, now, null, null);
			return SendingStatus.CANCELLED;
		}
		try {
			String address = String.valueOf(cipher.decrypt(message.encryptedEmail(), Mailing.context(message.id())));
			List<String> structures = message.actorIds()
				.stream()
				.flatMap(id -> actors.findActor(id).stream())
				.map(StoredActor::name)
				.sorted()
				.toList();
			mail.send(address, message.subject(), AnnouncementMessage.body(message.text(), structures,
					publicAddress.get() + "/diffusion/desinscription/" + token));
			mailing.finish(message.id(), SendingStatus.SENT, now, null, null);
			return SendingStatus.SENT;
		}
		catch (RuntimeException failure) {
			// the kind of failure only: an SMTP error's text may quote the address
			SendingStatus next = SendingStatus.afterFailure(message.attempts());
			mailing.finish(message.id(), next, now, failure.getClass().getSimpleName(),
					next == SendingStatus.QUEUED ? now.plus(RETRY.multipliedBy(message.attempts())) : null);
			return next;
		}
	}

	private static String newToken() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
