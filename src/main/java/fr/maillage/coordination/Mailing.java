package fr.maillage.coordination;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import fr.maillage.accounts.AccountPrincipal;
import fr.maillage.coordination.domain.ActorManagementPolicy;
import fr.maillage.coordination.domain.ActorType;
import fr.maillage.coordination.domain.AnnouncementMessage;
import fr.maillage.coordination.domain.Competence;
import fr.maillage.coordination.domain.ConsentPurpose;
import fr.maillage.coordination.domain.MailingCriteria;
import fr.maillage.coordination.domain.RecipientPolicy;
import fr.maillage.coordination.persistence.EncryptedReferent;
import fr.maillage.coordination.persistence.JdbcActorRepository;
import fr.maillage.coordination.persistence.JdbcMailingRepository;
import fr.maillage.coordination.persistence.StoredActor;
import fr.maillage.shared.crypto.FieldCipher;
import fr.maillage.shared.importing.ImportIssue;
import fr.maillage.shared.web.BadRequestException;
import fr.maillage.shared.web.ConflictException;
import fr.maillage.shared.web.NotFoundException;
import fr.maillage.shared.web.PublicAddress;
import fr.maillage.territories.Territories;
import fr.maillage.territories.TerritoryLevel;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The coordination's mailing (issue 18, item 7; ADR 0027): lists saved as criteria on the
 * actors directory, announcements queued to the referents who accepted invitations and
 * announcements ({@link RecipientPolicy}), sent by {@link MailingJob}, and the
 * unsubscribe link that works without an account.
 * <p>
 * A coordinator sees the lists of her territories only (404 for the others), how many
 * people a list reaches today and which structures are left out and why — never the
 * referents' names or addresses here. The addresses are read when an announcement is
 * queued (logged as a read of the referents' details, action « diffusion »), copied
 * encrypted into the queue and erased once sent.
 */
@Service
public class Mailing {

	private static final Pattern TOKEN = Pattern.compile("^[A-Za-z0-9_-]{43}$");

	private final JdbcMailingRepository mailing;

	private final JdbcActorRepository actors;

	private final Territories territories;

	private final FieldCipher cipher;

	private final Clock clock;

	private final PublicAddress publicAddress;

	Mailing(JdbcMailingRepository mailing, JdbcActorRepository actors, Territories territories, FieldCipher cipher,
			Clock clock, PublicAddress publicAddress) {
		this.mailing = mailing;
		this.actors = actors;
		this.territories = territories;
		this.cipher = cipher;
		this.clock = clock;
		this.publicAddress = publicAddress;
	}

	/** A list as typed in the form: codes, not yet checked. */
	public record ListForm(String name, String departement, String epci, List<String> types, List<String> competences) {

		public static ListForm empty() {
			return new ListForm("", "", "", List.of(), List.of());
		}

		public static ListForm of(MailingCriteria criteria) {
			return new ListForm(criteria.name(), criteria.departement(), criteria.epci() == null ? "" : criteria.epci(),
					criteria.types().stream().sorted().map(ActorType::code).toList(),
					criteria.competences().stream().sorted().map(Competence::code).toList());
		}

	}

	/** A list and whom it reaches today. */
	public record MailingList(String id, MailingCriteria criteria, int version, Reach reach) {
	}

	/** A structure whose referent receives the list's announcements. */
	public record Reached(String actorId, String name, ActorType type, boolean sharedAddress) {
	}

	/** A structure of the list whose referent is not written to, and why. */
	public record LeftOut(String actorId, String name, ActorType type, RecipientPolicy.Exclusion reason) {
	}

	/**
	 * @param actors structures matching the list (in the account's territories)
	 * @param recipients distinct addresses: one message per person
	 */
	public record Reach(int actors, int recipients, List<Reached> reached, List<LeftOut> leftOut) {

		/** How many structures are left out for each reason. */
		public Map<RecipientPolicy.Exclusion, Long> countByReason() {
			Map<RecipientPolicy.Exclusion, Long> counts = new java.util.EnumMap<>(RecipientPolicy.Exclusion.class);
			leftOut.forEach(left -> counts.merge(left.reason(), 1L, Long::sum));
			return counts;
		}

	}

	/** Every problem of a list's form, with its field. */
	public static class InvalidListException extends BadRequestException {

		private final transient List<ImportIssue> issues;

		InvalidListException(List<ImportIssue> issues) {
			super("liste_invalide", issues.stream().map(ImportIssue::message).collect(Collectors.joining(" ")));
			this.issues = List.copyOf(issues);
		}

		public Map<String, String> byField() {
			Map<String, String> byField = new LinkedHashMap<>();
			issues
				.forEach(issue -> byField.merge(String.valueOf(issue.champ()), issue.message(), (a, b) -> a + " " + b));
			return byField;
		}

	}

	/** Every problem of an announcement, field → message. */
	public static class InvalidAnnouncementException extends BadRequestException {

		private final transient Map<String, String> problems;

		InvalidAnnouncementException(Map<String, String> problems) {
			super("annonce_invalide", String.join(" ", problems.values()));
			this.problems = Map.copyOf(problems);
		}

		public Map<String, String> byField() {
			return problems;
		}

	}

	/** The lists of the account's territories, each with whom it reaches today. */
	@Transactional(readOnly = true)
	public List<MailingList> listLists(AccountPrincipal account) {
		List<StoredActor> all = actors.listActors(null, null, null);
		return mailing.listLists()
			.stream()
			.filter(list -> mayManage(account, list.criteria()))
			.map(list -> new MailingList(list.id(), list.criteria(), list.version(),
					reach(list.criteria(), all, account)))
			.toList();
	}

	/**
	 * @throws NotFoundException unknown, or of another territory
	 */
	@Transactional(readOnly = true)
	public MailingList getList(String id, AccountPrincipal account) {
		JdbcMailingRepository.StoredList list = managedList(id, account);
		return new MailingList(list.id(), list.criteria(), list.version(),
				reach(list.criteria(), actors.listActors(null, null, null), account));
	}

	/**
	 * @return the new list's id
	 * @throws InvalidListException with every problem
	 */
	@Transactional
	public String createList(ListForm form, AccountPrincipal account) {
		MailingCriteria criteria = read(form, account);
		String id = UUID.randomUUID().toString();
		mailing.insertList(id, criteria, clock.instant(), account.signature());
		return id;
	}

	/**
	 * @param version the version the form was read at
	 * @throws ConflictException when someone saved the list meanwhile
	 */
	@Transactional
	public void updateList(String id, int version, ListForm form, AccountPrincipal account) {
		JdbcMailingRepository.StoredList list = managedList(id, account);
		MailingCriteria criteria = read(form, account);
		if (!mailing.updateList(list.id(), version, criteria, clock.instant(), account.signature())) {
			JdbcMailingRepository.StoredList now = mailing.findList(id).orElseThrow();
			throw new ConflictException("liste_modifiee",
					"Cette liste a été modifiée entre-temps par " + now.modifiedBy() + " : rechargez la page pour voir "
							+ "ses critères actuels, puis refaites votre modification.");
		}
	}

	/** A message as its recipients will read it, with a sample link. */
	public record Preview(String subject, String body, int recipients) {
	}

	/**
	 * @throws InvalidAnnouncementException empty subject or text, too long
	 */
	@Transactional(readOnly = true)
	public Preview preview(String listId, String subject, String text, AccountPrincipal account) {
		MailingList list = getList(listId, account);
		check(subject, text, list.reach());
		return new Preview(AnnouncementMessage.subject(subject),
				AnnouncementMessage.body(text, List.of("nom de sa structure"),
						publicAddress.get() + "/diffusion/desinscription/(lien personnel de chaque destinataire)"),
				list.reach().recipients());
	}

	/**
	 * Queues an announcement: one message per distinct address among the list's
	 * recipients today, the address encrypted; the read of the referents' addresses is
	 * logged.
	 * @return the announcement's id
	 * @throws InvalidAnnouncementException empty subject or text, or nobody reached
	 */
	@Transactional
	public String announce(String listId, String subject, String text, AccountPrincipal account) {
		JdbcMailingRepository.StoredList list = managedList(listId, account);
		Map<String, List<StoredActor>> byAddress = new LinkedHashMap<>();
		Reach reach = reach(list.criteria(), actors.listActors(null, null, null), account, byAddress);
		check(subject, text, reach);
		Instant now = clock.instant();
		String id = UUID.randomUUID().toString();
		mailing.insertAnnouncement(id, list.id(), list.criteria(), AnnouncementMessage.subject(subject), text.strip(),
				now, account.signature(), byAddress.size());
		List<String> read = new ArrayList<>();
		byAddress.forEach((address, referents) -> {
			String sending = UUID.randomUUID().toString();
			List<String> ids = referents.stream().map(StoredActor::id).toList();
			mailing.queue(sending, id, ids, String.valueOf(cipher.encrypt(address, context(sending))), now);
			read.addAll(ids);
		});
		actors.logAccess(read, accountId(account), account.signature(), now, "diffusion");
		return id;
	}

	/**
	 * The announcements of the account's territories, latest first, with their progress.
	 */
	@Transactional(readOnly = true)
	public List<JdbcMailingRepository.StoredAnnouncement> listAnnouncements(AccountPrincipal account) {
		return mailing.listAnnouncements()
			.stream()
			.filter(announcement -> ActorManagementPolicy.mayManage(account, announcement.departement(),
					announcement.epci()))
			.toList();
	}

	/**
	 * @throws NotFoundException unknown, or of another territory
	 */
	@Transactional(readOnly = true)
	public JdbcMailingRepository.StoredAnnouncement getAnnouncement(String id, AccountPrincipal account) {
		return mailing.findAnnouncement(id)
			.filter(announcement -> ActorManagementPolicy.mayManage(account, announcement.departement(),
					announcement.epci()))
			.orElseThrow(() -> new NotFoundException("Aucune annonce de vos territoires n'a cet identifiant."));
	}

	/** What an unsubscribe link is: usable, or used already (and when). */
	public record LinkState(boolean used, @Nullable Instant usedAt) {
	}

	/**
	 * @return empty for an unknown (or altered) link
	 */
	@Transactional(readOnly = true)
	public Optional<LinkState> findLink(String token) {
		if (!TOKEN.matcher(token).matches()) {
			return Optional.empty();
		}
		return mailing.findByTokenHash(hash(token))
			.map(found -> new LinkState(found.unsubscribedAt() != null, found.unsubscribedAt()));
	}

	/**
	 * Withdraws the consent « invitations » of the referent a message was sent to (every
	 * structure it was sent for), given before the message: a dated record signed «
	 * désinscription par lien ».
	 * @return the link's state before: empty when unknown; used when it had served
	 * already (nothing done)
	 */
	@Transactional
	public Optional<LinkState> unsubscribe(String token) {
		if (!TOKEN.matcher(token).matches()) {
			return Optional.empty();
		}
		Optional<JdbcMailingRepository.Unsubscription> found = mailing.findByTokenHash(hash(token));
		if (found.isEmpty()) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		if (found.get().unsubscribedAt() != null || !mailing.markUnsubscribed(found.get().sendingId(), now)) {
			return Optional.of(new LinkState(true, found.get().unsubscribedAt()));
		}
		for (String actor : found.get().actorIds()) {
			actors.withdrawConsentGrantedBefore(actor, ConsentPurpose.INVITATIONS, found.get().sentAt(), now,
					RecipientPolicy.UNSUBSCRIBED_BY_LINK,
					"le référent a suivi le lien de désinscription d'une annonce");
		}
		return Optional.of(new LinkState(false, null));
	}

	/** The SHA-256 of a token, as stored. */
	static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException impossible) {
			throw new IllegalStateException(impossible);
		}
	}

	/** The authenticated context of a queued address. */
	static String context(String sendingId) {
		return "annonce_envoi/" + sendingId + "/courriel";
	}

	private void check(String subject, String text, Reach reach) {
		Map<String, String> problems = new LinkedHashMap<>(AnnouncementMessage.problems(subject, text));
		if (reach.actors() == 0) {
			problems.put("liste",
					"Aucune structure de l'annuaire ne correspond aujourd'hui aux critères de cette liste : "
							+ "aucune annonce ne peut lui être envoyée. Élargissez ses critères plus bas.");
		}
		else if (reach.recipients() == 0) {
			problems.put("liste", "Cette liste n'atteint personne aujourd'hui (voir ci-dessus les structures écartées "
					+ "et pourquoi) : aucune annonce ne peut lui être envoyée.");
		}
		if (!problems.isEmpty()) {
			throw new InvalidAnnouncementException(problems);
		}
	}

	private JdbcMailingRepository.StoredList managedList(String id, AccountPrincipal account) {
		return mailing.findList(id)
			.filter(list -> mayManage(account, list.criteria()))
			.orElseThrow(
					() -> new NotFoundException("Aucune liste de diffusion de vos territoires n'a cet identifiant."));
	}

	private static boolean mayManage(AccountPrincipal account, MailingCriteria criteria) {
		return ActorManagementPolicy.mayManage(account, criteria.departement(), criteria.epci());
	}

	private Reach reach(MailingCriteria criteria, List<StoredActor> all, AccountPrincipal account) {
		return reach(criteria, all, account, new LinkedHashMap<>());
	}

	/**
	 * @param byAddress filled with the recipients: address (lower case) → their actors
	 */
	private Reach reach(MailingCriteria criteria, List<StoredActor> all, AccountPrincipal account,
			Map<String, List<StoredActor>> byAddress) {
		List<StoredActor> matching = all.stream()
			.filter(actor -> criteria.matches(actor.departement(), actor.epci(), actor.type(), actor.competences()))
			.filter(actor -> ActorManagementPolicy.mayManage(account, actor.departement(), actor.epci()))
			.toList();
		Set<String> unsubscribed = actors.listLastWithdrawnBy(matching.stream().map(StoredActor::id).toList(),
				ConsentPurpose.INVITATIONS, RecipientPolicy.UNSUBSCRIBED_BY_LINK);
		List<LeftOut> leftOut = new ArrayList<>();
		List<StoredActor> kept = new ArrayList<>();
		for (StoredActor actor : matching) {
			String email = email(actor);
			Optional<RecipientPolicy.Exclusion> exclusion = RecipientPolicy.exclusion(actor.referent() != null,
					email != null && !email.isBlank(), actor.consentsInForce().containsKey(ConsentPurpose.INVITATIONS),
					unsubscribed.contains(actor.id()));
			if (exclusion.isPresent()) {
				leftOut.add(new LeftOut(actor.id(), actor.name(), actor.type(), exclusion.get()));
			}
			else {
				byAddress
					.computeIfAbsent(String.valueOf(email).strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
					.add(actor);
				kept.add(actor);
			}
		}
		Set<String> shared = byAddress.values()
			.stream()
			.filter(group -> group.size() > 1)
			.flatMap(group -> group.stream().map(StoredActor::id))
			.collect(Collectors.toSet());
		List<Reached> reached = kept.stream()
			.map(actor -> new Reached(actor.id(), actor.name(), actor.type(), shared.contains(actor.id())))
			.toList();
		return new Reach(matching.size(), byAddress.size(), reached, leftOut);
	}

	private @Nullable String email(StoredActor actor) {
		EncryptedReferent referent = actor.referent();
		return referent == null ? null
				: cipher.decrypt(referent.email(), EncryptedReferent.context(actor.id(), "referent_courriel"));
	}

	private MailingCriteria read(ListForm form, AccountPrincipal account) {
		String name = form.name().strip();
		String departement = form.departement().strip().toUpperCase(Locale.ROOT);
		String epci = form.epci().strip().isEmpty() ? null : form.epci().strip();
		Set<String> knownDepartements = territories.mapNames(TerritoryLevel.DEPARTEMENT)
			.keySet()
			.stream()
			.map(code -> code.toUpperCase(Locale.ROOT))
			.collect(Collectors.toSet());
		List<ImportIssue> problems = new ArrayList<>(MailingCriteria.problems(name, departement, epci,
				knownDepartements, epci == null ? Set.of() : territories.mapNames(TerritoryLevel.EPCI).keySet()));
		Set<ActorType> types = EnumSet.noneOf(ActorType.class);
		for (String code : form.types()) {
			ActorType.findByCode(code)
				.ifPresentOrElse(types::add, () -> problems
					.add(new ImportIssue(1L, "types", code, "« " + code + " » n'est pas un type de structure connu.")));
		}
		Set<Competence> competences = EnumSet.noneOf(Competence.class);
		for (String code : form.competences()) {
			Competence.findByCode(code)
				.ifPresentOrElse(competences::add, () -> problems.add(
						new ImportIssue(1L, "competences", code, "« " + code + " » n'est pas une compétence connue.")));
		}
		if (problems.isEmpty() && !ActorManagementPolicy.mayManage(account, departement, epci)) {
			problems.add(new ImportIssue(1L, "departement", departement,
					"Vous ne gérez pas les acteurs de ce territoire : choisissez l'un des vôtres."));
		}
		if (!problems.isEmpty()) {
			throw new InvalidListException(problems);
		}
		return new MailingCriteria(name, departement, epci, types, competences);
	}

	/** The bootstrap token acts without an account. */
	private static @Nullable String accountId(AccountPrincipal account) {
		try {
			UUID id = UUID.fromString(account.id());
			return id.equals(new UUID(0, 0)) ? null : id.toString();
		}
		catch (IllegalArgumentException notAnAccount) {
			return null;
		}
	}

}
