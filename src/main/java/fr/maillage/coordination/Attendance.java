package fr.maillage.coordination;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import fr.maillage.accounts.AccountPrincipal;
import fr.maillage.accounts.Role;
import fr.maillage.coordination.domain.ActionStatus;
import fr.maillage.coordination.domain.ActorManagementPolicy;
import fr.maillage.coordination.domain.ActorType;
import fr.maillage.coordination.domain.AttachmentKind;
import fr.maillage.coordination.persistence.JdbcActorRepository;
import fr.maillage.coordination.persistence.JdbcAttendanceRepository;
import fr.maillage.coordination.persistence.JdbcAttendanceRepository.StoredAction;
import fr.maillage.coordination.persistence.JdbcAttendanceRepository.StoredFile;
import fr.maillage.coordination.persistence.JdbcAttendanceRepository.StoredMeeting;
import fr.maillage.coordination.persistence.JdbcAttendanceRepository.StoredParticipant;
import fr.maillage.coordination.persistence.StoredActor;
import fr.maillage.shared.crypto.FieldCipher;
import fr.maillage.shared.web.BadRequestException;
import fr.maillage.shared.web.ConflictException;
import fr.maillage.shared.web.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Attendance, minutes and follow-up of a meeting (issue 18, item 5), for the coordinators
 * of the meeting's territory and the administrators; a meeting of another territory does
 * not exist for them (404).
 * <p>
 * Attendance is taken at the door (one tap per person) or ticked afterwards from the
 * printed sign-in sheet; someone who came without invitation is added « sur place » with
 * a structure of the directory or a typed one and its type. Participants' names are
 * encrypted ({@link FieldCipher}, context «
 * reunion_participant/&lt;id&gt;/&lt;colonne&gt; »); each display of them, each printed
 * sheet, is logged in {@code reunion_acces}.
 * <p>
 * The minutes are one text, saved only over the version that was read (409 otherwise);
 * their files are PDF, ODT, DOCX or images recognised from their bytes, kept in the
 * database, public only when the coordinator says so. Follow-up actions move through
 * {@link ActionStatus}; an illegal move is a 409 saying why.
 */
@Service
public class Attendance {

	private final JdbcAttendanceRepository meetings;

	private final JdbcActorRepository actors;

	private final FieldCipher cipher;

	private final Clock clock;

	private final long maxFileBytes;

	Attendance(JdbcAttendanceRepository meetings, JdbcActorRepository actors, FieldCipher cipher, Clock clock,
			@Value("${maillage.reunions.fichier-max-octets:10485760}") long maxFileBytes) {
		this.meetings = meetings;
		this.actors = actors;
		this.cipher = cipher;
		this.clock = clock;
		this.maxFileBytes = maxFileBytes;
	}

	/** A meeting as its coordinators see it. */
	public record Meeting(String id, String title, String departement, @Nullable String epci, Instant start,
			Instant end, @Nullable String place, boolean cancelled, boolean annual, @Nullable String minutes,
			int version) {

		static Meeting of(StoredMeeting stored) {
			String place = stored.address() != null ? stored.address() : stored.videoLink();
			return new Meeting(stored.id().toString(), stored.title(), stored.departement(), stored.epci(),
					stored.start(), stored.end(), place, stored.cancelledAt() != null, stored.annual(),
					stored.minutes(), stored.version());
		}

	}

	/**
	 * A participant, name in clear ({@code null} once erased).
	 *
	 * @param present null while attendance is not taken
	 */
	public record Participant(String id, @Nullable String name, @Nullable String structure, @Nullable ActorType type,
			String origin, @Nullable Boolean present, boolean erased) {

		public String originLabel() {
			return switch (origin) {
				case "invitation" -> "Invité";
				case "inscription" -> "Inscrit";
				default -> "Venu sans invitation";
			};
		}

	}

	/** The attendance page: the meeting, its people, the directory's structures. */
	public record Sheet(Meeting meeting, List<Participant> participants, List<StructureChoice> structures,
			List<String> accesses) {

		public long presentCount() {
			return participants.stream().filter(p -> Boolean.TRUE.equals(p.present())).count();
		}

	}

	/** A structure of the directory to choose from. */
	public record StructureChoice(String id, String name, ActorType type) {
	}

	/** The minutes page: text, files, actions. */
	public record Minutes(Meeting meeting, List<StoredFile> files, List<StoredAction> actions) {
	}

	/** A file to download. */
	public record Download(String name, String mediaType, byte[] content) {
	}

	/** Someone who came without invitation, as typed. */
	public record NewPerson(@Nullable String name, @Nullable String actorId, @Nullable String structure,
			@Nullable String actorType) {
	}

	/** A presence to note. */
	public record Mark(@Nullable String participantId, @Nullable Boolean present) {
	}

	/** A form refused: each problem by field, in French. */
	public static class InvalidEntryException extends BadRequestException {

		private final transient Map<String, String> problems;

		public InvalidEntryException(String code, Map<String, String> problems) {
			super(code, String.join(" ", problems.values()),
					problems.entrySet().stream().map(entry -> entry.getKey() + " : " + entry.getValue()).toList());
			this.problems = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(problems));
		}

		public Map<String, String> problems() {
			return problems;
		}

	}

	/** The meetings of the account's territories, most recent first. */
	@Transactional(readOnly = true)
	public List<Meeting> listMeetings(AccountPrincipal account) {
		checkCoordinates(account);
		List<StoredMeeting> found = meetings.listMeetings(500);
		return found.stream()
			.filter(meeting -> ActorManagementPolicy.mayManage(account, meeting.departement(), meeting.epci()))
			.map(Meeting::of)
			.toList();
	}

	/** The attendance page: every name is decrypted, and the display is logged. */
	@Transactional
	public Sheet getSheet(String meetingId, AccountPrincipal account) {
		StoredMeeting meeting = managed(meetingId, account);
		List<Participant> participants = open(meetings.listParticipants(meeting.id()));
		log(meeting.id(), account, "lecture", named(participants));
		List<StructureChoice> structures = actors.listActors(departements(meeting.departement()), null, null)
			.stream()
			.map(actor -> new StructureChoice(actor.id(), actor.name(), actor.type()))
			.toList();
		return new Sheet(Meeting.of(meeting), participants, structures, meetings.listAccesses(meeting.id(), 5));
	}

	/** The sign-in sheet to print: names in clear, logged as a printing. */
	@Transactional
	public Sheet getPrintableSheet(String meetingId, AccountPrincipal account) {
		StoredMeeting meeting = managed(meetingId, account);
		List<Participant> participants = open(meetings.listParticipants(meeting.id()));
		log(meeting.id(), account, "emargement", named(participants));
		return new Sheet(Meeting.of(meeting), participants, List.of(), List.of());
	}

	/** A presence noted, and the meeting's count after it. */
	public record Marked(Participant participant, long presentCount, int total) {
	}

	/** One tap at the door: came, or not. The row shown again is logged as a read. */
	@Transactional
	public Marked markPresence(String meetingId, String participantId, boolean present, AccountPrincipal account) {
		StoredMeeting meeting = managed(meetingId, account);
		UUID participant = uuid(participantId)
			.orElseThrow(() -> new NotFoundException("Cette personne n'est pas sur la liste de la réunion."));
		if (!meetings.updatePresence(meeting.id(), participant, present, clock.instant(), account.signature())) {
			throw new NotFoundException("Cette personne n'est pas sur la liste de la réunion.");
		}
		List<StoredParticipant> all = meetings.listParticipants(meeting.id());
		Participant shown = open(all.stream().filter(p -> p.id().equals(participant)).toList()).get(0);
		log(meeting.id(), account, "lecture", shown.name() == null ? 0 : 1);
		return new Marked(shown, all.stream().filter(p -> Boolean.TRUE.equals(p.present())).count(), all.size());
	}

	/** Someone who came without invitation: present, « sur place ». */
	@Transactional
	public String addOnTheSpot(String meetingId, NewPerson person, AccountPrincipal account) {
		StoredMeeting meeting = managed(meetingId, account);
		return insertOnTheSpot(meeting, person, account, "");
	}

	/** What the API call did. */
	public record Recorded(int marked, List<String> added) {
	}

	/**
	 * Notes presences and adds people who came, all or nothing: every problem is reported
	 * before anything is written.
	 */
	@Transactional
	public Recorded record(String meetingId, List<Mark> marks, List<NewPerson> people, AccountPrincipal account) {
		StoredMeeting meeting = managed(meetingId, account);
		if (marks.isEmpty() && people.isEmpty()) {
			throw new BadRequestException("presences_vides",
					"Rien à noter : donnez « presences » (participant, present) ou « nouveaux » (nom, structure ou acteur, type_acteur).");
		}
		List<UUID> known = meetings.listParticipants(meeting.id()).stream().map(StoredParticipant::id).toList();
		Map<String, String> problems = new LinkedHashMap<>();
		for (int i = 0; i < marks.size(); i++) {
			Mark mark = marks.get(i);
			Optional<UUID> id = mark.participantId() == null ? Optional.empty() : uuid(mark.participantId());
			if (id.isEmpty() || !known.contains(id.get())) {
				problems.put("presences[" + i + "].participant",
						"presences[" + i + "] : « participant » doit être l'identifiant d'une personne de la réunion.");
			}
			if (mark.present() == null) {
				problems.put("presences[" + i + "].present",
						"presences[" + i + "] : « present » doit valoir true ou false.");
			}
		}
		for (int i = 0; i < people.size(); i++) {
			String prefix = "nouveaux[" + i + "]";
			check(people.get(i))
				.forEach((field, message) -> problems.put(prefix + "." + field, prefix + " : " + message));
		}
		if (!problems.isEmpty()) {
			throw new InvalidEntryException("presences_invalides", problems);
		}
		Instant now = clock.instant();
		for (Mark mark : marks) {
			meetings.updatePresence(meeting.id(), UUID.fromString(mark.participantId().strip()),
					Boolean.TRUE.equals(mark.present()), now, account.signature());
		}
		List<String> added = new ArrayList<>();
		for (NewPerson person : people) {
			added.add(insertOnTheSpot(meeting, person, account, ""));
		}
		return new Recorded(marks.size(), added);
	}

	private String insertOnTheSpot(StoredMeeting meeting, NewPerson person, AccountPrincipal account, String prefix) {
		Map<String, String> problems = check(person);
		if (!problems.isEmpty()) {
			throw new InvalidEntryException("personne_invalide", problems);
		}
		String structure;
		String type;
		UUID actorId = null;
		if (person.actorId() != null && !person.actorId().isBlank()) {
			StoredActor actor = actors.findActor(person.actorId().strip()).orElseThrow();
			actorId = UUID.fromString(actor.id());
			structure = actor.name();
			type = actor.type().code();
		}
		else {
			structure = person.structure().strip();
			type = ActorType.findByCode(person.actorType()).orElseThrow().code();
		}
		UUID id = UUID.randomUUID();
		meetings.insertOnTheSpot(id, meeting.id(), actorId, type, structure,
				String.valueOf(cipher.encrypt(person.name().strip(), JdbcAttendanceRepository.context(id, "nom"))),
				clock.instant(), account.signature());
		return id.toString();
	}

	/** The problems of a person typed at the door, by field. */
	private Map<String, String> check(NewPerson person) {
		Map<String, String> problems = new LinkedHashMap<>();
		if (person.name() == null || person.name().isBlank()) {
			problems.put("nom", "Indiquez le nom de la personne.");
		}
		else if (person.name().strip().length() > 200) {
			problems.put("nom", "Le nom dépasse 200 caractères.");
		}
		boolean fromDirectory = person.actorId() != null && !person.actorId().isBlank();
		if (fromDirectory) {
			if (uuid(person.actorId()).flatMap(id -> actors.findActor(id.toString())).isEmpty()) {
				problems.put("acteur", "Cette structure n'est pas dans l'annuaire des acteurs.");
			}
		}
		else {
			if (person.structure() == null || person.structure().isBlank()) {
				problems.put("structure", "Choisissez la structure dans l'annuaire ou tapez son nom.");
			}
			else if (person.structure().strip().length() > 300) {
				problems.put("structure", "Le nom de la structure dépasse 300 caractères.");
			}
			if (person.actorType() == null || person.actorType().isBlank()) {
				problems.put("type_acteur", "Choisissez le type de la structure.");
			}
			else if (ActorType.findByCode(person.actorType()).isEmpty()) {
				problems.put("type_acteur", "Type de structure inconnu : « " + person.actorType() + " ».");
			}
		}
		return problems;
	}

	/** The minutes, their files and the follow-up actions. */
	@Transactional(readOnly = true)
	public Minutes getMinutes(String meetingId, AccountPrincipal account) {
		StoredMeeting meeting = managed(meetingId, account);
		return new Minutes(Meeting.of(meeting), meetings.listFiles(meeting.id()), meetings.listActions(meeting.id()));
	}

	/**
	 * Saves the minutes over the version read.
	 * @throws ConflictException when someone saved them meanwhile
	 */
	@Transactional
	public void saveMinutes(String meetingId, @Nullable String text, int version, AccountPrincipal account) {
		StoredMeeting meeting = managed(meetingId, account);
		String minutes = text == null || text.isBlank() ? null : text.strip();
		if (minutes != null && minutes.length() > 100_000) {
			throw new InvalidEntryException("compte_rendu_trop_long", Map.of("compte_rendu",
					"Le compte rendu dépasse 100 000 caractères : joignez-le plutôt en fichier."));
		}
		if (!meetings.updateMinutes(meeting.id(), minutes, version, clock.instant(), account.signature())) {
			throw new ConflictException("compte_rendu_modifie",
					"Le compte rendu a été modifié entre-temps par " + meetings.findModifiedBy(meeting.id())
							+ " : rechargez la page pour voir sa version, votre texte est gardé ci-dessous.");
		}
	}

	/** Attaches a file to the minutes, its kind read from its bytes. */
	@Transactional
	public String addFile(String meetingId, @Nullable String fileName, byte[] content, AccountPrincipal account) {
		StoredMeeting meeting = managed(meetingId, account);
		if (content.length == 0) {
			throw new InvalidEntryException("fichier_manquant", Map.of("fichier", "Choisissez un fichier à joindre."));
		}
		if (content.length > maxFileBytes) {
			throw new InvalidEntryException("fichier_trop_gros", Map.of("fichier",
					"Le fichier pèse " + megabytes(content.length) + " : " + megabytes(maxFileBytes) + " au plus."));
		}
		AttachmentKind kind = AttachmentKind.detect(content)
			.orElseThrow(() -> new InvalidEntryException("fichier_refuse",
					Map.of("fichier",
							"Ce fichier n'est ni un PDF, ni un document ODT ou DOCX, ni une image PNG ou JPEG "
									+ "(son contenu a été lu, pas seulement son nom).")));
		String name = fileName == null || fileName.isBlank() ? "fichier" : fileName.strip();
		name = name.replaceAll("[\\\\/\\p{Cntrl}\"]", "_");
		if (name.length() > 200) {
			name = name.substring(name.length() - 200);
		}
		UUID id = UUID.randomUUID();
		meetings.insertFile(id, meeting.id(), name, kind.mediaType(), content, clock.instant(), account.signature());
		return id.toString();
	}

	@Transactional
	public void setFileOpen(String meetingId, String fileId, boolean open, AccountPrincipal account) {
		StoredMeeting meeting = managed(meetingId, account);
		if (uuid(fileId).map(id -> meetings.updateFileOpen(meeting.id(), id, open)).orElse(false)) {
			return;
		}
		throw new NotFoundException("Ce fichier n'est pas joint à cette réunion.");
	}

	/**
	 * A file of the minutes: for anyone when public, otherwise for the coordinators of
	 * the meeting's territory; 404 to the others.
	 */
	@Transactional(readOnly = true)
	public Download getFile(String meetingId, String fileId, @Nullable AccountPrincipal account) {
		NotFoundException none = new NotFoundException("Aucun fichier public n'a cet identifiant.");
		StoredMeeting meeting = uuid(meetingId).flatMap(meetings::findMeeting).orElseThrow(() -> none);
		StoredFile file = uuid(fileId).flatMap(id -> meetings.findFile(meeting.id(), id)).orElseThrow(() -> none);
		boolean manager = account != null && account.role() != Role.MEMBRE
				&& ActorManagementPolicy.mayManage(account, meeting.departement(), meeting.epci());
		if (!file.open() && !manager) {
			throw none;
		}
		return new Download(file.name(), file.mediaType(), meetings.getFileContent(file.id()));
	}

	/** A follow-up action: what, who (an actor or a typed name), by when. */
	@Transactional
	public String addAction(String meetingId, Map<String, String> fields, AccountPrincipal account) {
		StoredMeeting meeting = managed(meetingId, account);
		Map<String, String> problems = new LinkedHashMap<>();
		String title = fields.getOrDefault("intitule", "").strip();
		if (title.isEmpty()) {
			problems.put("intitule", "Indiquez l'action à mener.");
		}
		else if (title.length() > 500) {
			problems.put("intitule", "L'intitulé dépasse 500 caractères.");
		}
		String actor = fields.getOrDefault("responsable_acteur", "").strip();
		String ownerName = fields.getOrDefault("responsable_nom", "").strip();
		UUID actorId = null;
		if (!actor.isEmpty()) {
			Optional<StoredActor> found = uuid(actor).flatMap(id -> actors.findActor(id.toString()));
			if (found.isEmpty()) {
				problems.put("responsable_acteur", "Cette structure n'est pas dans l'annuaire des acteurs.");
			}
			else {
				actorId = UUID.fromString(found.get().id());
			}
		}
		else if (ownerName.isEmpty()) {
			problems.put("responsable_nom", "Indiquez qui porte l'action : une structure de l'annuaire ou un nom.");
		}
		if (ownerName.length() > 200) {
			problems.put("responsable_nom", "Le nom dépasse 200 caractères.");
		}
		LocalDate due = null;
		String dueText = fields.getOrDefault("echeance", "").strip();
		if (!dueText.isEmpty()) {
			try {
				due = LocalDate.parse(dueText);
			}
			catch (DateTimeParseException notADate) {
				problems.put("echeance", "L'échéance « " + dueText + " » n'est pas une date (AAAA-MM-JJ).");
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidEntryException("action_invalide", problems);
		}
		UUID id = UUID.randomUUID();
		meetings.insertAction(id, meeting.id(), title, actorId, ownerName.isEmpty() ? null : ownerName, due,
				clock.instant(), account.signature());
		return id.toString();
	}

	/**
	 * Moves an action along its workflow.
	 * @throws ConflictException for a move {@link ActionStatus} does not allow, or when
	 * someone changed the action meanwhile
	 */
	@Transactional
	public void changeActionStatus(String meetingId, String actionId, String statusCode, int version,
			AccountPrincipal account) {
		StoredMeeting meeting = managed(meetingId, account);
		StoredAction action = uuid(actionId).flatMap(id -> meetings.findAction(meeting.id(), id))
			.orElseThrow(() -> new NotFoundException("Cette action n'est pas une action de cette réunion."));
		ActionStatus target = ActionStatus.findByCode(statusCode)
			.orElseThrow(() -> new BadRequestException("statut_inconnu",
					"Statut inconnu : « " + statusCode + " » (a_faire, en_cours, faite ou abandonnee)."));
		if (action.version() != version) {
			throw new ConflictException("action_modifiee", "Cette action a été modifiée entre-temps par "
					+ action.changedBy() + " : elle est maintenant « " + action.status().label() + " ».");
		}
		if (!action.status().mayBecome(target)) {
			throw new ConflictException("transition_interdite", "Une action « " + action.status().label()
					+ " » ne peut pas devenir « " + target.label() + " »"
					+ (action.status().next().isEmpty() ? " : elle est close." : " ; elle peut devenir : "
							+ String.join(", ", action.status().next().stream().map(ActionStatus::label).toList())
							+ "."));
		}
		if (!meetings.updateActionStatus(action.id(), action.status(), target, version, clock.instant(),
				account.signature())) {
			throw new ConflictException("action_modifiee",
					"Cette action a été modifiée entre-temps : rechargez la page.");
		}
	}

	/** Only coordinators and administrators take attendance; a member is told so. */
	public static void checkCoordinates(AccountPrincipal account) {
		if (account.role() == Role.MEMBRE) {
			throw new AccessDeniedException("Les réunions d'un territoire sont suivies par sa coordination.");
		}
	}

	private StoredMeeting managed(String meetingId, AccountPrincipal account) {
		checkCoordinates(account);
		return uuid(meetingId).flatMap(meetings::findMeeting)
			.filter(meeting -> ActorManagementPolicy.mayManage(account, meeting.departement(), meeting.epci()))
			.orElseThrow(() -> new NotFoundException("Aucune réunion de vos territoires n'a cet identifiant."));
	}

	private List<Participant> open(List<StoredParticipant> stored) {
		return stored.stream().map(p -> {
			String name = null;
			if (p.sealedName() != null) {
				try {
					name = cipher.decrypt(p.sealedName(), JdbcAttendanceRepository.context(p.id(), "nom"));
				}
				catch (FieldCipher.UnreadableException unreadable) {
					name = "(nom illisible)";
				}
			}
			ActorType type = p.actorType() == null ? null : ActorType.findByCode(p.actorType()).orElse(null);
			return new Participant(p.id().toString(), name, p.structure(), type, p.origin(), p.present(),
					p.erasedAt() != null);
		}).toList();
	}

	private static int named(List<Participant> participants) {
		return (int) participants.stream().filter(p -> p.name() != null).count();
	}

	/**
	 * Records that a coordinator read the names of a meeting's participants elsewhere
	 * (the meeting's own page): every read of them is in the same log.
	 */
	void logNamesRead(String meetingId, AccountPrincipal account, int persons) {
		uuid(meetingId).ifPresent(id -> log(id, account, "lecture", persons));
	}

	private void log(UUID meetingId, AccountPrincipal account, String action, int persons) {
		if (persons > 0) {
			meetings.logAccess(meetingId, accountId(account), account.signature(), clock.instant(), action, persons);
		}
	}

	private static List<String> departements(String departement) {
		String code = departement.toUpperCase(Locale.ROOT);
		return code.equals("69") ? List.of("69", "69D", "69M") : List.of(code);
	}

	private static String megabytes(long bytes) {
		return String.format(Locale.FRENCH, "%.1f Mo", bytes / 1_048_576.0);
	}

	static Optional<UUID> uuid(@Nullable String text) {
		if (text == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(UUID.fromString(text.strip()));
		}
		catch (IllegalArgumentException notAnId) {
			return Optional.empty();
		}
	}

	private static @Nullable UUID accountId(AccountPrincipal account) {
		return uuid(account.id()).filter(id -> !id.equals(new UUID(0, 0))).orElse(null);
	}

}
