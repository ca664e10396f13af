package fr.maillage.orientations;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import fr.maillage.accounts.AccountPrincipal;
import fr.maillage.accounts.Accounts;
import fr.maillage.accounts.Mailer;
import fr.maillage.contributions.LieuEditing;
import fr.maillage.contributions.Structures;
import fr.maillage.contributions.domain.Structure;
import fr.maillage.orientations.domain.Consent;
import fr.maillage.orientations.domain.ConsentMode;
import fr.maillage.orientations.domain.ConsentPolicy;
import fr.maillage.shared.crypto.FieldCipher;
import fr.maillage.orientations.domain.InformationNotice;
import fr.maillage.orientations.domain.OrientationStatus;
import fr.maillage.orientations.domain.OrientationStatus.Actor;
import fr.maillage.orientations.domain.PersonData;
import fr.maillage.orientations.domain.RefusalReason;
import fr.maillage.orientations.persistence.AccessRow;
import fr.maillage.orientations.persistence.EncryptedPerson;
import fr.maillage.orientations.persistence.JdbcConsentRepository;
import fr.maillage.orientations.persistence.JdbcOrientationRepository;
import fr.maillage.orientations.persistence.OrientationRow;
import fr.maillage.orientations.persistence.TransitionRow;
import fr.maillage.places.Place;
import fr.maillage.places.PlaceDirectory;
import fr.maillage.shared.web.BadRequestException;
import fr.maillage.shared.web.ConflictException;
import fr.maillage.shared.web.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Orientations (issue 16), the module's API: sending one with the person's consent, who
 * may see and answer it, its status changes, withdrawing the consent. An orientation is
 * seen by its orienteur and by its receivers — the members of the structure the lieu is
 * attached to and the coordinators covering the lieu ({@link LieuEditing#mayEdit}); to
 * anyone else it does not exist (404, no existence leak). Every read of a person's data
 * is logged; the data is encrypted at rest ({@link FieldCipher}).
 */
@Service
public class Orientations {

	/** How many orientations a list shows. */
	static final int LIST_LIMIT = 200;

	private final JdbcOrientationRepository repository;

	private final JdbcConsentRepository consents;

	private final PlaceDirectory places;

	private final LieuEditing editing;

	private final Structures structures;

	private final Accounts accounts;

	private final Mailer mailer;

	private final FieldCipher cipher;

	private final OrientationTerritories territories;

	private final ReceivingLieux receiving;

	private final Clock clock;

	private final int retentionMonths;

	private final String baseUrl;

	private final ApplicationEventPublisher events;

	Orientations(JdbcOrientationRepository repository, JdbcConsentRepository consents, PlaceDirectory places,
			LieuEditing editing, Structures structures, Accounts accounts, Mailer mailer, FieldCipher cipher,
			OrientationTerritories territories, ReceivingLieux receiving, Clock clock,
			@Value("${maillage.orientations.conservation-mois:24}") int retentionMonths,
			@Value("${maillage.url-publique:http://localhost:8080}") String baseUrl, ApplicationEventPublisher events) {
		this.repository = repository;
		this.consents = consents;
		this.places = places;
		this.editing = editing;
		this.structures = structures;
		this.accounts = accounts;
		this.mailer = mailer;
		this.cipher = cipher;
		this.territories = territories;
		this.receiving = receiving;
		this.clock = clock;
		this.retentionMonths = retentionMonths;
		this.baseUrl = baseUrl.replaceAll("/+$", "");
		this.events = events;
	}

	/**
	 * The consent as the professional records it.
	 *
	 * @param given whether the person said yes, after the notice
	 * @param mode how she said it; null when not said
	 * @param recordedAt when; null for now
	 * @param noticeVersion the notice she was shown; null for today's
	 */
	public record ConsentInput(boolean given, @Nullable ConsentMode mode, @Nullable Instant recordedAt,
			@Nullable String noticeVersion) {

	}

	/** An orientation in a list: enough to find it, its person's first name. */
	public record Summary(String id, String lieuId, String lieuName, String commune, OrientationStatus status,
			Instant sentAt, Instant statusAt, @Nullable String firstName) {

	}

	/** One step of an orientation's timeline. */
	public record Step(@Nullable OrientationStatus from, OrientationStatus to, String by, Instant at,
			@Nullable String reason, @Nullable String message) {

	}

	/**
	 * An orientation as its orienteur or a receiver sees it.
	 *
	 * @param person null once erased
	 * @param possible the statuses this viewer may move it to now
	 */
	public record Detail(String id, String lieuId, @Nullable Place place, OrientationStatus status,
			@Nullable PersonData person, String orienteur, Instant sentAt, @Nullable Consent consent, List<Step> steps,
			boolean isOrienteur, boolean isReceiver, List<OrientationStatus> possible, @Nullable Instant erasedAt,
			@Nullable String erasure) {

	}

	/** Who read or changed the person's data, and the status changes. */
	public record Journal(List<AccessRow> accesses, List<Step> steps) {

	}

	/**
	 * Sends an orientation to a lieu.
	 * @return its id
	 * @throws BadRequestException when the person's data cannot be sent
	 * @throws ConsentRequiredException without a valid consent
	 * @throws NotFoundException when the lieu does not exist
	 */
	@Transactional
	public String send(String lieuId, PersonData person, ConsentInput consentInput, AccountPrincipal orienteur) {
		Place place = places.findPlace(lieuId)
			.orElseThrow(() -> new NotFoundException("Ce lieu n'existe pas ou plus dans l'annuaire."));
		Map<String, String> problems = person.problems();
		if (!problems.isEmpty()) {
			throw new BadRequestException("donnees_invalides", String.join(" ", problems.values()),
					List.copyOf(problems.values()));
		}
		Instant now = clock.instant();
		Consent consent = consentInput.given() && consentInput.mode() != null ? new Consent(InformationNotice.PURPOSE,
				InformationNotice.DATA_SHARED, recipients(place), retentionMonths, consentInput.mode(),
				orienteur.signature(), consentInput.recordedAt() == null ? now : consentInput.recordedAt(),
				consentInput.noticeVersion() == null ? InformationNotice.VERSION : consentInput.noticeVersion(), null)
				: null;
		List<String> refused = new ArrayList<>(
				ConsentPolicy.problems(consent, now).stream().map(ConsentPolicy.Problem::message).toList());
		if (consentInput.given() && consentInput.mode() == null) {
			refused.add("Indiquez comment la personne a donné son accord : "
					+ String.join(", ", java.util.Arrays.stream(ConsentMode.values()).map(ConsentMode::code).toList())
					+ ".");
		}
		if (!refused.isEmpty()) {
			throw new ConsentRequiredException(refused);
		}
		UUID id = UUID.randomUUID();
		repository.insert(id, UUID.fromString(place.id()), UUID.fromString(orienteur.id()), encrypt(id, person), now);
		consents.insert(id, consent);
		// the territory's figures read where it was sent, whatever becomes of the lieu
		territories.record(id, place, now);
		repository.insertTransition(id, null, OrientationStatus.ENVOYEE, UUID.fromString(orienteur.id()),
				orienteur.signature(), now, null, null);
		repository.insertAccess(id, UUID.fromString(orienteur.id()), orienteur.signature(), now, "creation");
		notifyReceivers(place, id.toString());
		// a lieu with nobody attached is sent a signed link (OrientationLinks)
		events.publishEvent(new OrientationSent(id.toString(), place.id()));
		return id.toString();
	}

	/** The recipients as the consent names them. */
	private String recipients(Place place) {
		return "L'équipe du lieu « " + place.name() + " » (" + place.commune() + ")"
				+ structures.findStructureOf(place.id())
					.map(structure -> ", structure « " + structure.name() + " »")
					.orElse("")
				+ ", et la coordination du numérique de son territoire";
	}

	/** E-mails carry a link, never the person's data. */
	private void notifyReceivers(Place place, String id) {
		Optional<Structure> structure = structures.findStructureOf(place.id());
		if (structure.isEmpty()) {
			return;
		}
		for (AccountPrincipal member : accounts.listMembersOfStructure(structure.get().id())) {
			mailer.send(member.email(), "Maillage : une nouvelle orientation vous attend",
					"Bonjour " + member.name() + ",\n\nUne nouvelle orientation vous attend pour « " + place.name()
							+ " ». Connectez-vous pour la lire et y répondre :\n\n" + baseUrl + "/espace/orientations/"
							+ id + "\n\nPour protéger la personne, ce courriel ne dit rien d'elle.");
		}
	}

	private EncryptedPerson encrypt(UUID id, PersonData person) {
		return new EncryptedPerson(cipher.encrypt(person.firstName(), id + "/prenom"),
				cipher.encrypt(person.phone(), id + "/telephone"), cipher.encrypt(person.email(), id + "/courriel"),
				cipher.encrypt(person.need(), id + "/besoin"));
	}

	@Nullable PersonData decrypt(OrientationRow row) {
		if (row.erasedAt() != null || row.person().firstName() == null) {
			return null;
		}
		UUID id = row.id();
		return new PersonData(String.valueOf(cipher.decrypt(row.person().firstName(), id + "/prenom")),
				cipher.decrypt(row.person().phone(), id + "/telephone"),
				cipher.decrypt(row.person().email(), id + "/courriel"),
				String.valueOf(cipher.decrypt(row.person().need(), id + "/besoin")));
	}

	/** Whose side the account is on, for this orientation. */
	record Sides(boolean orienteur, boolean receiver, @Nullable Place place) {

		boolean any() {
			return orienteur || receiver;
		}

	}

	Sides sides(OrientationRow row, AccountPrincipal account) {
		Place place = places.findPlace(row.lieuId().toString()).orElse(null);
		boolean receiver = place != null && editing.mayEdit(account, place);
		return new Sides(row.orienteurId().toString().equals(account.id()), receiver, place);
	}

	/**
	 * The orientation, if the account is its orienteur or a receiver.
	 * @throws NotFoundException for anyone else, as for an orientation that does not
	 * exist
	 */
	OrientationRow getVisible(String id, AccountPrincipal account) {
		Optional<UUID> uuid = parse(id);
		Optional<OrientationRow> row = uuid.flatMap(repository::findById);
		if (row.isEmpty() || !sides(row.get(), account).any()) {
			throw new NotFoundException("Cette orientation n'existe pas, ou vous n'y avez pas accès.");
		}
		return row.get();
	}

	private static Optional<UUID> parse(String id) {
		try {
			return Optional.of(UUID.fromString(id));
		}
		catch (IllegalArgumentException notAnId) {
			return Optional.empty();
		}
	}

	/**
	 * The orientation with the person's data; the read is logged.
	 * @throws NotFoundException unless the account is its orienteur or a receiver
	 */
	@Transactional
	public Detail getForAccount(String id, AccountPrincipal account) {
		OrientationRow row = getVisible(id, account);
		return detail(row, sides(row, account), UUID.fromString(account.id()), account.signature());
	}

	/**
	 * The orientation as the holder of a signed link sees it: the receiving side, without
	 * an account ({@link OrientationLinks} checked the link); the read is logged.
	 */
	@Transactional
	Detail getForLink(OrientationRow row, String signature) {
		Place place = places.findPlace(row.lieuId().toString()).orElse(null);
		return detail(row, new Sides(false, true, place), null, signature);
	}

	private Detail detail(OrientationRow row, Sides sides, @Nullable UUID accountId, String signature) {
		PersonData person = decrypt(row);
		if (person != null) {
			repository.insertAccess(row.id(), accountId, signature, clock.instant(), "lecture");
		}
		List<Step> steps = steps(row);
		List<OrientationStatus> possible = row.status()
			.next()
			.stream()
			.filter(next -> (sides.orienteur() && row.status().mayBecome(next, Actor.ORIENTEUR))
					|| (sides.receiver() && row.status().mayBecome(next, Actor.RECEIVER)))
			.sorted()
			.toList();
		return new Detail(row.id().toString(), row.lieuId().toString(), sides.place(), row.status(), person,
				steps.isEmpty() ? "" : steps.get(0).by(), row.sentAt(),
				consents.findByOrientation(row.id()).orElse(null), steps, sides.orienteur(), sides.receiver(), possible,
				row.erasedAt(), row.erasure());
	}

	List<Step> steps(OrientationRow row) {
		List<Step> steps = new ArrayList<>();
		for (TransitionRow transition : repository.listTransitions(row.id())) {
			String message = null;
			if (transition.encryptedMessage() != null) {
				message = cipher.decrypt(transition.encryptedMessage(), messageContext(row.id(), transition.to()));
			}
			String reason = transition.reason() == null ? null
					: RefusalReason.findByCode(transition.reason())
						.map(RefusalReason::label)
						.orElse(transition.reason());
			steps.add(new Step(transition.from(), transition.to(), transition.by(), transition.at(), reason, message));
		}
		return steps;
	}

	/**
	 * Moves the orientation to another status, as its orienteur (cancel) or a receiver
	 * (accept, refuse with a reason, came, did not come, support ended).
	 * @throws NotFoundException unless the account is its orienteur or a receiver
	 * @throws ConflictException ({@code transition_interdite}) when the workflow does not
	 * allow it from the current status, or someone answered meanwhile
	 * @throws AccessDeniedException when the move is the other side's
	 */
	@Transactional
	public OrientationStatus changeStatus(String id, String statusCode, @Nullable String reasonCode,
			@Nullable String message, AccountPrincipal account) {
		OrientationRow row = getVisible(id, account);
		return change(row, sides(row, account), statusCode, reasonCode, message, UUID.fromString(account.id()),
				account.signature());
	}

	/**
	 * An answer of the receiving side through a signed link ({@link OrientationLinks}
	 * checked the link and the statuses it may answer).
	 */
	@Transactional
	OrientationStatus changeStatusForLink(OrientationRow row, String statusCode, @Nullable String reasonCode,
			@Nullable String message, String signature) {
		Place place = places.findPlace(row.lieuId().toString()).orElse(null);
		return change(row, new Sides(false, true, place), statusCode, reasonCode, message, null, signature);
	}

	private OrientationStatus change(OrientationRow row, Sides sides, @Nullable String statusCode,
			@Nullable String reasonCode, @Nullable String message, @Nullable UUID accountId, String signature) {
		OrientationStatus to = OrientationStatus.findByCode(statusCode == null ? "" : statusCode.strip())
			.orElseThrow(() -> new BadRequestException("statut_inconnu", "Le statut « " + statusCode
					+ " » n'existe pas. Statuts possibles : " + String.join(", ", codes()) + "."));
		if (!row.status().canBecome(to)) {
			throw new ConflictException("transition_interdite",
					"Une orientation « " + row.status().label() + " » ne peut pas devenir « " + to.label() + " ».");
		}
		boolean allowed = (sides.orienteur() && row.status().mayBecome(to, Actor.ORIENTEUR))
				|| (sides.receiver() && row.status().mayBecome(to, Actor.RECEIVER));
		if (!allowed) {
			throw new AccessDeniedException(
					to.takenBy() == Actor.ORIENTEUR ? "Seule la personne qui a orienté peut faire cela."
							: "Seule l'équipe du lieu qui reçoit l'orientation peut faire cela.");
		}
		String reason = null;
		if (to == OrientationStatus.REFUSEE) {
			reason = RefusalReason.findByCode(reasonCode == null ? "" : reasonCode.strip())
				.map(RefusalReason::code)
				.orElseThrow(() -> new BadRequestException("motif_requis",
						"Choisissez la raison du refus dans la liste, pour que la personne qui a orienté puisse "
								+ "chercher un autre lieu."));
		}
		String text = message == null || message.isBlank() ? null : message.strip();
		if (text != null && text.length() > 1000) {
			throw new BadRequestException("message_trop_long", "Le message est trop long (1 000 caractères au plus).");
		}
		Instant now = clock.instant();
		if (!repository.updateStatus(row.id(), row.status(), to, now)) {
			throw new ConflictException("transition_interdite",
					"Quelqu'un vient de changer cette orientation : rechargez la page pour voir son statut.");
		}
		repository.insertTransition(row.id(), row.status(), to, accountId, signature, now, reason,
				cipher.encrypt(text, messageContext(row.id(), to)));
		return to;
	}

	/**
	 * The context a transition's message is encrypted with: each status is reached once.
	 */
	private static String messageContext(UUID id, OrientationStatus to) {
		return id + "/transition/" + to.code();
	}

	private static List<String> codes() {
		return java.util.Arrays.stream(OrientationStatus.values()).map(OrientationStatus::code).toList();
	}

	/**
	 * Records that the person withdrew her consent: her data is erased at once; the
	 * statuses stay, without her.
	 * @throws NotFoundException unless the account is its orienteur or a receiver
	 */
	@Transactional
	public void revokeConsent(String id, AccountPrincipal account) {
		OrientationRow row = getVisible(id, account);
		Instant now = clock.instant();
		consents.revoke(row.id(), now, account.signature());
		repository.erasePersonalData(row.id(), "retrait", now);
		repository.insertAccess(row.id(), UUID.fromString(account.id()), account.signature(), now,
				"retrait_consentement");
	}

	/**
	 * Who read or changed the person's data, and the status changes.
	 * @throws NotFoundException unless the account is its orienteur or a receiver
	 */
	@Transactional(readOnly = true)
	public Journal getJournal(String id, AccountPrincipal account) {
		OrientationRow row = getVisible(id, account);
		List<Step> steps = steps(row).stream()
			.map(step -> new Step(step.from(), step.to(), step.by(), step.at(), step.reason(), null))
			.toList();
		return new Journal(repository.listAccess(row.id()), steps);
	}

	/** What the account sent, newest first; each first name shown is a logged read. */
	@Transactional
	public List<Summary> listSent(AccountPrincipal account) {
		return summaries(repository.listSentBy(UUID.fromString(account.id()), LIST_LIMIT), account);
	}

	/**
	 * What the lieux the account receives for were sent, newest first; each first name
	 * shown is a logged read.
	 */
	@Transactional
	public List<Summary> listReceived(AccountPrincipal account) {
		return summaries(repository.listSentTo(receiving.of(account), LIST_LIMIT), account);
	}

	private List<Summary> summaries(List<OrientationRow> rows, AccountPrincipal account) {
		Instant now = clock.instant();
		List<Summary> summaries = new ArrayList<>();
		// a list names few lieux many times: each read once
		Map<UUID, Optional<Place>> lieux = new java.util.HashMap<>();
		List<UUID> read = new ArrayList<>();
		for (OrientationRow row : rows) {
			Optional<Place> place = lieux.computeIfAbsent(row.lieuId(), id -> places.findPlace(id.toString()));
			String firstName = null;
			if (row.erasedAt() == null && row.person().firstName() != null) {
				firstName = cipher.decrypt(row.person().firstName(), row.id() + "/prenom");
				read.add(row.id());
			}
			summaries.add(new Summary(row.id().toString(), row.lieuId().toString(),
					place.map(Place::name).orElse("Lieu retiré de l'annuaire"), place.map(Place::commune).orElse(""),
					row.status(), row.sentAt(), row.statusAt(), firstName));
		}
		// every first name shown is a logged read, in one statement
		repository.insertAccesses(read, UUID.fromString(account.id()), account.signature(), now, "lecture");
		summaries.sort(Comparator.comparing(Summary::sentAt).reversed());
		return summaries;
	}

}
