package fr.maillage.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import fr.maillage.accounts.persistence.JdbcAccountRepository;
import fr.maillage.accounts.persistence.JdbcAccountRepository.Credentials;
import fr.maillage.accounts.persistence.JdbcAccountRepository.Link;
import fr.maillage.shared.web.BadRequestException;
import fr.maillage.shared.web.ConflictException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts (issue 6): invitation by an administrator or a coordinator, password chosen
 * through a one-time e-mailed link, password reset the same way, sign-in with throttling.
 * Links are random 256-bit tokens of which only the SHA-256 is stored.
 */
@Service
public class Accounts {

	static final Duration INVITATION_VALIDITY = Duration.ofDays(7);

	static final Duration RESET_VALIDITY = Duration.ofHours(1);

	private static final String RESET = "reinitialisation";

	public static final int MIN_PASSWORD_LENGTH = 12;

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

	private static final Pattern TERRITORY = Pattern.compile("^(departement:(\\d{2,3}|2[AB]|69[DM])|epci:\\d{9})$");

	private static final Pattern STRUCTURE = Pattern
		.compile("^structure:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");

	private static final SecureRandom RANDOM = new SecureRandom();

	/**
	 * Personal tokens start with it, so a leaked one is easy to recognise (secret
	 * scanners).
	 */
	static final String TOKEN_PREFIX = "mlg_";

	private final JdbcAccountRepository repository;

	private final PasswordEncoder passwords;

	private final Mailer mailer;

	private final Clock clock;

	/**
	 * Compared against when the address has no usable password, so that signing in takes
	 * as long for an unknown address as for a known one (the hash is the slow part).
	 */
	private final String dummyHash;

	Accounts(JdbcAccountRepository repository, PasswordEncoder passwords, Mailer mailer, Clock clock) {
		this.repository = repository;
		this.passwords = passwords;
		this.mailer = mailer;
		this.clock = clock;
		byte[] random = new byte[32];
		RANDOM.nextBytes(random);
		this.dummyHash = passwords.encode(Base64.getEncoder().encodeToString(random));
	}

	/**
	 * Creates the account and e-mails its owner a link to choose a password.
	 * @param territories "departement:69", "epci:200046977"; required for a coordinator
	 * @param baseUrl the site's address, for the link
	 */
	@Transactional
	public Account invite(String email, String name, Role role, List<String> territories, String invitedBy,
			String baseUrl) {
		String address = normalise(email);
		if (!EMAIL.matcher(address).matches()) {
			throw new BadRequestException("courriel_invalide", "L'adresse électronique n'est pas valide.");
		}
		String shownName = name == null ? "" : name.strip();
		if (shownName.isEmpty() || shownName.length() > 200) {
			throw new BadRequestException("nom_invalide", "Indiquez le nom de la personne (200 caractères au plus).");
		}
		for (String territory : territories) {
			// a JSON list may hold null: refused like any other unknown territory
			boolean valid = territory != null && (role == Role.MEMBRE ? STRUCTURE.matcher(territory).matches()
					: TERRITORY.matcher(territory).matches());
			if (!valid) {
				String shown = territory == null ? "null"
						: territory.length() > 60 ? territory.substring(0, 59) + "…" : territory;
				throw new BadRequestException("territoire_invalide",
						"Territoire « " + shown + " » non reconnu : écrivez « departement:69 » ou « epci:200046977 ».");
			}
		}
		if (role == Role.COORDINATEUR && territories.isEmpty()) {
			throw new BadRequestException("territoire_manquant",
					"Un coordinateur a au moins un territoire (département ou EPCI).");
		}
		if (repository.existsByEmail(address)) {
			throw new ConflictException("compte_existant", "Un compte existe déjà pour " + address + ".");
		}
		Instant now = clock.instant();
		Account account = new Account(UUID.randomUUID().toString(), address, shownName, role,
				role == Role.ADMINISTRATEUR ? List.of() : territories, true, false);
		repository.insert(account, invitedBy, now);
		String token = newLink(account.id(), "invitation", now.plus(INVITATION_VALIDITY));
		mailer.send(address, "Invitation à Maillage", "Bonjour " + shownName + ",\n\n" + invitedBy
				+ " vous invite à rejoindre Maillage, la carte des lieux d'aide au numérique de votre territoire.\n\n"
				+ "Pour choisir votre mot de passe, ouvrez ce lien (valable 7 jours) :\n" + baseUrl + "/invitation/"
				+ token + "\n\nSi vous n'attendiez pas ce message, ignorez-le.");
		return account;
	}

	/** What became of a reset request. */
	public enum ResetRequest {

		/** A link was sent if the address has an account (the caller cannot tell). */
		ACCEPTED,

		/** Too many requests for that address or from that client: nothing was sent. */
		TOO_MANY

	}

	/**
	 * Sends a reset link when the address has an account; says nothing otherwise, so that
	 * nobody learns who has one. Throttled per address and per client
	 * ({@link ResetThrottle}); a new link revokes the account's older ones.
	 * @param client who asks (IP address), for the throttle
	 * @param baseUrl the site's public address, for the link (never the request's)
	 */
	@Transactional
	public ResetRequest requestPasswordReset(String email, String client, String baseUrl) {
		String address = normalise(email);
		Instant now = clock.instant();
		JdbcAccountRepository.ResetRequests recent = repository.countResetRequestsSince(address, client,
				now.minus(ResetThrottle.WINDOW));
		if (ResetThrottle.isBlocked(recent.forAddress(), recent.fromClient())) {
			return ResetRequest.TOO_MANY;
		}
		repository.recordResetRequest(address, client, now);
		Optional<Credentials> credentials = repository.findCredentials(address);
		if (credentials.isEmpty() || !credentials.get().account().active()) {
			return ResetRequest.ACCEPTED;
		}
		Account account = credentials.get().account();
		repository.revokeLinks(account.id(), RESET, now);
		String token = newLink(account.id(), RESET, now.plus(RESET_VALIDITY));
		mailer.send(account.email(), "Maillage : nouveau mot de passe",
				"Bonjour " + account.name() + ",\n\nPour choisir un nouveau mot de passe, ouvrez ce lien (valable "
						+ "1 heure) :\n" + baseUrl + "/reinitialisation/" + token
						+ "\n\nSi vous n'avez rien demandé, ignorez ce message : votre mot de passe ne change pas.");
		return ResetRequest.ACCEPTED;
	}

	/** Whether the link can still be used (to show the form or say why not). */
	@Transactional(readOnly = true)
	public Optional<String> findLinkProblem(String token, String usage) {
		return repository.findLink(hash(token))
			.map(link -> problem(link, usage))
			.orElse(Optional
				.of("Ce lien n'est pas valide. Vérifiez qu'il a été copié en entier, ou demandez-en un nouveau."));
	}

	/**
	 * Sets the password chosen through an invitation or reset link; the link then stops
	 * working.
	 */
	@Transactional
	public Account choosePassword(String token, String usage, String password, String confirmation) {
		Link link = repository.findLinkForUpdate(hash(token))
			.orElseThrow(() -> new BadRequestException("lien_invalide", "Ce lien n'est pas valide."));
		Optional<String> problem = problem(link, usage);
		if (problem.isPresent()) {
			throw new BadRequestException("lien_invalide", problem.get());
		}
		checkNewPassword(password, confirmation);
		repository.setPassword(link.accountId(), passwords.encode(password));
		repository.markLinkUsed(hash(token), clock.instant());
		Account account = repository.findById(link.accountId()).orElseThrow();
		repository.clearFailures(account.email());
		// whoever held the old password, or a session opened with it, is out
		repository.revokeLinks(account.id(), RESET, clock.instant());
		repository.deleteSessions(account.email(), null);
		return account;
	}

	/**
	 * Changes a signed-in account's password; its other sessions end, the current one
	 * stays.
	 * @param currentSessionId the session to keep
	 * @throws BadRequestException with a French message when refused
	 */
	@Transactional(noRollbackFor = BadRequestException.class)
	public void changePassword(String accountId, String currentPassword, String password, String confirmation,
			@Nullable String currentSessionId) {
		Account account = repository.findById(accountId).orElseThrow();
		Instant now = clock.instant();
		if (LoginThrottle.isBlocked(repository.listFailuresSince(account.email(), now.minus(LoginThrottle.WINDOW)),
				now)) {
			throw new BadRequestException("trop_de_tentatives",
					"Trop de tentatives. Réessayez dans quelques minutes, ou choisissez un nouveau mot de passe "
							+ "par « Mot de passe oublié ».");
		}
		String current = repository.findCredentials(account.email()).map(Credentials::passwordHash).orElse(null);
		if (current == null || !passwords.matches(currentPassword == null ? "" : currentPassword, current)) {
			repository.recordFailure(account.email(), now);
			throw new BadRequestException("mot_de_passe_incorrect", "Le mot de passe actuel n'est pas le bon.");
		}
		checkNewPassword(password, confirmation);
		repository.setPassword(accountId, passwords.encode(password));
		repository.clearFailures(account.email());
		repository.revokeLinks(accountId, RESET, now);
		repository.deleteSessions(account.email(), currentSessionId);
	}

	private static void checkNewPassword(@Nullable String password, @Nullable String confirmation) {
		if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
			throw new BadRequestException("mot_de_passe_court",
					"Le mot de passe doit compter au moins " + MIN_PASSWORD_LENGTH + " caractères.");
		}
		if (!password.equals(confirmation)) {
			throw new BadRequestException("mot_de_passe_different", "Les deux mots de passe ne sont pas identiques.");
		}
	}

	/**
	 * Checks a sign-in.
	 * @throws SignInRefusedException with a French message when refused
	 */
	@Transactional(noRollbackFor = SignInRefusedException.class)
	public AccountPrincipal signIn(String email, String password) {
		String address = normalise(email);
		Instant now = clock.instant();
		List<Instant> failures = repository.listFailuresSince(address, now.minus(LoginThrottle.WINDOW));
		if (LoginThrottle.isBlocked(failures, now)) {
			long minutes = Math.max(1,
					Duration.between(now, LoginThrottle.blockedUntil(failures, now)).toSeconds() / 60 + 1);
			throw new SignInRefusedException(true, "Trop de tentatives pour cette adresse. Réessayez dans " + minutes
					+ " minute" + (minutes > 1 ? "s" : "") + ", ou choisissez un nouveau mot de passe.");
		}
		Optional<Credentials> credentials = repository.findCredentials(address);
		String hash = credentials.filter(found -> found.account().active()).map(Credentials::passwordHash).orElse(null);
		// always one comparison, so the answer takes as long whether the address is known
		boolean matches = passwords.matches(password == null ? "" : password, hash == null ? dummyHash : hash);
		boolean valid = hash != null && matches;
		if (!valid) {
			repository.recordFailure(address, now);
			throw new SignInRefusedException(false, "Adresse électronique ou mot de passe incorrect.");
		}
		repository.clearFailures(address);
		return AccountPrincipal.of(credentials.get().account());
	}

	/** A sign-in refused; {@code throttled} when too many attempts were made. */
	public static class SignInRefusedException extends RuntimeException {

		private final boolean throttled;

		SignInRefusedException(boolean throttled, String message) {
			super(message);
			this.throttled = throttled;
		}

		public boolean throttled() {
			return throttled;
		}

	}

	/**
	 * A new personal API token; its value is shown once (only its hash is kept).
	 * @return the token's value
	 */
	@Transactional
	public String createApiToken(String accountId, String name) {
		String label = name == null ? "" : name.strip();
		if (label.isEmpty() || label.length() > 100) {
			throw new BadRequestException("nom_invalide",
					"Donnez un nom au jeton (100 caractères au plus), par exemple « import nocturne ».");
		}
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String token = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		repository.insertToken(UUID.randomUUID().toString(), accountId, label, hash(token), clock.instant());
		return token;
	}

	public List<JdbcAccountRepository.ApiToken> listApiTokens(String accountId) {
		return repository.listTokens(accountId);
	}

	/**
	 * @throws fr.maillage.shared.web.NotFoundException when the account has no such token
	 */
	@Transactional
	public void revokeApiToken(String accountId, String tokenId) {
		boolean revoked;
		try {
			revoked = repository.revokeToken(accountId, tokenId, clock.instant());
		}
		catch (IllegalArgumentException notAnId) {
			revoked = false;
		}
		if (!revoked) {
			throw new fr.maillage.shared.web.NotFoundException("Aucun jeton « " + tokenId + " » dans votre compte.");
		}
	}

	/** Who a personal token speaks for, if it is valid. */
	@Transactional
	public Optional<AccountPrincipal> findByApiToken(@Nullable String token) {
		if (token == null || !token.startsWith(TOKEN_PREFIX)) {
			return Optional.empty();
		}
		return repository.findAccountByToken(hash(token), clock.instant()).map(AccountPrincipal::of);
	}

	/**
	 * The active accounts of a structure (issue 16: who is told that an orientation
	 * waits), by address.
	 */
	public List<AccountPrincipal> listMembersOfStructure(String structureId) {
		return repository.listActiveWithScope("structure", structureId).stream().map(AccountPrincipal::of).toList();
	}

	/**
	 * The active accounts given a territory (« departement », « epci »…) of that code, by
	 * address: who is told that something of that territory waits for a decision.
	 */
	public List<AccountPrincipal> listAccountsWithScope(String level, String code) {
		return repository.listActiveWithScope(level, code).stream().map(AccountPrincipal::of).toList();
	}

	/** The active administrators, by address. */
	public List<AccountPrincipal> listAdministrators() {
		return repository.listActiveAdministrators().stream().map(AccountPrincipal::of).toList();
	}

	/** Members to remind of their stale lieux. */
	public List<AccountPrincipal> listMembersForReminders() {
		return repository.listMembersForReminders().stream().map(AccountPrincipal::of).toList();
	}

	/**
	 * A link that stops reminders for this account, valid for a year and usable any
	 * number of times.
	 */
	@Transactional
	public String newOptOutLink(String accountId, String baseUrl) {
		return baseUrl + "/rappels/desinscription/"
				+ newLink(accountId, "desinscription", clock.instant().plus(Duration.ofDays(400)));
	}

	/** Stops reminders; false when the link is unknown or expired. */
	@Transactional
	public boolean stopReminders(String token) {
		Optional<Link> link = repository.findLink(hash(token));
		if (link.isEmpty() || !link.get().usage().equals("desinscription")
				|| !link.get().expiresAt().isAfter(clock.instant())) {
			return false;
		}
		repository.stopReminders(link.get().accountId());
		return true;
	}

	public List<JdbcAccountRepository.Mail> listOutbox(int limit) {
		return repository.listMails(limit);
	}

	private Optional<String> problem(Link link, String usage) {
		if (!link.usage().equals(usage)) {
			return Optional.of("Ce lien n'est pas valide ici.");
		}
		if (link.usedAt() != null) {
			return Optional.of("Ce lien a déjà servi. Pour changer de mot de passe, demandez un nouveau lien.");
		}
		if (link.revokedAt() != null) {
			return Optional.of("Ce lien a été remplacé par un lien plus récent : utilisez le dernier reçu, "
					+ "ou demandez-en un nouveau.");
		}
		if (!link.expiresAt().isAfter(clock.instant())) {
			return Optional.of("Ce lien a expiré. Demandez un nouveau lien.");
		}
		return Optional.empty();
	}

	private String newLink(String accountId, String usage, Instant expiresAt) {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		repository.insertLink(hash(token), accountId, usage, expiresAt);
		return token;
	}

	static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException impossible) {
			throw new IllegalStateException(impossible);
		}
	}

	private static String normalise(@Nullable String email) {
		return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
	}

}
