package fr.maillage.coordination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.maillage.accounts.AccountPrincipal;
import fr.maillage.accounts.Role;
import fr.maillage.coordination.domain.ConsentPurpose;
import fr.maillage.coordination.domain.ContactConsent;
import fr.maillage.coordination.domain.RecipientPolicy;
import fr.maillage.coordination.domain.SendingStatus;
import fr.maillage.coordination.persistence.JdbcActorRepository;
import fr.maillage.coordination.persistence.JdbcMailingRepository;
import fr.maillage.shared.crypto.FieldCipher;
import fr.maillage.shared.web.ConflictException;
import fr.maillage.shared.web.NotFoundException;
import fr.maillage.shared.web.PublicAddress;
import fr.maillage.testing.EmptyDirectoryApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The coordination's mailing on PostgreSQL (issue 18, item 7; ADR 0027): whom a list
 * reaches and who is left out and why; an announcement queued with the addresses
 * encrypted, sent by the job within the rate for all instances together, the addresses
 * erased once sent; two instances never send the same message; a failure tried again then
 * given up; the unsubscribe link withdraws the consent and the next announcement skips
 * the person.
 */
class MailingIT extends EmptyDirectoryApiTest {

	private static final AccountPrincipal RHONE = new AccountPrincipal(UUID.randomUUID().toString(),
			"coordination@rhone.fr", "Coordination Rhône", Role.COORDINATEUR, List.of("departement:69"));

	private static final AccountPrincipal CHARENTE = new AccountPrincipal(UUID.randomUUID().toString(),
			"coordination@charente.fr", "Coordination Charente", Role.COORDINATEUR, List.of("departement:16"));

	private static final Pattern LINK = Pattern.compile("/diffusion/desinscription/([A-Za-z0-9_-]{43})");

	@Autowired
	Actors actors;

	@Autowired
	Mailing mailing;

	@Autowired
	MailingJob job;

	@Autowired
	JdbcMailingRepository mailingRepository;

	@Autowired
	JdbcActorRepository actorRepository;

	@Autowired
	FieldCipher cipher;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Clock clock;

	@Autowired
	PublicAddress publicAddress;

	private String actor(String name, String type, String departement, String referent, String email,
			boolean invitations) {
		Map<String, String> fields = new HashMap<>(Map.of("nom", name, "type", type, "departement", departement));
		if (referent != null) {
			fields.put("referent_nom", referent);
			fields.put("consentement_invitations", invitations ? "oui" : "non");
			if (email != null) {
				fields.put("referent_courriel", email);
			}
		}
		return actors.saveActor(fields, departement.equals("16") ? CHARENTE : RHONE).id();
	}

	private String list(String name, String... types) {
		return mailing.createList(new Mailing.ListForm(name, "69", "", List.of(types), List.of()), RHONE);
	}

	private List<Map<String, Object>> outbox() {
		return jdbc.sql("select destinataire, sujet, corps from courriel_sortant order by destinataire")
			.query()
			.listOfRows();
	}

	private static Instant soon() {
		return Instant.now().plusSeconds(1);
	}

	@Test
	void aListSaysWhomItReachesAndWhoIsLeftOutAndWhy() {
		actor("Mairie de Givors", "mairie", "69M", "Alex Durand", "alex.durand@givors.example", true);
		// the same person is the referent of two structures: one message
		actor("CCAS de Givors", "ccas", "69M", "Alex Durand", "Alex.Durand@givors.example", true);
		actor("Mairie de Bron", "mairie", "69M", null, null, false);
		actor("Mairie de Tarare", "mairie", "69D", "Sam Roux", null, true);
		actor("Mairie de Brignais", "mairie", "69D", "Lou Petit", "lou.petit@brignais.example", false);
		actor("Association du Rhône", "association", "69", "Eli Blanc", "eli@asso.example", true);
		actor("Mairie d'Angoulême", "mairie", "16", "Jo Vidal", "jo@angouleme.example", true);

		String id = list("Mairies et CCAS du Rhône", "mairie", "ccas");
		Mailing.Reach reach = mailing.getList(id, RHONE).reach();

		assertThat(reach.actors()).isEqualTo(5);
		assertThat(reach.recipients()).isEqualTo(1);
		assertThat(reach.reached()).extracting(Mailing.Reached::name, Mailing.Reached::sharedAddress)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("Mairie de Givors", true),
					org.assertj.core.groups.Tuple.tuple("CCAS de Givors", true));
		assertThat(reach.leftOut()).extracting(Mailing.LeftOut::name, Mailing.LeftOut::reason)
			.containsExactlyInAnyOrder(
					org.assertj.core.groups.Tuple.tuple("Mairie de Bron", RecipientPolicy.Exclusion.NO_REFERENT),
					org.assertj.core.groups.Tuple.tuple("Mairie de Tarare", RecipientPolicy.Exclusion.NO_EMAIL),
					org.assertj.core.groups.Tuple.tuple("Mairie de Brignais", RecipientPolicy.Exclusion.NO_CONSENT));
		// reading whom a list reaches shows no referent and logs no read
		assertThat(jdbc.sql("select count(*) from acteur_acces").query(Long.class).single()).isZero();

		// another territory's list is not found, not forbidden
		assertThatThrownBy(() -> mailing.getList(id, CHARENTE)).isInstanceOf(NotFoundException.class);
		assertThat(mailing.listLists(CHARENTE)).isEmpty();
		// a list of a territory not managed is refused with its field
		assertThatThrownBy(
				() -> mailing.createList(new Mailing.ListForm("Rhône", "69", "", List.of(), List.of()), CHARENTE))
			.isInstanceOfSatisfying(Mailing.InvalidListException.class,
					invalid -> assertThat(invalid.byField()).containsOnlyKeys("departement"));
		assertThatThrownBy(
				() -> mailing.createList(new Mailing.ListForm("", "99", "12", List.of("cantine"), List.of()), RHONE))
			.isInstanceOfSatisfying(Mailing.InvalidListException.class,
					invalid -> assertThat(invalid.byField()).containsOnlyKeys("nom", "departement", "epci", "types"));

		// two coordinators edit the same list: the second is told, nothing overwritten
		mailing.updateList(id, 0, new Mailing.ListForm("Mairies du Rhône", "69", "", List.of("mairie"), List.of()),
				RHONE);
		assertThatThrownBy(() -> mailing.updateList(id, 0,
				new Mailing.ListForm("CCAS du Rhône", "69", "", List.of("ccas"), List.of()), RHONE))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("modifiée entre-temps");
		assertThat(mailing.getList(id, RHONE).criteria().name()).isEqualTo("Mairies du Rhône");
		assertThat(mailing.getList(id, RHONE).version()).isEqualTo(1);
	}

	@Test
	void anAnnouncementIsQueuedEncryptedThenSentWithinTheRateAndErased() {
		for (int i = 0; i < 40; i++) {
			actor("Mairie " + i, "mairie", "69D", "Référent " + i, "referent" + i + "@mairie.example", true);
		}
		String list = list("Mairies");

		assertThatThrownBy(() -> mailing.announce(list, " ", "", RHONE)).isInstanceOfSatisfying(
				Mailing.InvalidAnnouncementException.class,
				invalid -> assertThat(invalid.byField()).containsOnlyKeys("objet", "texte"));
		String announcement = mailing.announce(list, "Plénière du 12 mars", "Bonjour,\nla plénière a lieu le 12.",
				RHONE);

		List<String> stored = jdbc.sql("select courriel from annonce_envoi").query(String.class).list();
		assertThat(stored).hasSize(40).allSatisfy(address -> assertThat(address).startsWith("v1.").doesNotContain("@"));
		assertThat(jdbc.sql("select count(*) from acteur_acces where action = 'diffusion'").query(Long.class).single())
			.isEqualTo(40);

		Instant now = soon();
		assertThat(job.sendDue(now, 30).sent()).isEqualTo(30);
		// the minute's budget is spent, whoever asks
		assertThat(job.sendDue(now.plusSeconds(20), 30).claimed()).isZero();
		assertThat(outbox()).hasSize(30);
		assertThat(job.sendDue(now.plusSeconds(61), 30).sent()).isEqualTo(10);

		assertThat(mailingRepository.countByStatus(announcement)).containsExactly(Map.entry(SendingStatus.SENT, 40));
		assertThat(jdbc.sql("select count(*) from annonce_envoi where courriel is not null").query(Long.class).single())
			.isZero();
		List<Map<String, Object>> sent = outbox();
		assertThat(sent).hasSize(40)
			.extracting(row -> row.get("destinataire"))
			.doesNotHaveDuplicates()
			.contains("referent7@mairie.example");
		Map<String, Object> one = sent.get(0);
		assertThat(one.get("sujet")).isEqualTo("Plénière du 12 mars");
		assertThat((String) one.get("corps")).startsWith("Bonjour,\nla plénière a lieu le 12.")
			.contains("référent·e de « Mairie ")
			.containsPattern(LINK);
		// only the token's hash is kept
		Matcher link = LINK.matcher((String) one.get("corps"));
		assertThat(link.find()).isTrue();
		assertThat(jdbc.sql("select count(*) from annonce_envoi where jeton_hash = :token")
			.param("token", link.group(1))
			.query(Long.class)
			.single()).isZero();
		assertThat(mailing.getAnnouncement(announcement, RHONE).progress())
			.containsExactly(Map.entry(SendingStatus.SENT, 40));
		assertThatThrownBy(() -> mailing.getAnnouncement(announcement, CHARENTE)).isInstanceOf(NotFoundException.class);
	}

	@Test
	void twoInstancesOfTheJobNeverSendTheSameMessageTwice() throws Exception {
		for (int i = 0; i < 40; i++) {
			actor("Mairie " + i, "mairie", "69D", "Référent " + i, "referent" + i + "@mairie.example", true);
		}
		mailing.announce(list("Mairies"), "Annonce", "Texte", RHONE);
		Instant now = soon();

		// messages another instance holds are skipped, not waited for
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			CountDownLatch locked = new CountDownLatch(1);
			CountDownLatch release = new CountDownLatch(1);
			Future<?> holder = threads.submit(() -> transactions.executeWithoutResult(status -> {
				jdbc.sql("select id from annonce_envoi order by id limit 5 for update").query().listOfRows();
				locked.countDown();
				try {
					release.await(30, TimeUnit.SECONDS);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
				}
			}));
			assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
			assertThat(job.sendDue(now, 100).sent()).isEqualTo(35);
			release.countDown();
			holder.get(30, TimeUnit.SECONDS);

			// the 5 left, by two instances at once: each message once
			CountDownLatch start = new CountDownLatch(1);
			List<Future<MailingJob.Result>> runs = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				runs.add(threads.submit(() -> {
					start.await();
					return job.sendDue(now.plusSeconds(1), 100);
				}));
			}
			start.countDown();
			int sent = 0;
			for (Future<MailingJob.Result> run : runs) {
				sent += run.get(30, TimeUnit.SECONDS).sent();
			}
			assertThat(sent).isEqualTo(5);
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(outbox()).hasSize(40).extracting(row -> row.get("destinataire")).doesNotHaveDuplicates();
	}

	@Test
	void twoInstancesTogetherKeepToTheRate() throws Exception {
		for (int i = 0; i < 20; i++) {
			actor("Mairie " + i, "mairie", "69D", "Référent " + i, "referent" + i + "@mairie.example", true);
		}
		mailing.announce(list("Mairies"), "Annonce", "Texte", RHONE);
		Instant now = soon();
		ExecutorService threads = Executors.newFixedThreadPool(3);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<MailingJob.Result>> runs = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				runs.add(threads.submit(() -> {
					start.await();
					return job.sendDue(now, 8);
				}));
			}
			start.countDown();
			int sent = 0;
			for (Future<MailingJob.Result> run : runs) {
				sent += run.get(30, TimeUnit.SECONDS).sent();
			}
			assertThat(sent).isEqualTo(8);
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Test
	void aFailedMessageIsTriedAgainThenMarkedFailedAndItsAddressErased() {
		actor("Mairie de Givors", "mairie", "69M", "Alex Durand", "alex.durand@givors.example", true);
		String announcement = mailing.announce(list("Mairies"), "Annonce", "Texte", RHONE);
		MailingJob failing = new MailingJob(mailingRepository, actorRepository, cipher, (to, subject, body) -> {
			throw new IllegalStateException("550 mailbox unavailable: " + to);
		}, transactions, clock, publicAddress, 30);
		Instant now = soon();

		assertThat(failing.sendDue(now).retried()).isEqualTo(1);
		// not before its time
		assertThat(failing.sendDue(now.plus(Duration.ofMinutes(2))).claimed()).isZero();
		assertThat(failing.sendDue(now.plus(Duration.ofMinutes(6))).retried()).isEqualTo(1);
		assertThat(failing.sendDue(now.plus(Duration.ofMinutes(17))).failed()).isEqualTo(1);

		Map<String, Object> row = jdbc.sql("select statut, essais, courriel, derniere_erreur from annonce_envoi")
			.query()
			.singleRow();
		assertThat(row).containsEntry("statut", "echec")
			.containsEntry("essais", 3)
			.containsEntry("derniere_erreur", "IllegalStateException");
		assertThat(row.get("courriel")).isNull();
		assertThat(mailingRepository.countByStatus(announcement)).containsExactly(Map.entry(SendingStatus.FAILED, 1));
		assertThat(outbox()).isEmpty();
	}

	@Test
	void theUnsubscribeLinkWithdrawsTheConsentAndTheNextAnnouncementSkipsHer() {
		String givors = actor("Mairie de Givors", "mairie", "69M", "Alex Durand", "alex.durand@givors.example", true);
		String ccas = actor("CCAS de Givors", "ccas", "69M", "Alex Durand", "alex.durand@givors.example", true);
		actor("Mairie de Bron", "mairie", "69M", "Lou Petit", "lou.petit@bron.example", true);
		String list = list("Mairies et CCAS");
		mailing.announce(list, "Première annonce", "Texte", RHONE);
		// a second announcement queued before she unsubscribes
		String second = mailing.announce(list, "Deuxième annonce", "Texte", RHONE);
		Instant now = soon();
		job.sendDue(now, 2);

		String body = jdbc
			.sql("select corps from courriel_sortant where destinataire = 'alex.durand@givors.example' and sujet = "
					+ "'Première annonce'")
			.query(String.class)
			.single();
		Matcher link = LINK.matcher(body);
		assertThat(link.find()).isTrue();
		String token = link.group(1);
		assertThat(body).contains("« CCAS de Givors », « Mairie de Givors »");

		// opening the link changes nothing
		assertThat(mailing.findLink(token)).hasValueSatisfying(state -> assertThat(state.used()).isFalse());
		assertThat(actors.getFile(givors, RHONE).actor().consentsInForce()).containsKey(ConsentPurpose.INVITATIONS);
		// an altered or unknown link is unknown, never an error
		String altered = (token.charAt(0) == 'A' ? "B" : "A") + token.substring(1);
		assertThat(mailing.findLink(altered)).isEmpty();
		assertThat(mailing.unsubscribe(altered)).isEmpty();
		assertThat(mailing.findLink("pas-un-jeton")).isEmpty();

		assertThat(mailing.unsubscribe(token)).hasValueSatisfying(before -> assertThat(before.used()).isFalse());
		for (String actor : List.of(givors, ccas)) {
			List<ContactConsent> consents = actors.getFile(actor, RHONE).consents();
			assertThat(consents).filteredOn(consent -> consent.purpose() == ConsentPurpose.INVITATIONS)
				.singleElement()
				.satisfies(consent -> {
					assertThat(consent.active()).isFalse();
					assertThat(consent.withdrawnBy()).isEqualTo("désinscription par lien");
				});
		}
		// confirming twice: said calmly, nothing more done
		assertThat(mailing.unsubscribe(token))
			.hasValueSatisfying(again -> assertThat(again.used()).isTrue().isNotNull());
		assertThat(mailing.findLink(token)).hasValueSatisfying(state -> assertThat(state.usedAt()).isNotNull());

		// the message queued before is not sent to her
		MailingJob.Result later = job.sendDue(now.plusSeconds(61), 30);
		assertThat(later.cancelled()).isEqualTo(1);
		assertThat(later.sent()).isEqualTo(1);
		assertThat(mailingRepository.countByStatus(second)).containsEntry(SendingStatus.CANCELLED, 1)
			.containsEntry(SendingStatus.SENT, 1);

		// the list shows why she is left out; the next announcement skips her
		Mailing.Reach reach = mailing.getList(list, RHONE).reach();
		assertThat(reach.recipients()).isEqualTo(1);
		assertThat(reach.leftOut()).extracting(Mailing.LeftOut::reason)
			.containsExactly(RecipientPolicy.Exclusion.UNSUBSCRIBED, RecipientPolicy.Exclusion.UNSUBSCRIBED);
		String third = mailing.announce(list, "Troisième annonce", "Texte", RHONE);
		assertThat(jdbc.sql("select count(*) from annonce_envoi where annonce_id = cast(:id as uuid)")
			.param("id", third)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

}
