package fr.maillage.coordination;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import fr.maillage.accounts.AccountPrincipal;
import fr.maillage.coordination.domain.CharterPolicy;
import fr.maillage.coordination.domain.CharterRules;
import fr.maillage.coordination.persistence.JdbcCharterRepository;
import fr.maillage.coordination.persistence.StoredActor;
import fr.maillage.shared.crypto.FieldCipher;
import fr.maillage.shared.web.BadRequestException;
import fr.maillage.shared.web.ConflictException;
import fr.maillage.shared.web.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The charter of commitment of a département (issue 18, item 3): a text published in
 * numbered versions by its coordination ({@link CharterPolicy}), every version kept and
 * readable; the structures of the actors directory sign a version — a member online for
 * its own structure, a coordinator recording a paper signature — and a later version
 * leaves earlier signatures as they were. The public sees which structure signed which
 * version and when; the signatory's name is a person's: encrypted at rest
 * ({@link FieldCipher}), shown to the coordination only, each such read logged.
 * <p>
 * In the Rhône, the structures of 69D and 69M sign the charter of their collectivité when
 * it has one, else the Rhône's (69).
 */
@Service
public class Charter {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private final JdbcCharterRepository charters;

	private final CoordinationPlaces places;

	private final FieldCipher cipher;

	private final Clock clock;

	Charter(JdbcCharterRepository charters, CoordinationPlaces places, FieldCipher cipher, Clock clock) {
		this.charters = charters;
		this.places = places;
		this.cipher = cipher;
		this.clock = clock;
	}

	public record Version(String id, String departement, int number, String title, List<String> paragraphs,
			LocalDate publishedOn) {
	}

	/** A signature as the public sees it: no person. */
	public record PublicSignature(String actorName, int version, LocalDate signedOn) {
	}

	/** A signature as the coordination sees it. */
	public record ManagedSignature(String actorName, int version, String signatory, @Nullable String role,
			LocalDate signedOn, boolean onPaper, String recordedBy) {
	}

	/** The charter of a territory for the public: every version, the latest first. */
	public record PublicCharter(String code, String name, List<Version> versions, List<PublicSignature> signatures) {

		public Optional<Version> current() {
			return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(0));
		}

	}

	/**
	 * Signatures counted, for the indicators of the coordination: the structures that
	 * signed any version, and the signatures of each version (number → count).
	 */
	public record SignatureCount(String departement, long structures, Map<Integer, Long> byVersion) {
	}

	/** The charter a coordinator manages, with the signatories' names. */
	public record ManagedCharter(String departement, String name, List<Version> versions,
			List<ManagedSignature> signatures, SignatureCount count) {

		public Optional<Version> current() {
			return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(0));
		}

	}

	/** A member's structure and the charter it may sign. */
	public record OwnCharter(String actorId, String actorName, @Nullable Version current,
			List<PublicSignature> signed) {

		public boolean signedCurrent() {
			return current != null && signed.stream().anyMatch(signature -> signature.version() == current.number());
		}

	}

	/**
	 * @param territory a département, 69D or 69M
	 * @throws BadRequestException territoire_inconnu (an EPCI has no charter of its own)
	 */
	@Transactional(readOnly = true)
	public PublicCharter getPublic(String territory) {
		CoordinationPlaces.Territory found = departement(territory);
		List<Version> versions = versions(found.code());
		List<PublicSignature> signatures = charters.listSignatures(List.of(found.code()))
			.stream()
			.map(signature -> new PublicSignature(signature.actorName(), signature.versionNumber(),
					signature.signedOn()))
			.toList();
		return new PublicCharter(found.code(), found.name(), versions, signatures);
	}

	/**
	 * A département's charter for its coordination: the signatories' names in clear (the
	 * read is logged).
	 */
	@Transactional
	public ManagedCharter getManaged(String departement, AccountPrincipal account) {
		CoordinationPlaces.Territory found = managedDepartement(departement, account);
		List<ManagedSignature> signatures = new ArrayList<>();
		for (JdbcCharterRepository.StoredSignature signature : charters.listSignatures(List.of(found.code()))) {
			signatures.add(new ManagedSignature(signature.actorName(), signature.versionNumber(),
					String.valueOf(cipher.decrypt(signature.sealedSignatory(), context(signature.id()))),
					signature.role(), signature.signedOn(), signature.mode().equals("papier"), signature.recordedBy()));
		}
		if (!signatures.isEmpty()) {
			charters.logRead(found.code(), CoordinationPlaces.accountId(account), account.signature(), clock.instant());
		}
		return new ManagedCharter(found.code(), found.name(), versions(found.code()), signatures,
				countSignatures(found.code()));
	}

	/**
	 * Signatures of a département's charter (69D, 69M: their own charter's), for the
	 * indicators: structures that signed any version and signatures per version.
	 */
	@Transactional(readOnly = true)
	public SignatureCount countSignatures(String departement) {
		String code = departement.strip().toUpperCase(java.util.Locale.ROOT);
		Map<Integer, Long> byVersion = new LinkedHashMap<>();
		charters.countByVersion(code).forEach(row -> byVersion.put((int) row[0], row[1]));
		return new SignatureCount(code, charters.countSignatories(code), byVersion);
	}

	/**
	 * Publishes the next version of a département's charter; earlier versions and their
	 * signatures stay.
	 * @return the new version's number
	 */
	@Transactional
	public int publish(String departement, Map<String, String> fields, AccountPrincipal account) {
		CoordinationPlaces.Territory found = managedDepartement(departement, account);
		CharterRules.Reading<CharterRules.VersionEntry> reading = CharterRules.readVersion(fields, today());
		if (reading instanceof CharterRules.Reading.Refused<CharterRules.VersionEntry> refused) {
			throw new InvalidFormException("charte_invalide", refused.problems());
		}
		CharterRules.VersionEntry entry = ((CharterRules.Reading.Accepted<CharterRules.VersionEntry>) reading).entry();
		int next = charters.listVersions(found.code())
			.stream()
			.mapToInt(JdbcCharterRepository.StoredVersion::number)
			.max()
			.orElse(0) + 1;
		String expected = fields.get("version_courante");
		if (expected != null && !expected.isBlank() && !expected.strip().equals(String.valueOf(next - 1))) {
			throw new ConflictException("version_publiee_entre_temps", "Une version " + (next - 1)
					+ " a été publiée pendant que vous écriviez : relisez-la avant de publier la vôtre.");
		}
		try {
			return charters.insertVersion(UUID.randomUUID().toString(), found.code(), next, entry, clock.instant(),
					account.signature());
		}
		catch (DuplicateKeyException meanwhile) {
			throw new ConflictException("version_publiee_entre_temps",
					"Une autre version vient d'être publiée : relisez-la avant de publier la vôtre.");
		}
	}

	/**
	 * A coordinator records the paper signature of a structure of its département, for
	 * the current version.
	 */
	@Transactional
	public void recordPaperSignature(String departement, Map<String, String> fields, AccountPrincipal account) {
		CoordinationPlaces.Territory found = managedDepartement(departement, account);
		Version current = versions(found.code()).stream()
			.findFirst()
			.orElseThrow(() -> new BadRequestException("charte_absente",
					"Publiez d'abord une version de la charte de ce département."));
		List<StoredActor> allowed = places.actorsOf(CoordinationPlaces.family(found.code()))
			.stream()
			.filter(actor -> charterDepartement(actor.departement()).map(found.code()::equals).orElse(false))
			.toList();
		StoredActor actor = places.choose(fields.get("acteur"), allowed)
			.orElseThrow(
					() -> new InvalidFormException("signature_invalide",
							Map.of("acteur",
									fields.get("acteur") == null || fields.get("acteur").isBlank()
											? "Structure signataire : à choisir dans l'annuaire des acteurs."
											: "Structure signataire : aucune structure « "
													+ fields.get("acteur").strip()
													+ " » dans l'annuaire des acteurs concernés par cette charte.")));
		sign(current, actor, fields, "papier", account);
	}

	/** The structures of a member and the charter each may sign. */
	@Transactional(readOnly = true)
	public List<OwnCharter> listOwn(AccountPrincipal member) {
		List<OwnCharter> own = new ArrayList<>();
		for (StoredActor actor : places.ownActors(member)) {
			Optional<String> departement = charterDepartement(actor.departement());
			Version current = departement.flatMap(code -> versions(code).stream().findFirst()).orElse(null);
			List<PublicSignature> signed = departement
				.map(code -> charters.listSignatures(List.of(code))
					.stream()
					.filter(signature -> signature.actorId().equals(actor.id()))
					.map(signature -> new PublicSignature(signature.actorName(), signature.versionNumber(),
							signature.signedOn()))
					.toList())
				.orElse(List.of());
			own.add(new OwnCharter(actor.id(), actor.name(), current, signed));
		}
		return own;
	}

	/**
	 * A member signs the current version of the charter for its own structure.
	 * @throws NotFoundException when the actor is not the member's structure
	 */
	@Transactional
	public void signOwn(String actorId, Map<String, String> fields, AccountPrincipal member) {
		StoredActor actor = places.ownActors(member)
			.stream()
			.filter(own -> own.id().equals(actorId))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("Cette structure n'est pas la vôtre."));
		Version current = charterDepartement(actor.departement()).flatMap(code -> versions(code).stream().findFirst())
			.orElseThrow(() -> new BadRequestException("charte_absente",
					"Aucune charte n'est encore publiée pour le territoire de votre structure."));
		sign(current, actor, fields, "en_ligne", member);
	}

	private void sign(Version version, StoredActor actor, Map<String, String> fields, String mode,
			AccountPrincipal account) {
		CharterRules.Reading<CharterRules.SignatureEntry> reading = CharterRules.readSignature(fields,
				version.publishedOn(), today());
		if (reading instanceof CharterRules.Reading.Refused<CharterRules.SignatureEntry> refused) {
			throw new InvalidFormException("signature_invalide", refused.problems());
		}
		CharterRules.SignatureEntry entry = ((CharterRules.Reading.Accepted<CharterRules.SignatureEntry>) reading)
			.entry();
		String id = UUID.randomUUID().toString();
		if (!charters.insertSignature(id, version.id(), actor.id(),
				String.valueOf(cipher.encrypt(entry.signatory(), context(id))), entry, mode, clock.instant(),
				account.signature())) {
			throw new ConflictException("deja_signee",
					"« " + actor.name() + " » a déjà signé la version " + version.number() + " de la charte.");
		}
	}

	/**
	 * The département whose charter an actor signs: its own when it has a charter; in the
	 * Rhône, 69D and 69M fall back on the Rhône's.
	 */
	Optional<String> charterDepartement(String actorDepartement) {
		String code = actorDepartement.toUpperCase(java.util.Locale.ROOT);
		if (!charters.listVersions(code).isEmpty()) {
			return Optional.of(code);
		}
		if ((code.equals("69D") || code.equals("69M")) && !charters.listVersions("69").isEmpty()) {
			return Optional.of("69");
		}
		return Optional.empty();
	}

	/** The départements an account publishes for, code → name. */
	public Map<String, String> mapManagedDepartements(AccountPrincipal account) {
		return places.managedDepartements(account);
	}

	/** The structures of a charter's territory, for the paper signature's suggestions. */
	@Transactional(readOnly = true)
	public List<Governance.ActorChoice> listChoices(String departement) {
		return places.actorsOf(CoordinationPlaces.family(departement))
			.stream()
			.map(actor -> new Governance.ActorChoice(actor.id(), actor.name(), actor.departement()))
			.toList();
	}

	/**
	 * The authenticated context of a signatory's name: moved elsewhere, it does not
	 * decrypt.
	 */
	public static String context(String signatureId) {
		return "charte_signature/" + signatureId + "/signataire_nom";
	}

	private List<Version> versions(String departement) {
		return charters.listVersions(departement)
			.stream()
			.map(version -> new Version(version.id(), version.departement(), version.number(), version.title(),
					CharterRules.paragraphs(version.text()), version.publishedOn()))
			.toList();
	}

	private CoordinationPlaces.Territory departement(String territory) {
		CoordinationPlaces.Territory found = places.resolve(territory);
		if (found.epci()) {
			throw new BadRequestException("territoire_inconnu", "Une charte est celle d'un département : « "
					+ territory.strip() + " » est une intercommunalité. Indiquez son département.");
		}
		return found;
	}

	private CoordinationPlaces.Territory managedDepartement(String departement, AccountPrincipal account) {
		CoordinationPlaces.Territory found = departement(departement);
		if (!CharterPolicy.mayPublish(account, found.code())) {
			throw new AccessDeniedException("Seule la coordination de ce département gère sa charte.");
		}
		return found;
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), PARIS);
	}

}
