package fr.maillage.coordination;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import fr.maillage.accounts.AccountPrincipal;
import fr.maillage.coordination.domain.ActorManagementPolicy;
import fr.maillage.coordination.domain.ActorType;
import fr.maillage.coordination.domain.IcsCalendar;
import fr.maillage.coordination.domain.InvitationPolicy;
import fr.maillage.coordination.domain.MeetingEntry;
import fr.maillage.coordination.domain.MeetingRules;
import fr.maillage.coordination.domain.MeetingState;
import fr.maillage.coordination.persistence.EncryptedReferent;
import fr.maillage.coordination.persistence.JdbcActorRepository;
import fr.maillage.coordination.persistence.JdbcMeetingRepository;
import fr.maillage.coordination.persistence.StoredActor;
import fr.maillage.coordination.persistence.StoredMeeting;
import fr.maillage.coordination.persistence.StoredParticipant;
import fr.maillage.shared.crypto.FieldCipher;
import fr.maillage.shared.mail.OutgoingMail;
import fr.maillage.shared.web.BadRequestException;
import fr.maillage.shared.web.ConflictException;
import fr.maillage.shared.web.NotFoundException;
import fr.maillage.shared.web.PublicAddress;
import fr.maillage.territories.Territories;
import fr.maillage.territories.TerritoryLevel;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The meetings of a territory (issue 18, « espaces d'échanges »): created, edited and
 * cancelled by its coordinators ({@link ActorManagementPolicy}); invitations by e-mail
 * with an {@code .ics} to a body's members, to actors of the directory (their referent,
 * with the consent « invitations » in force: {@link InvitationPolicy}) or to a person
 * typed by name and e-mail; a public registration when the meeting allows it; an ICS feed
 * per département. Participants' names and e-mails are encrypted ({@link FieldCipher},
 * context « reunion_participant/&lt;id&gt;/&lt;colonne&gt; »).
 */
@Service
public class Meetings {

	/** How far back the feed goes: the last three months, and every future meeting. */
	static final Duration FEED_PAST = Duration.ofDays(92);

	static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRANCE);

	private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("H' h 'mm", Locale.FRANCE);

	private final JdbcMeetingRepository meetings;

	private final Attendance attendance;

	private final JdbcActorRepository actors;

	private final Territories territories;

	private final FieldCipher cipher;

	private final Clock clock;

	private final OutgoingMail mail;

	private final PublicAddress publicAddress;

	private final String organizer;

	Meetings(JdbcMeetingRepository meetings, JdbcActorRepository actors, Territories territories, FieldCipher cipher,
			Clock clock, OutgoingMail mail, PublicAddress publicAddress, Environment environment,
			Attendance attendance) {
		this.meetings = meetings;
		this.attendance = attendance;
		this.actors = actors;
		this.territories = territories;
		this.cipher = cipher;
		this.clock = clock;
		this.mail = mail;
		this.publicAddress = publicAddress;
		this.organizer = environment.getProperty("maillage.courriel.expediteur", "ne-pas-repondre@maillage.local");
	}

	/** A meeting as pages and the API show it. */
	public record Meeting(String id, MeetingEntry entry, @Nullable String bodyName, int version, MeetingState state,
			String when, String startLocal, String endLocal) {

		public boolean past(Instant now) {
			return entry.end().isBefore(now);
		}

	}

	/** A participant as the meeting's coordinators see it: name and e-mail in clear. */
	public record Participant(String id, @Nullable String name, @Nullable String email, @Nullable String structure,
			@Nullable String typeLabel, String origin, @Nullable Instant invitedAt, @Nullable Instant registeredAt) {

		public String originLabel() {
			return switch (origin) {
				case "invitation" -> registeredAt != null ? "Invité·e, inscrit·e" : "Invité·e";
				case "inscription" -> "Inscrit·e";
				default -> "Sur place";
			};
		}

	}

	/** A meeting's page for its coordinators. */
	public record MeetingFile(Meeting meeting, List<Participant> participants, List<Invitable> invitable) {
	}

	/**
	 * An actor of the meeting's territory, and why its referent cannot be invited (if
	 * so).
	 */
	public record Invitable(String actorId, String name, String typeLabel, @Nullable String refusal) {
	}

	/** Who an invitation reached, who already was, and who could not be, with why. */
	public record InvitationReport(List<String> invited, List<String> already, List<Refused> refused) {
	}

	/** A structure whose referent could not be invited. */
	public record Refused(String structure, String reason) {
	}

	/**
	 * The meetings a coordinator manages: coming (soonest first) and past (latest first).
	 */
	public record Agenda(List<Meeting> upcoming, List<Meeting> past) {
	}

	/** A meeting's entry refused: each problem by field. */
	public static class InvalidMeetingException extends BadRequestException {

		private final transient Map<String, String> errors;

		InvalidMeetingException(Map<String, String> errors) {
			super("reunion_invalide", String.join(" ", errors.values()),
					errors.entrySet().stream().map(error -> error.getKey() + " : " + error.getValue()).toList());
			this.errors = Map.copyOf(errors);
		}

		public Map<String, String> errors() {
			return errors;
		}

	}

	// ----------------------------------------------------------------- coordinators

	/**
	 * Creates a meeting.
	 * @throws InvalidMeetingException with every problem by field
	 * @throws AccessDeniedException outside the account's territories
	 */
	@Transactional
	public Meeting create(Map<String, String> fields, AccountPrincipal account) {
		MeetingEntry entry = read(fields, account);
		String id = UUID.randomUUID().toString();
		meetings.insertMeeting(id, entry, clock.instant(), account.signature());
		return view(meetings.findMeeting(id).orElseThrow());
	}

	/**
	 * Changes a planned meeting; invitees are sent the update when its time or place
	 * changed.
	 * @param version the version the coordinator saw
	 * @throws ConflictException when someone changed or cancelled it meanwhile
	 */
	@Transactional
	public Meeting update(String id, Map<String, String> fields, int version, AccountPrincipal account) {
		StoredMeeting before = managed(id, account);
		if (!before.state().acceptsChanges()) {
			throw new ConflictException("reunion_annulee", "Cette réunion est annulée : elle ne se modifie plus.");
		}
		MeetingEntry entry = read(fields, account);
		if (!meetings.updateMeeting(id, entry, version, clock.instant(), account.signature())) {
			throw conflict(id);
		}
		StoredMeeting after = meetings.findMeeting(id).orElseThrow();
		MeetingEntry old = before.entry();
		if (!old.start().equals(entry.start()) || !old.end().equals(entry.end())
				|| !Objects.equals(old.address(), entry.address())
				|| !Objects.equals(old.videoLink(), entry.videoLink())) {
			for (Participant participant : open(meetings.listParticipants(id))) {
				if (participant.email() != null) {
					sendCalendar(after, participant.email(), IcsCalendar.Method.REQUEST, "Réunion modifiée : ",
							"La réunion à laquelle vous êtes invité·e a changé. Voici ses nouvelles informations.");
				}
			}
		}
		return view(after);
	}

	/**
	 * Cancels a planned meeting: everyone invited or registered receives a cancellation
	 * (METHOD:CANCEL) that removes it from their calendar.
	 * @throws ConflictException when someone changed or cancelled it meanwhile
	 */
	@Transactional
	public Meeting cancel(String id, int version, AccountPrincipal account) {
		StoredMeeting meeting = managed(id, account);
		if (!meeting.state().mayBecome(MeetingState.ANNULEE)) {
			throw new ConflictException("reunion_annulee", "Cette réunion est déjà annulée.");
		}
		if (!meetings.cancelMeeting(id, version, clock.instant(), account.signature())) {
			throw conflict(id);
		}
		StoredMeeting cancelled = meetings.findMeeting(id).orElseThrow();
		for (Participant participant : open(meetings.listParticipants(id))) {
			if (participant.email() != null) {
				sendCalendar(cancelled, participant.email(), IcsCalendar.Method.CANCEL, "Réunion annulée : ",
						"La réunion suivante est annulée. Votre agenda la retire si vous ouvrez la pièce jointe.");
			}
		}
		return view(cancelled);
	}

	/** The meetings of the account's territories. */
	@Transactional(readOnly = true)
	public Agenda listManaged(AccountPrincipal account) {
		Instant now = clock.instant();
		List<Meeting> all = meetings.listMeetings(null, null, null)
			.stream()
			.filter(meeting -> ActorManagementPolicy.mayManage(account, meeting.entry().departement(),
					meeting.entry().epci()))
			.map(this::view)
			.toList();
		List<Meeting> past = new ArrayList<>(all.stream().filter(meeting -> meeting.past(now)).toList());
		java.util.Collections.reverse(past);
		return new Agenda(all.stream().filter(meeting -> !meeting.past(now)).toList(), past);
	}

	/** A meeting as its form shows it. */
	@Transactional(readOnly = true)
	public Meeting getManaged(String id, AccountPrincipal account) {
		return view(managed(id, account));
	}

	/**
	 * A meeting's page: its participants in clear (the read is logged in
	 * {@code reunion_acces}) and the territory's actors that may be invited.
	 */
	@Transactional
	public MeetingFile getFile(String id, AccountPrincipal account) {
		StoredMeeting meeting = managed(id, account);
		List<Participant> participants = open(meetings.listParticipants(id));
		// logged where attendance logs its reads of the same names (reunion_acces)
		attendance.logNamesRead(id, account, participants.size());
		List<Invitable> invitable = actors.listActors(departements(meeting.entry().departement()), null, null)
			.stream()
			.map(actor -> new Invitable(actor.id(), actor.name(), actor.type().label(), refusal(actor)))
			.toList();
		return new MeetingFile(view(meeting), participants, invitable);
	}

	/** The bodies a coordinator may choose for a meeting, id → name (département). */
	@Transactional(readOnly = true)
	public Map<String, String> mapBodies(AccountPrincipal account) {
		Map<String, String> bodies = new LinkedHashMap<>();
		meetings.listBodies(knownDepartements())
			.stream()
			.filter(body -> ActorManagementPolicy.mayManage(account, body.departement(), body.epci()))
			.forEach(body -> bodies.put(body.id(), body.name() + " (" + body.departement() + ")"));
		return bodies;
	}

	/**
	 * Invites the referents of a body's member structures, each with their consent.
	 */
	@Transactional
	public InvitationReport inviteBody(String id, AccountPrincipal account) {
		StoredMeeting meeting = open(id, account);
		if (meeting.entry().bodyId() == null) {
			throw new BadRequestException("reunion_ouverte",
					"Cette réunion n'est pas celle d'une instance : choisissez les structures à inviter.");
		}
		return inviteActors(meeting, meetings.listBodyMembers(meeting.entry().bodyId()), account);
	}

	/**
	 * Invites the referents of chosen structures of the directory, each with their
	 * consent.
	 */
	@Transactional
	public InvitationReport inviteActors(String id, List<String> actorIds, AccountPrincipal account) {
		StoredMeeting meeting = open(id, account);
		if (actorIds.isEmpty()) {
			throw new BadRequestException("aucune_structure", "Cochez au moins une structure à inviter.");
		}
		return inviteActors(meeting, actorIds, account);
	}

	/**
	 * Invites a person by name and e-mail (given with their agreement), for a structure
	 * of the directory or none.
	 */
	@Transactional
	public InvitationReport invitePerson(String id, Map<String, String> fields, AccountPrincipal account) {
		StoredMeeting meeting = open(id, account);
		Map<String, String> errors = new LinkedHashMap<>();
		String name = text(fields.get("nom"));
		String email = text(fields.get("courriel"));
		if (name == null) {
			errors.put("nom", "Indiquez le nom de la personne à inviter.");
		}
		else if (name.length() > 200) {
			errors.put("nom", "Le nom est trop long (200 caractères au plus).");
		}
		if (email == null) {
			errors.put("courriel", "Indiquez son adresse électronique.");
		}
		else if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
			errors.put("courriel",
					"Cette adresse électronique n'est pas valide : elle s'écrit comme prenom.nom@exemple.fr.");
		}
		if (!errors.isEmpty()) {
			throw new InvalidMeetingException(errors);
		}
		List<Participant> present = open(meetings.listParticipants(id));
		if (present.stream().anyMatch(participant -> sameEmail(participant.email(), email))) {
			return new InvitationReport(List.of(), List.of(name), List.of());
		}
		invite(meeting, null, null, null, name, email.toLowerCase(Locale.ROOT));
		return new InvitationReport(List.of(name), List.of(), List.of());
	}

	private InvitationReport inviteActors(StoredMeeting meeting, List<String> actorIds, AccountPrincipal account) {
		List<Participant> present = open(meetings.listParticipants(meeting.id()));
		Set<String> presentActors = meetings.listParticipants(meeting.id())
			.stream()
			.map(StoredParticipant::actorId)
			.filter(Objects::nonNull)
			.collect(Collectors.toSet());
		List<String> invited = new ArrayList<>();
		List<String> already = new ArrayList<>();
		List<Refused> refused = new ArrayList<>();
		List<String> read = new ArrayList<>();
		for (String actorId : actorIds.stream().distinct().toList()) {
			Optional<StoredActor> found = actors.findActor(actorId)
				.filter(actor -> departements(meeting.entry().departement()).contains(actor.departement())
						|| ActorManagementPolicy.mayManage(account, actor.departement(), actor.epci()));
			if (found.isEmpty()) {
				refused.add(new Refused("Structure inconnue", "elle n'est pas dans l'annuaire de vos territoires"));
				continue;
			}
			StoredActor actor = found.get();
			if (presentActors.contains(actor.id())) {
				already.add(actor.name());
				continue;
			}
			EncryptedReferent sealed = actor.referent();
			String email = sealed == null ? null
					: cipher.decrypt(sealed.email(), EncryptedReferent.context(actor.id(), "referent_courriel"));
			String reason = InvitationPolicy.refusal(sealed != null, email, actor.consentsInForce());
			if (reason != null) {
				refused.add(new Refused(actor.name(), reason));
				continue;
			}
			read.add(actor.id());
			if (present.stream().anyMatch(participant -> sameEmail(participant.email(), email))) {
				already.add(actor.name());
				continue;
			}
			String name = cipher.decrypt(sealed.name(), EncryptedReferent.context(actor.id(), "referent_nom"));
			invite(meeting, actor.id(), actor.type().code(), actor.name(), name, email.toLowerCase(Locale.ROOT));
			invited.add(actor.name());
		}
		// the referent's e-mail was read to send the invitation: logged as a read
		actors.logAccess(read, accountId(account), account.signature(), clock.instant(), "lecture");
		return new InvitationReport(invited, already, refused);
	}

	private void invite(StoredMeeting meeting, @Nullable String actorId, @Nullable String type,
			@Nullable String structure, String name, String email) {
		String participantId = UUID.randomUUID().toString();
		meetings.insertParticipant(new StoredParticipant(participantId, meeting.id(), actorId, type, structure,
				cipher.encrypt(name, StoredParticipant.context(participantId, "nom")),
				cipher.encrypt(email, StoredParticipant.context(participantId, "courriel")), "invitation",
				clock.instant(), null));
		sendCalendar(meeting, email, IcsCalendar.Method.REQUEST, "Invitation : ",
				"Vous êtes invité·e à la réunion suivante. La pièce jointe l'ajoute à votre agenda.");
	}

	// ---------------------------------------------------------------------- public

	/** A meeting open to registration, as the public sees it (nobody's name). */
	@Transactional(readOnly = true)
	public Meeting getPublic(String id) {
		return meetings.findMeeting(id)
			.filter(meeting -> meeting.entry().publicRegistration())
			.map(this::view)
			.orElseThrow(() -> new NotFoundException("Aucune réunion ouverte aux inscriptions n'a cette adresse."));
	}

	/** The structures of a meeting's territory a person may register for, id → name. */
	@Transactional(readOnly = true)
	public Map<String, String> mapStructures(Meeting meeting) {
		Map<String, String> structures = new LinkedHashMap<>();
		actors.listActors(departements(meeting.entry().departement()), null, null)
			.forEach(actor -> structures.put(actor.id(), actor.name()));
		return structures;
	}

	/** Whether a registration is still taken, and why not. */
	public @Nullable String registrationClosed(Meeting meeting) {
		if (meeting.state() == MeetingState.ANNULEE) {
			return "Cette réunion est annulée : les inscriptions sont closes.";
		}
		if (!meeting.entry().start().isAfter(clock.instant())) {
			return "Cette réunion a commencé : les inscriptions sont closes.";
		}
		return null;
	}

	/**
	 * Registers a person on a meeting's public page. The same e-mail registered twice
	 * gets the same answer, not a second row; an invitee who registers is marked so.
	 * @throws InvalidMeetingException with each problem by field
	 */
	@Transactional
	public void register(String id, Map<String, String> fields) {
		StoredMeeting meeting = meetings.lockMeeting(id)
			.filter(found -> found.entry().publicRegistration())
			.orElseThrow(() -> new NotFoundException("Aucune réunion ouverte aux inscriptions n'a cette adresse."));
		String closed = registrationClosed(view(meeting));
		if (closed != null) {
			throw new InvalidMeetingException(Map.of("", closed));
		}
		Map<String, String> errors = new LinkedHashMap<>();
		String name = text(fields.get("nom"));
		String email = text(fields.get("courriel"));
		String actorId = text(fields.get("acteur"));
		String structure = text(fields.get("structure"));
		String typeCode = text(fields.get("type_acteur"));
		if (name == null) {
			errors.put("nom", "Indiquez votre nom.");
		}
		else if (name.length() > 200) {
			errors.put("nom", "Le nom est trop long (200 caractères au plus).");
		}
		if (email == null) {
			errors.put("courriel", "Indiquez votre adresse électronique : la confirmation y est envoyée.");
		}
		else if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
			errors.put("courriel",
					"Cette adresse électronique n'est pas valide : elle s'écrit comme prenom.nom@exemple.fr.");
		}
		StoredActor actor = null;
		ActorType type = null;
		if (actorId != null) {
			actor = actors.findActor(actorId)
				.filter(found -> departements(meeting.entry().departement()).contains(found.departement()))
				.orElse(null);
			if (actor == null) {
				errors.put("acteur", "Choisissez votre structure dans la liste, ou écrivez son nom.");
			}
			else {
				type = actor.type();
				structure = actor.name();
			}
		}
		else if (structure != null) {
			if (structure.length() > 200) {
				errors.put("structure", "Le nom de la structure est trop long (200 caractères au plus).");
			}
			type = typeCode == null ? null : ActorType.findByCode(typeCode).orElse(null);
			if (type == null) {
				errors.put("type_acteur", "Choisissez le type de votre structure.");
			}
		}
		else {
			errors.put("acteur", "Choisissez votre structure dans la liste, ou écrivez son nom et son type.");
		}
		if (!"oui".equals(fields.get("consentement"))) {
			errors.put("consentement", "Cochez la case d'accord : sans elle, votre inscription ne peut être gardée.");
		}
		if (!errors.isEmpty()) {
			throw new InvalidMeetingException(errors);
		}
		Optional<Participant> same = open(meetings.listParticipants(id)).stream()
			.filter(participant -> sameEmail(participant.email(), email))
			.findFirst();
		if (same.isPresent()) {
			if (same.get().registeredAt() == null) {
				meetings.markRegistered(same.get().id(), clock.instant());
			}
			// the same answer as a first registration, without a second confirmation
			return;
		}
		String participantId = UUID.randomUUID().toString();
		String address = email.toLowerCase(Locale.ROOT);
		meetings.insertParticipant(new StoredParticipant(participantId, id, actor == null ? null : actor.id(),
				type.code(), structure, cipher.encrypt(name, StoredParticipant.context(participantId, "nom")),
				cipher.encrypt(address, StoredParticipant.context(participantId, "courriel")), "inscription", null,
				clock.instant()));
		sendCalendar(meeting, address, IcsCalendar.Method.REQUEST, "Inscription confirmée : ",
				"Votre inscription à la réunion suivante est enregistrée. La pièce jointe l'ajoute à votre agenda.");
	}

	/**
	 * A département's meetings of the last three months and to come, as an ICS feed:
	 * nothing personal; a cancelled meeting stays, STATUS:CANCELLED.
	 * @param code a département, 69D or 69M (« 69 » includes both)
	 * @throws NotFoundException for an unknown code
	 */
	@Transactional(readOnly = true)
	public String feed(String code) {
		String departement = knownCode(code);
		Instant now = clock.instant();
		List<IcsCalendar.Event> events = meetings.listMeetings(departements(departement), now.minus(FEED_PAST), null)
			.stream()
			.map(meeting -> event(meeting, false))
			.toList();
		String name = territories.mapNames(TerritoryLevel.DEPARTEMENT)
			.entrySet()
			.stream()
			.filter(entry -> entry.getKey().equalsIgnoreCase(departement))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse(departement);
		return IcsCalendar.write(IcsCalendar.Method.PUBLISH, events, now, "Réunions de l'inclusion numérique – " + name,
				null, null);
	}

	/**
	 * The meetings of a territory in a period, public fields only.
	 * @param from first day (Paris), null for no limit
	 * @param to last day (Paris), null for no limit
	 */
	@Transactional(readOnly = true)
	public List<Meeting> listPublic(@Nullable String territory, @Nullable LocalDate from, @Nullable LocalDate to) {
		List<String> scope = territory == null ? null : departements(knownCode(territory));
		return meetings
			.listMeetings(scope, from == null ? null : from.atStartOfDay(MeetingRules.PARIS).toInstant(),
					to == null ? null : to.plusDays(1).atStartOfDay(MeetingRules.PARIS).toInstant())
			.stream()
			.map(this::view)
			.toList();
	}

	/**
	 * A territory's code as the feed takes it (département, 69D, 69M), upper case.
	 * @throws NotFoundException when unknown
	 */
	public String knownCode(String code) {
		String wanted = code.strip().toUpperCase(Locale.ROOT);
		if (!knownDepartements().contains(wanted)) {
			throw new NotFoundException(
					"Aucun département n'a le code « " + code.strip() + " » (par exemple 69, 69D, 69M ou 2A).");
		}
		return wanted;
	}

	/** The address of a meeting's public page, or null when it takes no registration. */
	public @Nullable String publicLink(Meeting meeting) {
		return meeting.entry().publicRegistration() ? publicAddress.get() + "/reunions/" + meeting.id() : null;
	}

	/** The address of a département's feed. */
	public String feedLink(String departement) {
		// a département's code is letters and digits only (69M, 2A): nothing to encode
		return publicAddress.get() + "/territoires/" + departement + "/reunions.ics";
	}

	// --------------------------------------------------------------------- helpers

	private MeetingEntry read(Map<String, String> fields, AccountPrincipal account) {
		MeetingRules.Reading reading = MeetingRules.read(fields, knownDepartements());
		if (reading instanceof MeetingRules.Reading.Refused refused) {
			throw new InvalidMeetingException(refused.errors());
		}
		MeetingEntry entry = ((MeetingRules.Reading.Accepted) reading).entry();
		if (!ActorManagementPolicy.mayManage(account, entry.departement(), entry.epci())) {
			throw new AccessDeniedException("Vous ne gérez pas les réunions de ce territoire.");
		}
		if (entry.bodyId() != null) {
			JdbcMeetingRepository.Body body = meetings.findBody(entry.bodyId())
				.filter(found -> ActorManagementPolicy.mayManage(account, found.departement(), found.epci()))
				.orElseThrow(() -> new InvalidMeetingException(
						Map.of("instance", "Aucune instance de vos territoires n'a cet identifiant.")));
			if (!departements(body.departement()).contains(entry.departement())
					&& !departements(entry.departement()).contains(body.departement())) {
				throw new InvalidMeetingException(Map.of("instance", "L'instance « " + body.name()
						+ " » est celle du département " + body.departement() + " : choisissez ce département."));
			}
		}
		return entry;
	}

	/**
	 * A meeting of the account's territories, or 404 (nobody learns what others hold).
	 */
	private StoredMeeting managed(String id, AccountPrincipal account) {
		return meetings.findMeeting(id)
			.filter(meeting -> ActorManagementPolicy.mayManage(account, meeting.entry().departement(),
					meeting.entry().epci()))
			.orElseThrow(() -> new NotFoundException("Aucune réunion de vos territoires n'a cet identifiant."));
	}

	/** A managed meeting that still takes invitations. */
	private StoredMeeting open(String id, AccountPrincipal account) {
		StoredMeeting meeting = managed(id, account);
		if (!meeting.state().acceptsChanges()) {
			throw new ConflictException("reunion_annulee", "Cette réunion est annulée : on n'y invite plus.");
		}
		if (meeting.entry().end().isBefore(clock.instant())) {
			throw new BadRequestException("reunion_passee", "Cette réunion est passée : on n'y invite plus.");
		}
		return meeting;
	}

	private ConflictException conflict(String id) {
		StoredMeeting now = meetings.findMeeting(id)
			.orElseThrow(() -> new NotFoundException("Aucune réunion de vos territoires n'a cet identifiant."));
		ZonedDateTime at = now.modifiedAt().atZone(MeetingRules.PARIS);
		return new ConflictException("reunion_modifiee",
				"Cette réunion a été " + (now.cancelledAt() != null ? "annulée" : "modifiée") + " par "
						+ now.modifiedBy() + " le " + at.format(DateTimeFormatter.ofPattern("d/MM/yyyy à H' h 'mm"))
						+ " depuis que vous l'avez ouverte : rechargez la page pour voir sa version, puis refaites "
						+ "vos changements.");
	}

	private @Nullable String refusal(StoredActor actor) {
		EncryptedReferent sealed = actor.referent();
		// whether an e-mail is held, without decrypting anything for the list
		return InvitationPolicy.refusal(sealed != null, sealed == null ? null : sealed.email(),
				actor.consentsInForce());
	}

	private void sendCalendar(StoredMeeting meeting, String to, IcsCalendar.Method method, String subjectPrefix,
			String introduction) {
		Meeting view = view(meeting);
		String ics = IcsCalendar.write(method, List.of(event(meeting, true)), clock.instant(), null, organizer, to);
		StringBuilder body = new StringBuilder(introduction).append("\n\n");
		body.append(meeting.entry().title()).append('\n');
		if (meeting.bodyName() != null) {
			body.append("Instance : ").append(meeting.bodyName()).append('\n');
		}
		body.append("Quand : ").append(view.when()).append(" (heure de Paris)\n");
		if (meeting.entry().address() != null) {
			body.append("Où : ").append(meeting.entry().address()).append('\n');
		}
		if (meeting.entry().videoLink() != null) {
			body.append("Visioconférence : ").append(meeting.entry().videoLink()).append('\n');
		}
		if (meeting.entry().agenda() != null) {
			body.append("\nOrdre du jour :\n").append(meeting.entry().agenda()).append('\n');
		}
		String link = publicLink(view);
		body.append('\n')
			.append(link != null ? "Page de la réunion : " + link
					: "Agenda des réunions du territoire : " + feedLink(meeting.entry().departement()))
			.append('\n');
		body.append("\nVous recevez ce courriel parce que la coordination de l'inclusion numérique de votre territoire "
				+ "vous a invité·e, ou que vous vous êtes inscrit·e. Pour ne plus en recevoir, répondez-lui.\n");
		mail.send(to, subjectPrefix + meeting.entry().title(), body.toString(), List
			.of(new OutgoingMail.Attachment(method == IcsCalendar.Method.CANCEL ? "annulation.ics" : "reunion.ics",
					"text/calendar; charset=UTF-8; method=" + method.name(), ics.getBytes(StandardCharsets.UTF_8))));
	}

	/**
	 * A meeting as an event. Its video link goes into an invitation; in the public feed
	 * only for a meeting open to registration.
	 */
	private IcsCalendar.Event event(StoredMeeting meeting, boolean invitation) {
		MeetingEntry entry = meeting.entry();
		List<String> place = new ArrayList<>();
		if (entry.address() != null) {
			place.add(entry.address());
		}
		boolean video = entry.videoLink() != null && (invitation || entry.publicRegistration());
		if (video) {
			place.add(entry.videoLink());
		}
		StringBuilder description = new StringBuilder();
		if (meeting.bodyName() != null) {
			description.append("Instance : ").append(meeting.bodyName()).append('\n');
		}
		if (video) {
			description.append("Visioconférence : ").append(entry.videoLink()).append('\n');
		}
		if (entry.agenda() != null) {
			description.append("Ordre du jour :\n").append(entry.agenda());
		}
		String url = entry.publicRegistration() ? publicAddress.get() + "/reunions/" + meeting.id() : null;
		return new IcsCalendar.Event(meeting.id() + "@maillage", meeting.version(), entry.start(), entry.end(),
				(meeting.cancelledAt() != null ? "ANNULÉE – " : "") + entry.title(),
				place.isEmpty() ? null : String.join(" – ", place),
				description.isEmpty() ? null : description.toString().strip(), url, meeting.cancelledAt() != null);
	}

	private Meeting view(StoredMeeting meeting) {
		MeetingEntry entry = meeting.entry();
		ZonedDateTime start = entry.start().atZone(MeetingRules.PARIS);
		ZonedDateTime end = entry.end().atZone(MeetingRules.PARIS);
		String when = start.format(DAY) + ", " + start.format(HOUR) + " – "
				+ (start.toLocalDate().equals(end.toLocalDate()) ? "" : end.format(DAY) + ", ") + end.format(HOUR);
		return new Meeting(meeting.id(), entry, meeting.bodyName(), meeting.version(), meeting.state(), when,
				MeetingRules.local(entry.start()), MeetingRules.local(entry.end()));
	}

	private List<Participant> open(List<StoredParticipant> stored) {
		return stored.stream()
			.map(participant -> new Participant(participant.id(),
					cipher.decrypt(participant.name(), StoredParticipant.context(participant.id(), "nom")),
					cipher.decrypt(participant.email(), StoredParticipant.context(participant.id(), "courriel")),
					participant.structureName(),
					participant.actorType() == null ? null
							: ActorType.findByCode(participant.actorType()).map(ActorType::label).orElse(null),
					participant.origin(), participant.invitedAt(), participant.registeredAt()))
			.toList();
	}

	private static boolean sameEmail(@Nullable String a, @Nullable String b) {
		return a != null && b != null && a.strip().equalsIgnoreCase(b.strip());
	}

	private Set<String> knownDepartements() {
		return territories.mapNames(TerritoryLevel.DEPARTEMENT)
			.keySet()
			.stream()
			.map(code -> code.toUpperCase(Locale.ROOT))
			.collect(Collectors.toSet());
	}

	/** « 69 » also covers 69D and 69M. */
	private static List<String> departements(String departement) {
		String code = departement.strip().toUpperCase(Locale.ROOT);
		return code.equals("69") ? List.of("69", "69D", "69M") : List.of(code);
	}

	private static @Nullable String text(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
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
