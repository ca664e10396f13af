package fr.maillage.orientations;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.maillage.accounts.AccountPrincipal;
import fr.maillage.accounts.Accounts;
import fr.maillage.accounts.Mailer;
import fr.maillage.accounts.Role;
import fr.maillage.accounts.TerritoryScope;
import fr.maillage.contributions.Structures;
import fr.maillage.contributions.domain.Structure;
import fr.maillage.orientations.domain.AccountRequestRules;
import fr.maillage.orientations.persistence.AccountRequestRow;
import fr.maillage.orientations.persistence.JdbcAccountRequestRepository;
import fr.maillage.shared.text.Siret;
import fr.maillage.shared.text.TextFolding;
import fr.maillage.shared.web.BadRequestException;
import fr.maillage.shared.web.ConflictException;
import fr.maillage.shared.web.NotFoundException;
import fr.maillage.territories.CommuneProfile;
import fr.maillage.territories.SpecialCollectivity;
import fr.maillage.territories.Territories;
import fr.maillage.territories.TerritoryHit;
import fr.maillage.territories.TerritoryNotFoundException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Requests for a professional account (issue 16, « Who »): a professional without an
 * account asks for one from a public page — her name, work e-mail, structure with its
 * SIRET, territory (commune, EPCI or département). The coordinators whose territories
 * cover it ({@link TerritoryScope}) and the administrators see it pending; accepting
 * invites her through {@link Accounts#invite} as a member of her structure in
 * {@link Structures} (found by name, or created); refusing says why, by e-mail. A refused
 * request is deleted after {@code maillage.demandes-compte.conservation-refusees-jours}.
 */
@Service
public class AccountRequests {

	private static final Logger log = LoggerFactory.getLogger(AccountRequests.class);

	/** How many requests the coordinators' page lists. */
	static final int LIST_LIMIT = 300;

	private static final Set<String> LEVELS = Set.of("commune", "epci", "departement");

	private static final Pattern CHOICE = Pattern.compile("^(commune|epci|departement):([0-9A-Za-z]{2,9})$");

	private final JdbcAccountRequestRepository repository;

	private final Territories territories;

	private final Structures structures;

	private final Accounts accounts;

	private final Mailer mailer;

	private final Clock clock;

	private final int refusedRetentionDays;

	private final String baseUrl;

	AccountRequests(JdbcAccountRequestRepository repository, Territories territories, Structures structures,
			Accounts accounts, Mailer mailer, Clock clock,
			@Value("${maillage.demandes-compte.conservation-refusees-jours:30}") int refusedRetentionDays,
			@Value("${maillage.url-publique:http://localhost:8080}") String baseUrl) {
		this.repository = repository;
		this.territories = territories;
		this.structures = structures;
		this.accounts = accounts;
		this.mailer = mailer;
		this.clock = clock;
		this.refusedRetentionDays = refusedRetentionDays;
		this.baseUrl = baseUrl.replaceAll("/+$", "");
	}

	/**
	 * What the professional typed; {@code territoryChoice} when she picked one in a list.
	 */
	public record Input(String name, String email, String structureName, String siret, String territory,
			String territoryChoice) {

	}

	/** A territory to pick, when what she typed names several. */
	public record TerritoryOption(String value, String label) {

	}

	/** What became of a request. */
	public enum Kind {

		/** Recorded (or already pending for that address: nothing new, nothing said). */
		SENT,

		/** Something to correct: {@link Outcome#problems()}. */
		INVALID,

		/** Too many requests from this client lately. */
		THROTTLED

	}

	/**
	 * @param problems field → what to correct, in French
	 * @param options the territories to choose from, when the one typed was ambiguous
	 */
	public record Outcome(Kind kind, Map<String, String> problems, List<TerritoryOption> options) {

	}

	/** A request as a coordinator sees it. */
	public record Request(String id, String name, String email, String structureName, String siret,
			String territoryName, String status, Instant requestedAt, @Nullable Instant decidedAt,
			@Nullable String decidedBy, @Nullable String refusalReason, @Nullable String knownStructure) {

	}

	/** Where a territory lies, for the coordinators' scopes. */
	private record Located(String value, String label, List<String> departements, @Nullable String collectivite,
			@Nullable String epci) {

	}

	/**
	 * Records a request from the public page.
	 * @param client who asks (IP address), for the throttle; only its hash is kept
	 */
	@Transactional
	public Outcome submit(Input input, String client) {
		Instant now = clock.instant();
		String clientKey = sha256(client);
		if (AccountRequestRules
			.isThrottled(repository.countAttemptsSince(clientKey, now.minus(AccountRequestRules.WINDOW)))) {
			return new Outcome(Kind.THROTTLED, Map.of(), List.of());
		}
		repository.recordAttempt(clientKey, now);
		Map<String, String> problems = new LinkedHashMap<>(
				AccountRequestRules.problems(input.name(), input.email(), input.structureName(), input.siret()));
		List<TerritoryOption> options = new ArrayList<>();
		Optional<Located> territory = locate(input.territory(), input.territoryChoice(), problems, options);
		if (!problems.isEmpty() || territory.isEmpty()) {
			return new Outcome(Kind.INVALID, problems, options);
		}
		String email = AccountRequestRules.normaliseEmail(input.email());
		if (repository.existsPending(email)) {
			// the page says the same as for a new one: nobody learns who asked
			return new Outcome(Kind.SENT, Map.of(), List.of());
		}
		Located where = territory.get();
		AccountRequestRow row = new AccountRequestRow(UUID.randomUUID(), input.name().strip(), email,
				input.structureName().strip(), Siret.compact(input.siret()), where.value(), where.label(),
				where.departements(), where.collectivite(), where.epci(), "en_attente", now, null, null, null);
		repository.insert(row);
		tellDecidersOnceCommitted(row, where);
		return new Outcome(Kind.SENT, Map.of(), List.of());
	}

	/**
	 * The coordinators whose territories cover the request — the administrators when none
	 * does — learn that it waits, once it is saved: without this a professional's request
	 * would wait until someone happened to open the page. The e-mail names the territory,
	 * never the person: it carries no personal data, only the link to the decisions page.
	 * A failed sending is logged and the request stays: the page lists it anyway.
	 */
	private void tellDecidersOnceCommitted(AccountRequestRow row, Located where) {
		Runnable tell = () -> {
			List<AccountPrincipal> deciders = listDeciders(row, where);
			for (AccountPrincipal decider : deciders) {
				try {
					mailer.send(decider.email(), "Maillage : une demande de compte à examiner",
							"Bonjour,\n\nUn professionnel de " + row.territoryName()
									+ " demande un compte Maillage pour orienter des personnes vers la "
									+ "médiation numérique.\n\nVous pouvez l'accepter ou la refuser ici :\n" + baseUrl
									+ "/espace/demandes-de-compte\n\nSans décision, la demande reste en attente.");
				}
				catch (RuntimeException failed) {
					log.warn("Account requests: the notice of a new request could not be sent ({})",
							failed.getClass().getSimpleName());
				}
			}
		};
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					tell.run();
				}
			});
		}
		else {
			tell.run();
		}
	}

	private List<AccountPrincipal> listDeciders(AccountRequestRow row, Located where) {
		Map<String, AccountPrincipal> coordinators = new LinkedHashMap<>();
		List<String> scopes = new ArrayList<>(where.departements().stream().map(d -> "departement:" + d).toList());
		if (where.collectivite() != null) {
			scopes.add("departement:" + where.collectivite());
		}
		if (where.epci() != null) {
			scopes.add("epci:" + where.epci());
		}
		for (String scope : scopes) {
			String[] levelAndCode = scope.split(":", 2);
			accounts.listAccountsWithScope(levelAndCode[0], levelAndCode[1])
				.stream()
				.filter(account -> account.role() == Role.COORDINATEUR && covers(account, row))
				.forEach(account -> coordinators.putIfAbsent(account.email(), account));
		}
		return coordinators.isEmpty() ? accounts.listAdministrators() : List.copyOf(coordinators.values());
	}

	/**
	 * The territory picked in a list, or the one typed when it names one; otherwise a
	 * problem and, when several answer, the options.
	 */
	private Optional<Located> locate(String typed, String choice, Map<String, String> problems,
			List<TerritoryOption> options) {
		Matcher picked = CHOICE.matcher(choice.strip());
		if (picked.matches()) {
			Optional<Located> located = describe(picked.group(1), picked.group(2));
			if (located.isPresent()) {
				return located;
			}
		}
		String query = typed.strip();
		if (query.isEmpty()) {
			problems.put("territoire",
					"Indiquez votre territoire : une commune, une intercommunalité ou un département.");
			return Optional.empty();
		}
		if (query.length() > 100) {
			problems.put("territoire", "Le territoire est trop long : écrivez le nom d'une commune, d'une "
					+ "intercommunalité ou un numéro de département.");
			return Optional.empty();
		}
		List<TerritoryHit> hits = territories.searchTerritories(query, 12)
			.stream()
			.filter(hit -> LEVELS.contains(hit.type()))
			.toList();
		if (hits.isEmpty()) {
			List<TerritoryHit> near = territories.suggestTerritories(query, 6)
				.stream()
				.filter(hit -> LEVELS.contains(hit.type()))
				.toList();
			near.forEach(hit -> options.add(option(hit)));
			problems.put("territoire",
					"Aucune commune, intercommunalité ou département ne s'appelle « " + query + " »"
							+ (near.isEmpty() ? ". Vérifiez l'orthographe, ou écrivez le code postal de votre commune."
									: ". Vouliez-vous dire l'un de ceux-ci ?"));
			return Optional.empty();
		}
		String folded = TextFolding.fold(query);
		List<TerritoryHit> exact = hits.stream()
			.filter(hit -> hit.code().equalsIgnoreCase(query) || TextFolding.fold(hit.nom()).equals(folded)
					|| TextFolding.fold(hit.libelle()).equals(folded))
			.toList();
		TerritoryHit hit = exact.size() == 1 ? exact.get(0) : hits.size() == 1 ? hits.get(0) : null;
		if (hit != null) {
			Optional<Located> located = describe(hit.type(), hit.code());
			if (located.isPresent()) {
				return located;
			}
		}
		hits.stream().limit(8).forEach(each -> options.add(option(each)));
		problems.put("territoire", "Plusieurs territoires répondent à « " + query + " » : choisissez le vôtre.");
		return Optional.empty();
	}

	private static TerritoryOption option(TerritoryHit hit) {
		String kind = switch (hit.type()) {
			case "commune" -> "commune";
			case "epci" -> "intercommunalité";
			default -> "département";
		};
		return new TerritoryOption(hit.type() + ":" + hit.code(),
				hit.libelle() + " (" + kind + (hit.type().equals("departement") ? " " : ", ") + hit.code() + ")");
	}

	private Optional<Located> describe(String level, String code) {
		try {
			return switch (level) {
				case "commune" -> territories.findCommuneProfile(code).map(this::ofCommune);
				case "epci" -> Optional.of(ofEpci(code));
				default -> Optional.of(ofDepartement(code.toUpperCase(java.util.Locale.ROOT)));
			};
		}
		catch (TerritoryNotFoundException unknown) {
			return Optional.empty();
		}
	}

	private Located ofCommune(CommuneProfile commune) {
		return new Located("commune:" + commune.code(), commune.nom() + " (" + commune.departement() + ")",
				List.of(commune.departement()), commune.collectivite(), commune.epci());
	}

	@SuppressWarnings("unchecked")
	private Located ofEpci(String siren) {
		var epci = territories.getEpci(siren);
		List<String> departements = new ArrayList<>();
		Object parents = epci.parents().get("departements");
		if (parents instanceof List<?> list) {
			for (Object parent : list) {
				if (parent instanceof Map<?, ?> named && named.get("code") != null) {
					departements.add(String.valueOf(named.get("code")));
				}
			}
		}
		String collectivite = SpecialCollectivity.ALL.stream()
			.filter(special -> siren.equals(special.epciSiren()))
			.map(SpecialCollectivity::code)
			.findFirst()
			.orElse(null);
		return new Located("epci:" + siren, epci.nom(), departements, collectivite, siren);
	}

	private Located ofDepartement(String code) {
		var departement = territories.getDepartement(code);
		boolean collectivite = TerritoryScope.isCollectivite(code);
		return new Located("departement:" + code, departement.nom() + " (" + code + ")",
				List.of(collectivite ? "69" : code), collectivite ? code : null, null);
	}

	/**
	 * The requests a coordinator's territories cover, every request for an administrator:
	 * pending first.
	 * @throws AccessDeniedException for a structure's member
	 */
	@Transactional(readOnly = true)
	public List<Request> listRequests(AccountPrincipal account) {
		checkCoordinates(account);
		return repository.listAll(LIST_LIMIT)
			.stream()
			.filter(row -> covers(account, row))
			.map(row -> new Request(row.id().toString(), row.name(), row.email(), row.structureName(), row.siret(),
					row.territoryName(), row.status(), row.requestedAt(), row.decidedAt(), row.decidedBy(),
					row.refusalReason(),
					row.status().equals("en_attente")
							? structures.findStructureByName(row.structureName()).map(Structure::name).orElse(null)
							: null))
			.toList();
	}

	private static boolean covers(AccountPrincipal account, AccountRequestRow row) {
		if (account.role() == Role.ADMINISTRATEUR) {
			return true;
		}
		List<String> departements = row.departements().isEmpty() ? List.of("") : row.departements();
		return departements.stream()
			.anyMatch(departement -> TerritoryScope.covers(account, departement, row.collectivite(), row.epci()));
	}

	private static void checkCoordinates(AccountPrincipal account) {
		if (account.role() == Role.MEMBRE) {
			throw new AccessDeniedException(
					"Seuls les coordinateurs et les administrateurs examinent les demandes " + "de compte.");
		}
	}

	/**
	 * A pending request the account may decide; 404 for anyone whose territories do not
	 * cover it.
	 */
	private AccountRequestRow getDecidable(String id, AccountPrincipal account) {
		checkCoordinates(account);
		Optional<AccountRequestRow> row;
		try {
			row = repository.findById(UUID.fromString(id));
		}
		catch (IllegalArgumentException notAnId) {
			row = Optional.empty();
		}
		if (row.isEmpty() || !covers(account, row.get())) {
			throw new NotFoundException("Cette demande de compte n'existe pas, ou ne concerne pas vos territoires.");
		}
		if (!row.get().status().equals("en_attente")) {
			throw new ConflictException("demande_decidee",
					"Cette demande a déjà été " + (row.get().status().equals("acceptee") ? "acceptée" : "refusée")
							+ " par " + row.get().decidedBy() + ".");
		}
		return row.get();
	}

	/**
	 * Accepts the request: the structure is found by name or created, and the
	 * professional is invited as its member (the invitation e-mail is the answer).
	 * @param structureName the structure as the coordinator names it; blank for the one
	 * asked for
	 * @throws ConflictException when decided meanwhile, or when the address has an
	 * account already
	 */
	@Transactional
	public void accept(String id, String structureName, AccountPrincipal account) {
		AccountRequestRow row = getDecidable(id, account);
		String name = structureName == null || structureName.isBlank() ? row.structureName() : structureName.strip();
		Structure structure = structures.findOrCreateStructure(name, account);
		if (!repository.decide(row.id(), "acceptee", clock.instant(), account.signature(), null,
				UUID.fromString(structure.id()))) {
			throw new ConflictException("demande_decidee", "Quelqu'un vient de décider de cette demande.");
		}
		accounts.invite(row.email(), row.name(), Role.MEMBRE, List.of("structure:" + structure.id()),
				account.name() + " (coordination du numérique, en réponse à votre demande de compte pour « "
						+ structure.name() + " »)",
				baseUrl);
	}

	/**
	 * Refuses the request with a reason, e-mailed to the professional.
	 * @throws BadRequestException without a reason
	 */
	@Transactional
	public void refuse(String id, String reason, AccountPrincipal account) {
		AccountRequestRow row = getDecidable(id, account);
		String text = reason == null ? "" : reason.strip();
		if (text.isEmpty()) {
			throw new BadRequestException("motif_requis", "Dites en une phrase pourquoi vous refusez la demande de "
					+ row.name() + " : elle lira cette raison.");
		}
		if (text.length() > 500) {
			throw new BadRequestException("motif_trop_long", "La raison est trop longue (500 caractères au plus).");
		}
		if (!repository.decide(row.id(), "refusee", clock.instant(), account.signature(), text, null)) {
			throw new ConflictException("demande_decidee", "Quelqu'un vient de décider de cette demande.");
		}
		mailer.send(row.email(), "Maillage : votre demande de compte", "Bonjour " + row.name()
				+ ",\n\nVotre demande de compte Maillage pour « " + row.structureName()
				+ " » n'a pas été acceptée par la coordination du numérique de votre territoire.\n\nSa raison : " + text
				+ "\n\nVous pouvez faire une nouvelle demande si votre situation change :\n" + baseUrl
				+ "/demande-de-compte\n\nVotre demande sera effacée dans " + refusedRetentionDays + " jours.");
	}

	/** Deletes the refused requests past their retention, and the throttle's old rows. */
	@Transactional
	public int purge() {
		Instant now = clock.instant();
		repository.deleteAttemptsBefore(now.minus(Duration.ofDays(1)));
		return repository.deleteRefusedBefore(now.minus(Duration.ofDays(refusedRetentionDays)));
	}

	@Scheduled(cron = "${maillage.orientations.planification:0 15 3 * * *}", zone = "Europe/Paris")
	void purgeDaily() {
		log.info("Account requests: {} refused requests deleted after their retention", purge());
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException impossible) {
			throw new IllegalStateException(impossible);
		}
	}

}
