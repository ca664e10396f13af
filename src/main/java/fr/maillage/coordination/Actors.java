package fr.maillage.coordination;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import fr.maillage.accounts.AccountPrincipal;
import fr.maillage.accounts.TerritoryScope;
import fr.maillage.coordination.domain.Actor;
import fr.maillage.coordination.domain.ActorEntry;
import fr.maillage.coordination.domain.ActorManagementPolicy;
import fr.maillage.coordination.domain.ActorRules;
import fr.maillage.coordination.domain.ActorType;
import fr.maillage.coordination.domain.Competence;
import fr.maillage.coordination.domain.ConsentPurpose;
import fr.maillage.coordination.domain.ContactConsent;
import fr.maillage.coordination.importing.ActorsCsv;
import fr.maillage.coordination.importing.NationalActorFiles;
import fr.maillage.coordination.persistence.EncryptedReferent;
import fr.maillage.coordination.persistence.JdbcActorRepository;
import fr.maillage.coordination.persistence.StoredActor;
import fr.maillage.contributions.Structures;
import fr.maillage.places.PlaceDirectory;
import fr.maillage.places.PlaceQuery;
import fr.maillage.places.vocabulary.MediationService;
import fr.maillage.shared.crypto.FieldCipher;
import fr.maillage.shared.importing.ImportIssue;
import fr.maillage.shared.web.BadRequestException;
import fr.maillage.shared.web.NotFoundException;
import fr.maillage.territories.Territories;
import fr.maillage.territories.TerritoryLevel;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The actors directory of a territory (issue 18): who does what, for the public and the
 * coordinators. Entries are checked by {@link ActorRules} and managed by the coordinators
 * of their territory ({@link ActorManagementPolicy}); an entry with the SIRET (or,
 * without SIRET, the name in the same département) of an actor already there updates it
 * rather than entering it twice.
 * <p>
 * Referents are persons: their name, e-mail and phone are encrypted at rest
 * ({@link FieldCipher}, bound to the actor and column); the public sees them only while a
 * consent to publication is in force ({@link ContactConsent}, dated, signed,
 * withdrawable); a coordinator reads them on an actor's page or in an export, and each
 * such read is logged. Lists for coordinators show whether a referent is known, not who.
 */
@Service
public class Actors {

	private final JdbcActorRepository actors;

	private final Territories territories;

	private final FieldCipher cipher;

	private final Clock clock;

	private final PlaceDirectory places;

	private final Structures structures;

	Actors(JdbcActorRepository actors, Territories territories, PlaceDirectory places, Structures structures,
			FieldCipher cipher, Clock clock) {
		this.actors = actors;
		this.territories = territories;
		this.places = places;
		this.structures = structures;
		this.cipher = cipher;
		this.clock = clock;
	}

	/**
	 * An actor as the public sees it: the referent's contact details only with the
	 * referent's consent in force.
	 */
	public record PublicActor(String id, String name, @Nullable String siret, ActorType type, String departement,
			@Nullable String epci, List<Competence> competences, @Nullable String referent,
			@Nullable String referentEmail, @Nullable String referentPhone) {
	}

	/**
	 * An actor in a coordinator's list: whether a referent is known and which consents
	 * are in force, not the referent's details (reading them is logged:
	 * {@link #getFile}).
	 */
	public record ManagedActor(String id, String name, @Nullable String siret, ActorType type, String departement,
			@Nullable String epci, List<Competence> competences, boolean hasReferent,
			Map<ConsentPurpose, Instant> consentsInForce) {
	}

	/**
	 * An actor's file for a coordinator: its referent in clear, every consent ever
	 * recorded and the last reads of the referent's details.
	 */
	public record ActorFile(ManagedActor actor, ActorEntry.@Nullable Referent referent, List<ContactConsent> consents,
			List<JdbcActorRepository.Access> accesses, List<LinkedLieu> lieux) {
	}

	/** A lieu of the directory an actor runs. */
	public record LinkedLieu(String id, String name, String commune) {
	}

	/**
	 * What an import did: rows read, actors entered, actors updated (or completed), rows
	 * refused; for a national file also the file's name, the structures already complete
	 * and those outside the account's territories (left alone, not listed).
	 */
	public record ImportReport(@Nullable String source, int read, int created, int updated, int unchanged, int outside,
			List<ImportIssue> refused) {

		ImportReport(int read, int created, int updated, List<ImportIssue> refused) {
			this(null, read, created, updated, 0, 0, refused);
		}

	}

	/**
	 * @param departement a département (or 69D, 69M; « 69 » also lists those of 69D and
	 * 69M); all when null
	 */
	@Transactional(readOnly = true)
	public List<PublicActor> listPublic(@Nullable String departement, @Nullable ActorType type,
			@Nullable Competence competence) {
		return actors.listActors(departement == null ? null : departements(departement), type, competence)
			.stream()
			.map(this::publicView)
			.toList();
	}

	/**
	 * The actors a coordinator manages, without their referents' details.
	 */
	@Transactional(readOnly = true)
	public List<ManagedActor> listManaged(AccountPrincipal account) {
		return actors.listActors(null, null, null)
			.stream()
			.filter(actor -> ActorManagementPolicy.mayManage(account, actor.departement(), actor.epci()))
			.map(Actors::managed)
			.toList();
	}

	/**
	 * An actor's file with its referent in clear: the read is logged.
	 * @throws NotFoundException when unknown, or outside the account's territories (so
	 * that nobody learns what others hold)
	 */
	@Transactional
	public ActorFile getFile(String id, AccountPrincipal account) {
		StoredActor actor = managedActor(id, account);
		ActorEntry.Referent referent = open(actor);
		if (referent != null) {
			actors.logAccess(List.of(actor.id()), accountId(account), account.signature(), clock.instant(), "lecture");
		}
		List<LinkedLieu> lieux = actors.listLieux(actor.id())
			.stream()
			.flatMap(lieu -> places.findPlace(lieu).stream())
			.map(place -> new LinkedLieu(place.id(), place.name(), place.commune()))
			.toList();
		return new ActorFile(managed(actor), referent, actors.listConsents(actor.id()),
				actors.listAccesses(actor.id(), 10), lieux);
	}

	/**
	 * A member's own structure: its entry and its referent, for the member to correct.
	 */
	public record OwnActor(ManagedActor actor, ActorEntry.@Nullable Referent referent) {
	}

	/**
	 * The actors of a member's structure (issue 18: « members edit their own structure's
	 * entry »): those linked to a lieu the member's structure holds. Reading their
	 * referent is logged as any other read.
	 */
	@Transactional
	public List<OwnActor> listOwn(AccountPrincipal member) {
		List<String> lieux = structures.listLieuxOf(member).stream().map(fr.maillage.places.Place::id).toList();
		List<StoredActor> own = actors.listActorsOfLieux(lieux);
		List<String> withReferent = own.stream()
			.filter(actor -> actor.referent() != null)
			.map(StoredActor::id)
			.toList();
		actors.logAccess(withReferent, accountId(member), member.signature(), clock.instant(), "lecture");
		return own.stream().map(actor -> new OwnActor(managed(actor), open(actor))).toList();
	}

	/**
	 * A member corrects their structure's competences, referent and consents; its name,
	 * SIRET, type and territory stay the coordination's.
	 * @throws NotFoundException when the actor is not the member's structure
	 */
	@Transactional
	public void saveOwn(String id, Map<String, String> fields, AccountPrincipal member) {
		List<String> lieux = structures.listLieuxOf(member).stream().map(fr.maillage.places.Place::id).toList();
		StoredActor actor = actors.listActorsOfLieux(lieux)
			.stream()
			.filter(own -> own.id().equals(id))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("Cette structure n'est pas la vôtre."));
		Map<String, String> entry = new java.util.LinkedHashMap<>(fields);
		entry.put("nom", actor.name());
		entry.put("siret", actor.siret() == null ? "" : actor.siret());
		entry.put("type", actor.type().code());
		entry.put("departement", actor.departement());
		entry.put("epci", actor.epci() == null ? "" : actor.epci());
		ActorRules.Reading reading = ActorRules.read(entry, 1, knownDepartements());
		if (reading instanceof ActorRules.Reading.Refused refused) {
			throw new InvalidActorException(refused.issues());
		}
		upsert(((ActorRules.Reading.Accepted) reading).entry(), member);
	}

	/**
	 * Withdraws a referent's consent (they asked, by phone or mail): their details leave
	 * « Qui fait quoi » at once; the record stays, dated and signed.
	 */
	@Transactional
	public void withdrawConsent(String id, ConsentPurpose purpose, AccountPrincipal account) {
		StoredActor actor = managedActor(id, account);
		if (!actors.withdrawConsent(actor.id(), purpose, clock.instant(), account.signature(),
				"retrait demandé par le référent")) {
			throw new BadRequestException("aucun_consentement",
					"Aucun consentement en cours pour « " + purpose.label() + " » : rien à retirer.");
		}
	}

	private StoredActor managedActor(String id, AccountPrincipal account) {
		return actors.findActor(id)
			.filter(actor -> ActorManagementPolicy.mayManage(account, actor.departement(), actor.epci()))
			.orElseThrow(() -> new NotFoundException("Aucune structure de vos territoires n'a cet identifiant."));
	}

	/**
	 * Enters an actor, or updates the one of the same SIRET (or name in the département).
	 * @throws BadRequestException with every problem, in French
	 * @throws AccessDeniedException outside the account's territories
	 */
	@Transactional
	public Actor saveActor(Map<String, String> fields, AccountPrincipal account) {
		ActorRules.Reading reading = ActorRules.read(fields, 1, knownDepartements());
		if (reading instanceof ActorRules.Reading.Refused refused) {
			throw new InvalidActorException(refused.issues());
		}
		ActorEntry entry = ((ActorRules.Reading.Accepted) reading).entry();
		if (!ActorManagementPolicy.mayManage(account, entry.departement(), entry.epci())) {
			throw new AccessDeniedException("Vous ne gérez pas les acteurs de ce territoire.");
		}
		return upsert(entry, account).actor();
	}

	/** An actor saved, and whether it was new. */
	private record Saved(Actor actor, boolean created) {
	}

	/**
	 * Updates the actor of the same SIRET (or, without SIRET, of the same name in the
	 * département), or enters it: one entry per structure. A referent replaced by another
	 * person takes none of the consents of the previous one.
	 */
	private Saved upsert(ActorEntry entry, AccountPrincipal account) {
		Instant now = clock.instant();
		Optional<StoredActor> existing = findSame(entry);
		String id;
		if (existing.isPresent()) {
			id = existing.get().id();
			ActorEntry.Referent before = open(existing.get());
			if (before != null && (entry.referent() == null || !sameName(before.name(), entry.referent().name()))) {
				for (ConsentPurpose purpose : ConsentPurpose.values()) {
					actors.withdrawConsent(id, purpose, now, account.signature(), "référent remplacé");
				}
			}
			actors.updateActor(id, entry, seal(id, entry.referent()), now, account.signature());
		}
		else {
			id = UUID.randomUUID().toString();
			actors.insertActor(id, entry, seal(id, entry.referent()), now, account.signature());
		}
		if (entry.referent() != null) {
			entry.consents().forEach((purpose, given) -> {
				if (given) {
					actors.insertConsent(id, purpose, now, account.signature());
				}
				else {
					actors.withdrawConsent(id, purpose, now, account.signature(), "refus indiqué à la saisie");
				}
			});
		}
		return new Saved(new Actor(id, entry), existing.isEmpty());
	}

	/** Every problem of an entry, with its field. */
	public static class InvalidActorException extends BadRequestException {

		private final transient List<ImportIssue> issues;

		InvalidActorException(List<ImportIssue> issues) {
			super("acteur_invalide", issues.stream().map(ImportIssue::message).collect(Collectors.joining(" ")));
			this.issues = List.copyOf(issues);
		}

		public List<ImportIssue> issues() {
			return issues;
		}

	}

	/**
	 * Imports a CSV file of actors: every valid row entered or updated, every other row
	 * reported (line, field, value, reason); rows outside the account's territories are
	 * refused as such. All or nothing when the file itself cannot be read.
	 */
	@Transactional
	public ImportReport importCsv(String text, AccountPrincipal account) {
		Optional<NationalActorFiles.Kind> national = NationalActorFiles.detect(text);
		if (national.isPresent()) {
			return importNational(text, national.get(), account);
		}
		Set<String> departements = knownDepartements();
		List<ImportIssue> refused = new ArrayList<>();
		int[] counts = new int[3];
		try {
			ActorsCsv.read(text, (line, fields) -> {
				counts[0]++;
				ActorRules.Reading reading = ActorRules.read(fields, line, departements);
				if (reading instanceof ActorRules.Reading.Refused issues) {
					refused.addAll(issues.issues());
					return;
				}
				ActorEntry entry = ((ActorRules.Reading.Accepted) reading).entry();
				if (!ActorManagementPolicy.mayManage(account, entry.departement(), entry.epci())) {
					refused.add(new ImportIssue(line, "departement", entry.departement(),
							"Vous ne gérez pas les acteurs de ce territoire."));
					return;
				}
				counts[upsert(entry, account).created() ? 1 : 2]++;
			});
		}
		catch (ActorsCsv.UnreadableException unreadable) {
			throw new BadRequestException("fichier_illisible", unreadable.getMessage());
		}
		return new ImportReport(counts[0], counts[1], counts[2], refused);
	}

	/**
	 * Imports a national file that already lists actors (France Services, Aidants
	 * Connect): each structure of the account's territories is entered, or — when the
	 * directory has it already (same SIRET, or same name in the département) — completed
	 * with what the file adds (SIRET, EPCI, competences) without erasing what the
	 * coordination typed (type, name, referent). Every refused row of the account's
	 * territories is reported with its line, the file's column, the value and the reason.
	 */
	private ImportReport importNational(String text, NationalActorFiles.Kind kind, AccountPrincipal account) {
		Set<String> departements = knownDepartements();
		List<ImportIssue> refused = new ArrayList<>();
		// read, created, completed, unchanged, outside
		int[] counts = new int[5];
		NationalActorFiles.read(text, kind, communes(), new NationalActorFiles.Rows() {

			@Override
			public void accept(long line, Map<String, String> fields) {
				counts[0]++;
				ActorRules.Reading reading = ActorRules.read(fields, line, departements);
				if (reading instanceof ActorRules.Reading.Refused issues) {
					String departement = fields.get("departement");
					if (departement != null && !manages(account, departement)) {
						counts[4]++;
						return;
					}
					issues.issues()
						.forEach(issue -> refused.add(new ImportIssue(issue.ligne(),
								NationalActorFiles.column(kind, String.valueOf(issue.champ())), issue.valeur(),
								issue.message())));
					return;
				}
				ActorEntry entry = ((ActorRules.Reading.Accepted) reading).entry();
				if (!ActorManagementPolicy.mayManage(account, entry.departement(), entry.epci())) {
					counts[4]++;
					return;
				}
				Optional<StoredActor> existing = findSame(entry);
				if (existing.isEmpty()) {
					String id = UUID.randomUUID().toString();
					actors.insertActor(id, entry, null, clock.instant(), account.signature());
					counts[1]++;
				}
				else if (!ActorManagementPolicy.mayManage(account, existing.get().departement(),
						existing.get().epci())) {
					// the same SIRET already entered by another territory: not this
					// account's to change
					counts[4]++;
				}
				else {
					counts[complete(existing.get(), entry, account) ? 2 : 3]++;
				}
			}

			@Override
			public void reject(ImportIssue issue, @Nullable String departement) {
				counts[0]++;
				if (departement != null && !manages(account, departement)) {
					counts[4]++;
					return;
				}
				refused.add(issue);
			}

		});
		return new ImportReport(kind.label(), counts[0], counts[1], counts[2], counts[3], counts[4], refused);
	}

	/**
	 * What creating structures from the lieux directory did: lieux read, structures
	 * entered, completed or already complete, lieux linked to their structure, lieux that
	 * name no structure (neither a SIRET as pivot nor a structure_parente).
	 */
	public record PlacesReport(String territory, int lieux, int created, int completed, int unchanged, int linked,
			int withoutStructure) {
	}

	/**
	 * Creates the structures of a territory's lieux (issue 18: « sans double saisie »),
	 * read through the places module's directory: one actor per SIRET of the lieux'
	 * {@code pivot}, or per {@code structure_parente} in the département when no SIRET is
	 * given; an actor already there is completed, never duplicated; each lieu is linked
	 * to its actor. Competences come from the lieux' services.
	 * @param territory a département, 69D or 69M
	 * @throws AccessDeniedException outside the account's territories
	 */
	@Transactional
	public PlacesReport importFromPlaces(String territory, AccountPrincipal account) {
		String code = territory.strip().toUpperCase(Locale.ROOT);
		if (!knownDepartements().contains(code)) {
			throw new BadRequestException("territoire_inconnu",
					"« " + territory + " » n'est pas un code de département (par exemple 69, 69M ou 2A).");
		}
		if (!manages(account, code)) {
			throw new AccessDeniedException("Vous ne gérez pas les acteurs de ce territoire.");
		}
		PlaceQuery query = TerritoryScope.isCollectivite(code)
				? new PlaceQuery(null, List.of(), List.of(), List.of(),
						territories.listCommuneCodes(TerritoryLevel.DEPARTEMENT, code), List.of(), List.of(), List.of(),
						List.of(), List.of(), List.of(), false, null, 1, PlaceQuery.MAX_PAGE_SIZE)
				: new PlaceQuery(null, List.of(), List.of(), List.of(code), null, List.of(), List.of(), List.of(),
						List.of(), List.of(), List.of(), false, null, 1, PlaceQuery.MAX_PAGE_SIZE);
		NationalActorFiles.Communes communes = communes();
		Map<String, PlaceStructure> structures = new java.util.LinkedHashMap<>();
		int[] read = new int[2];
		places.forEachPlace(query, place -> {
			read[0]++;
			String siret = siretOf(place.pivot());
			String parent = place.parentStructure() == null || place.parentStructure().isBlank() ? null
					: place.parentStructure().strip();
			if (siret == null && parent == null) {
				read[1]++;
				return;
			}
			String departement = place.codeInsee() == null ? code
					: communes.findByInsee(place.codeInsee()).map(NationalActorFiles.Place::departement).orElse(code);
			String epci = place.codeInsee() == null ? null
					: communes.findByInsee(place.codeInsee()).map(NationalActorFiles.Place::epci).orElse(null);
			String key = siret != null ? "siret:" + siret : "nom:" + departement + ":" + fold(parent);
			PlaceStructure structure = structures.computeIfAbsent(key, k -> new PlaceStructure(siret, departement, epci,
					new ArrayList<>(), new ArrayList<>(), java.util.EnumSet.noneOf(Competence.class)));
			structure.lieux().add(place.id());
			structure.names().add(parent != null ? parent : place.name());
			place.services().forEach(service -> structure.competences().add(competenceOf(service)));
		});
		int[] counts = new int[4];
		Instant now = clock.instant();
		for (PlaceStructure structure : structures.values()) {
			String name = mostFrequent(structure.names());
			ActorEntry entry = new ActorEntry(name, structure.siret(),
					NationalActorFiles.type(name, structure.siret(), false), structure.departement(), structure.epci(),
					structure.competences(), null, Map.of());
			if (!ActorManagementPolicy.mayManage(account, entry.departement(), entry.epci())) {
				continue;
			}
			Optional<StoredActor> existing = findSame(entry);
			String id;
			if (existing.isEmpty()) {
				id = UUID.randomUUID().toString();
				actors.insertActor(id, entry, null, now, account.signature());
				counts[0]++;
			}
			else {
				id = existing.get().id();
				counts[complete(existing.get(), entry, account) ? 1 : 2]++;
			}
			String origin = structure.siret() != null ? "pivot" : "structure_parente";
			for (String lieu : structure.lieux()) {
				actors.linkLieu(id, lieu, origin, now);
				counts[3]++;
			}
		}
		return new PlacesReport(code, read[0], counts[0], counts[1], counts[2], counts[3], read[1]);
	}

	/** The structure a group of lieux names. */
	private record PlaceStructure(@Nullable String siret, String departement, @Nullable String epci, List<String> lieux,
			List<String> names, Set<Competence> competences) {
	}

	/**
	 * A lieu's pivot when it is a valid SIRET (not an RNA number, not a placeholder of
	 * zeros).
	 */
	private static @Nullable String siretOf(@Nullable String pivot) {
		if (pivot == null || pivot.isBlank() || fr.maillage.shared.text.Siret.check(pivot).isPresent()) {
			return null;
		}
		String compact = fr.maillage.shared.text.Siret.compact(pivot);
		return compact.length() == 14 && !compact.chars().allMatch(c -> c == '0') ? compact : null;
	}

	private static Competence competenceOf(MediationService service) {
		return switch (service) {
			case ADMINISTRATIVE_PROCEDURES -> Competence.ACCOMPAGNEMENT_DEMARCHES;
			case INTERNET_AND_EQUIPMENT_ACCESS -> Competence.CONNEXION;
			case AFFORDABLE_EQUIPMENT -> Competence.PRET_DON_MATERIEL;
			default -> Competence.MEDIATION_NUMERIQUE;
		};
	}

	private static String mostFrequent(List<String> names) {
		Map<String, Long> counts = names.stream()
			.collect(Collectors.groupingBy(name -> name, java.util.TreeMap::new, Collectors.counting()));
		return counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
	}

	private static boolean manages(AccountPrincipal account, String departement) {
		return ActorManagementPolicy.mayManage(account, departement.toUpperCase(Locale.ROOT), null);
	}

	/**
	 * Adds what a national file knows and the directory does not: a missing SIRET or
	 * EPCI, competences.
	 * @return whether anything was added
	 */
	private boolean complete(StoredActor actor, ActorEntry entry, AccountPrincipal account) {
		Set<Competence> competences = java.util.EnumSet.noneOf(Competence.class);
		competences.addAll(actor.competences());
		competences.addAll(entry.competences());
		String siret = actor.siret() != null ? actor.siret() : entry.siret();
		String epci = actor.epci() != null ? actor.epci() : entry.epci();
		if (competences.equals(actor.competences()) && java.util.Objects.equals(siret, actor.siret())
				&& java.util.Objects.equals(epci, actor.epci())) {
			return false;
		}
		actors.completeActor(actor.id(), siret, epci, competences, clock.instant(), account.signature());
		return true;
	}

	/**
	 * The territory of communes as the actors directory names it (69D / 69M in the
	 * Rhône).
	 */
	private NationalActorFiles.Communes communes() {
		return new NationalActorFiles.Communes() {

			@Override
			public Optional<NationalActorFiles.Place> findByInsee(String codeInsee) {
				Optional<String> current = territories.findCurrentCode(codeInsee);
				if (current.isEmpty()) {
					return Optional.empty();
				}
				Optional<NationalActorFiles.Place> commune = territories.findCommuneProfile(current.get())
					.map(profile -> new NationalActorFiles.Place(
							profile.collectivite() != null ? profile.collectivite() : profile.departement(),
							profile.epci()));
				// an arrondissement (Lyon 8e: 69388) has no profile of its own: its
				// territory, without EPCI
				return commune.isPresent() ? commune
						: territories.findCommune(current.get())
							.map(ref -> new NationalActorFiles.Place(
									ref.collectivite() != null ? ref.collectivite() : ref.departement(), null));
			}

			@Override
			public Optional<NationalActorFiles.Place> findByPostcode(String postcode) {
				List<String> found = territories.listCommunesByPostalCode(postcode)
					.stream()
					.map(commune -> commune.collectivite() != null ? commune.collectivite() : commune.departement())
					.distinct()
					.toList();
				return found.size() == 1 ? Optional.of(new NationalActorFiles.Place(found.get(0), null))
						: Optional.empty();
			}

		};
	}

	/**
	 * The actors a coordinator manages as a CSV file with the import's columns (so that
	 * it can be corrected and imported again), referents included: each actor with a
	 * referent is logged as exported.
	 */
	@Transactional
	public String exportCsv(AccountPrincipal account) {
		List<StoredActor> managed = actors.listActors(null, null, null)
			.stream()
			.filter(actor -> ActorManagementPolicy.mayManage(account, actor.departement(), actor.epci()))
			.toList();
		List<ActorsCsv.Row> rows = new ArrayList<>();
		List<String> withReferent = new ArrayList<>();
		for (StoredActor actor : managed) {
			ActorEntry.Referent referent = open(actor);
			if (referent != null) {
				withReferent.add(actor.id());
			}
			rows.add(new ActorsCsv.Row(actor.name(), actor.siret(), actor.type(), actor.departement(), actor.epci(),
					actor.competences(), referent, actor.consentsInForce().keySet()));
		}
		actors.logAccess(withReferent, accountId(account), account.signature(), clock.instant(), "export");
		return ActorsCsv.write(rows);
	}

	private Optional<StoredActor> findSame(ActorEntry entry) {
		if (entry.siret() != null) {
			Optional<StoredActor> bySiret = actors.findBySiret(entry.siret());
			if (bySiret.isPresent()) {
				return bySiret;
			}
		}
		return actors.findByName(entry.name(), entry.departement())
			.filter(actor -> actor.siret() == null || entry.siret() == null);
	}

	/** The départements (and 69D, 69M) whose actors the account manages, code → name. */
	public Map<String, String> mapManagedDepartements(AccountPrincipal account) {
		Map<String, String> managed = new java.util.TreeMap<>();
		territories.mapNames(TerritoryLevel.DEPARTEMENT).forEach((code, name) -> {
			if (manages(account, code)) {
				managed.put(code, name + " (" + code + ")");
			}
		});
		return managed;
	}

	/** The codes of the départements and of 69D, 69M. */
	Set<String> knownDepartements() {
		return territories.mapNames(TerritoryLevel.DEPARTEMENT)
			.keySet()
			.stream()
			.map(code -> code.toUpperCase(Locale.ROOT))
			.collect(Collectors.toSet());
	}

	/** « 69 » also lists the actors of 69D and 69M. */
	private static List<String> departements(String departement) {
		String code = departement.strip().toUpperCase(Locale.ROOT);
		return code.equals("69") ? List.of("69", "69D", "69M") : List.of(code);
	}

	private @Nullable EncryptedReferent seal(String id, ActorEntry.@Nullable Referent referent) {
		if (referent == null) {
			return null;
		}
		return new EncryptedReferent(
				String.valueOf(cipher.encrypt(referent.name(), EncryptedReferent.context(id, "referent_nom"))),
				cipher.encrypt(referent.email(), EncryptedReferent.context(id, "referent_courriel")),
				cipher.encrypt(referent.phone(), EncryptedReferent.context(id, "referent_telephone")));
	}

	private ActorEntry.@Nullable Referent open(StoredActor actor) {
		EncryptedReferent sealed = actor.referent();
		if (sealed == null) {
			return null;
		}
		return new ActorEntry.Referent(
				String.valueOf(cipher.decrypt(sealed.name(), EncryptedReferent.context(actor.id(), "referent_nom"))),
				cipher.decrypt(sealed.email(), EncryptedReferent.context(actor.id(), "referent_courriel")),
				cipher.decrypt(sealed.phone(), EncryptedReferent.context(actor.id(), "referent_telephone")));
	}

	private PublicActor publicView(StoredActor actor) {
		ActorEntry.Referent referent = actor.consentsInForce().containsKey(ConsentPurpose.PUBLICATION) ? open(actor)
				: null;
		return new PublicActor(actor.id(), actor.name(), actor.siret(), actor.type(), actor.departement(), actor.epci(),
				actor.competences().stream().sorted().toList(), referent == null ? null : referent.name(),
				referent == null ? null : referent.email(), referent == null ? null : referent.phone());
	}

	private static ManagedActor managed(StoredActor actor) {
		return new ManagedActor(actor.id(), actor.name(), actor.siret(), actor.type(), actor.departement(),
				actor.epci(), actor.competences().stream().sorted().toList(), actor.referent() != null,
				actor.consentsInForce());
	}

	private static boolean sameName(String a, String b) {
		return fold(a).equals(fold(b));
	}

	private static String fold(String name) {
		return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.toLowerCase(Locale.ROOT)
			.replaceAll("\\s+", " ")
			.strip();
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
