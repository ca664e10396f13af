package fr.maillage.orientations;

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
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import fr.maillage.accounts.AccountPrincipal;
import fr.maillage.accounts.Accounts;
import fr.maillage.accounts.Mailer;
import fr.maillage.accounts.Role;
import fr.maillage.contributions.Structures;
import fr.maillage.orientations.domain.OrientationStatus;
import fr.maillage.orientations.persistence.JdbcOrientationLinkRepository;
import fr.maillage.orientations.persistence.JdbcOrientationRepository;
import fr.maillage.orientations.persistence.LinkRow;
import fr.maillage.orientations.persistence.OrientationRow;
import fr.maillage.places.Place;
import fr.maillage.places.PlaceDirectory;
import fr.maillage.shared.web.BadRequestException;
import fr.maillage.shared.web.ConflictException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signed links (issue 16): a lieu whose structure has no member account — or no structure
 * at all — is e-mailed, at its public addresses (the schema's {@code courriels}), a link
 * valid {@value #VALIDITY_DAYS} days that opens that one orientation and lets the lieu
 * answer as its receiving side: accept or refuse, then say whether the person came. The
 * link is a random 256-bit token of which only the SHA-256 is stored: an altered link
 * matches nothing; an expired, replaced or spent one (the orientation past the answers a
 * link gives) is refused with the reason. The orienteur or a coordinator renews it (the
 * older links stop). Every read through it is logged like any other.
 */
@Service
public class OrientationLinks {

	static final int VALIDITY_DAYS = 8;

	/** What a link answers; the rest (support ended, cancelling) needs an account. */
	static final Set<OrientationStatus> ANSWERS = Set.of(OrientationStatus.ACCEPTEE, OrientationStatus.REFUSEE,
			OrientationStatus.VENUE, OrientationStatus.NON_VENUE);

	/** While the orientation waits for one of these answers, its link opens it. */
	private static final Set<OrientationStatus> OPEN = Set.of(OrientationStatus.ENVOYEE, OrientationStatus.ACCEPTEE);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcOrientationLinkRepository links;

	private final JdbcOrientationRepository orientationRows;

	private final Orientations orientations;

	private final PlaceDirectory places;

	private final Structures structures;

	private final Accounts accounts;

	private final Mailer mailer;

	private final Clock clock;

	private final String baseUrl;

	OrientationLinks(JdbcOrientationLinkRepository links, JdbcOrientationRepository orientationRows,
			Orientations orientations, PlaceDirectory places, Structures structures, Accounts accounts, Mailer mailer,
			Clock clock, @Value("${maillage.url-publique:http://localhost:8080}") String baseUrl) {
		this.links = links;
		this.orientationRows = orientationRows;
		this.orientations = orientations;
		this.places = places;
		this.structures = structures;
		this.accounts = accounts;
		this.mailer = mailer;
		this.clock = clock;
		this.baseUrl = baseUrl.replaceAll("/+$", "");
	}

	/** Why a link does not open its orientation. */
	public enum Refusal {

		UNKNOWN("Ce lien n'est pas valide. Vérifiez qu'il a été copié en entier depuis le courriel."),

		REPLACED("Ce lien a été remplacé par un lien plus récent : utilisez le dernier courriel reçu."),

		EXPIRED("Ce lien a expiré (il était valable " + VALIDITY_DAYS + " jours). Demandez-en un nouveau à la "
				+ "personne qui a orienté, ou à la coordination du numérique de votre territoire."),

		ANSWERED("Cette orientation a reçu ses réponses : ce lien ne sert plus.");

		private final String message;

		Refusal(String message) {
			this.message = message;
		}

		public String message() {
			return message;
		}

	}

	/** A link refused; the page says why. */
	public static class LinkRefusedException extends RuntimeException {

		private final Refusal refusal;

		LinkRefusedException(Refusal refusal) {
			super(refusal.message());
			this.refusal = refusal;
		}

		public Refusal refusal() {
			return refusal;
		}

	}

	/**
	 * The link state an orientation's page shows to its orienteur and the coordinators.
	 *
	 * @param sentTo the addresses of the newest link
	 * @param expiresAt when the newest link stops
	 * @param spent whether the orientation is past the answers a link gives
	 */
	public record LinkState(boolean unattended, List<String> addresses, @Nullable String sentTo,
			@Nullable Instant expiresAt, boolean expired, boolean spent, boolean renewable) {

	}

	/** An orientation sent to a lieu with nobody attached: its addresses get a link. */
	@EventListener
	void onSent(OrientationSent sent) {
		Place place = places.findPlace(sent.lieuId()).orElse(null);
		if (place == null || hasMembers(place)) {
			return;
		}
		issue(UUID.fromString(sent.orientationId()), place, "Maillage (envoi de l'orientation)",
				clock.instant().plus(Duration.ofDays(VALIDITY_DAYS)), false);
	}

	/** Whether someone with an account receives for the lieu: then no link. */
	boolean hasMembers(Place place) {
		return structures.findStructureOf(place.id())
			.map(structure -> !accounts.listMembersOfStructure(structure.id()).isEmpty())
			.orElse(false);
	}

	/**
	 * E-mails a new link to the lieu's addresses; nothing when it has none.
	 * @return whether a link was sent
	 */
	boolean issue(UUID orientationId, Place place, String by, Instant expiresAt, boolean reminder) {
		if (place.emails().isEmpty()) {
			return false;
		}
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant now = clock.instant();
		links.insertLink(orientationId, hash(token), String.join(", ", place.emails()), now, by, expiresAt);
		String link = baseUrl + "/orientations/lien/" + token;
		long days = Math.max(1, Math.round(Duration.between(now, expiresAt).toMinutes() / 1440.0));
		for (String address : place.emails()) {
			mailer.send(address,
					reminder ? "Maillage : rappel, une orientation attend votre réponse"
							: "Maillage : une orientation attend votre réponse",
					"Bonjour,\n\n" + (reminder ? "Une orientation attend toujours votre réponse. " : "")
							+ "Ouvrez ce lien pour la lire et y répondre (valable " + days + " jour"
							+ (days > 1 ? "s" : "") + ") :\n\n" + link
							+ "\n\nPour protéger la personne, ce courriel ne dit rien d'elle.");
		}
		return true;
	}

	/** The link of an orientation, for its page; empty when the lieu has members. */
	@Transactional(readOnly = true)
	public Optional<LinkState> findLinkState(String orientationId, AccountPrincipal account) {
		OrientationRow row = orientations.getVisible(orientationId, account);
		Orientations.Sides sides = orientations.sides(row, account);
		Place place = sides.place();
		if (place == null || hasMembers(place)) {
			return Optional.empty();
		}
		Optional<LinkRow> latest = links.findLatest(row.id());
		boolean expired = latest.map(link -> !link.expiresAt().isAfter(clock.instant())).orElse(true);
		return Optional.of(new LinkState(true, place.emails(), latest.map(LinkRow::sentTo).orElse(null),
				latest.map(LinkRow::expiresAt).orElse(null), expired, !OPEN.contains(row.status()),
				mayRenew(sides, account) && OPEN.contains(row.status()) && !place.emails().isEmpty()));
	}

	private static boolean mayRenew(Orientations.Sides sides, AccountPrincipal account) {
		return sides.orienteur() || (sides.receiver() && account.role() != Role.MEMBRE);
	}

	/**
	 * A new link valid {@value #VALIDITY_DAYS} days from now; the older ones stop.
	 * @throws AccessDeniedException unless the orienteur or a coordinator of the lieu
	 * asks
	 * @throws ConflictException when the orientation no longer waits for the lieu's
	 * answers, or the lieu has members now
	 * @throws BadRequestException when the lieu has no e-mail address
	 */
	@Transactional
	public void renew(String orientationId, AccountPrincipal account) {
		OrientationRow row = orientations.getVisible(orientationId, account);
		Orientations.Sides sides = orientations.sides(row, account);
		if (!mayRenew(sides, account)) {
			throw new AccessDeniedException(
					"Seuls la personne qui a orienté et la coordination du territoire renvoient un lien.");
		}
		Place place = sides.place();
		if (place == null || hasMembers(place)) {
			throw new ConflictException("lien_inutile",
					"L'équipe de ce lieu a un compte : elle voit l'orientation dans Maillage, sans lien.");
		}
		if (!OPEN.contains(row.status())) {
			throw new ConflictException("lien_inutile", "Cette orientation a reçu ses réponses : pas besoin de lien.");
		}
		if (place.emails().isEmpty()) {
			throw new BadRequestException("lieu_sans_courriel",
					"Ce lieu n'a pas d'adresse électronique dans " + "l'annuaire : appelez-le, ou complétez sa fiche.");
		}
		Instant now = clock.instant();
		links.revokeLinks(row.id(), now);
		issue(row.id(), place, account.signature(), now.plus(Duration.ofDays(VALIDITY_DAYS)), false);
	}

	/**
	 * A reminder to a lieu with nobody attached: a new link that ends when the newest one
	 * does (a reminder does not lengthen it), or in {@value #VALIDITY_DAYS} days when
	 * none is in force.
	 */
	boolean remind(UUID orientationId, Place place) {
		Instant now = clock.instant();
		Instant expiresAt = links.findLatest(orientationId)
			.map(LinkRow::expiresAt)
			.filter(expiry -> expiry.isAfter(now))
			.orElse(now.plus(Duration.ofDays(VALIDITY_DAYS)));
		return issue(orientationId, place, "Maillage (rappel)", expiresAt, true);
	}

	/** The orientation a link opens, checked. */
	private OrientationRow open(String token) {
		LinkRow link = links.findByTokenHash(hash(token == null ? "" : token))
			.orElseThrow(() -> new LinkRefusedException(Refusal.UNKNOWN));
		if (link.revokedAt() != null) {
			throw new LinkRefusedException(Refusal.REPLACED);
		}
		if (!link.expiresAt().isAfter(clock.instant())) {
			throw new LinkRefusedException(Refusal.EXPIRED);
		}
		OrientationRow row = orientationRows.findById(link.orientationId())
			.orElseThrow(() -> new LinkRefusedException(Refusal.UNKNOWN));
		if (!OPEN.contains(row.status())) {
			throw new LinkRefusedException(Refusal.ANSWERED);
		}
		return row;
	}

	private static String signature(OrientationRow row, String lieuName) {
		return "L'équipe du lieu « " + lieuName + " » (lien envoyé par courriel)";
	}

	private String lieuName(OrientationRow row) {
		return places.findPlace(row.lieuId().toString()).map(Place::name).orElse("lieu retiré de l'annuaire");
	}

	/**
	 * The orientation the link opens, with the person's data; the read is logged.
	 * @throws LinkRefusedException when the link is altered, replaced, expired or spent
	 */
	@Transactional
	public Orientations.Detail read(String token) {
		OrientationRow row = open(token);
		Orientations.Detail detail = orientations.getForLink(row, signature(row, lieuName(row)));
		List<OrientationStatus> possible = detail.possible().stream().filter(ANSWERS::contains).toList();
		return new Orientations.Detail(detail.id(), detail.lieuId(), detail.place(), detail.status(), detail.person(),
				detail.orienteur(), detail.sentAt(), detail.consent(), detail.steps(), false, true, possible,
				detail.erasedAt(), detail.erasure());
	}

	/**
	 * The lieu's answer through the link.
	 * @throws LinkRefusedException when the link is altered, replaced, expired or spent
	 * @throws ConflictException ({@code transition_interdite}) when the workflow does not
	 * allow it now, or someone answered meanwhile
	 * @throws AccessDeniedException for what a link does not answer
	 */
	@Transactional
	public OrientationStatus answer(String token, String statusCode, @Nullable String reasonCode,
			@Nullable String message) {
		OrientationRow row = open(token);
		Optional<OrientationStatus> to = OrientationStatus.findByCode(statusCode == null ? "" : statusCode.strip());
		if (to.isPresent() && row.status().canBecome(to.get()) && !ANSWERS.contains(to.get())) {
			throw new AccessDeniedException("Cette étape se fait depuis un compte Maillage.");
		}
		return orientations.changeStatusForLink(row, statusCode, reasonCode, message, signature(row, lieuName(row)));
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

}
