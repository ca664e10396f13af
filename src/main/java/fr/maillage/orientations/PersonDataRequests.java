package fr.maillage.orientations;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import fr.maillage.accounts.AccountPrincipal;
import fr.maillage.accounts.Role;
import fr.maillage.orientations.domain.Screening;
import fr.maillage.orientations.domain.Consent;
import fr.maillage.orientations.domain.OrientationStatus;
import fr.maillage.orientations.domain.PersonData;
import fr.maillage.orientations.persistence.JdbcConsentRepository;
import fr.maillage.orientations.persistence.JdbcOrientationRepository;
import fr.maillage.orientations.persistence.JdbcPersonDataRepository;
import fr.maillage.orientations.persistence.OrientationRow;
import fr.maillage.places.Place;
import fr.maillage.places.PlaceDirectory;
import fr.maillage.shared.crypto.FieldCipher;
import fr.maillage.shared.text.TextFolding;
import fr.maillage.shared.web.BadRequestException;
import fr.maillage.shared.web.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's rights of access and erasure (RGPD art. 15 and 17, issue 16), exercised by
 * an administrator on her request. She is found by the id of one of her orientations (on
 * her fiche de liaison, or given by the professional who oriented her); her other
 * orientations are those with the same first name and the same phone or e-mail — compared
 * once decrypted, as the database holds only ciphertext. Every read, export and erasure
 * is logged on each orientation; erasure keeps the statuses and the log, as the retention
 * job does.
 */
@Service
public class PersonDataRequests {

	private final JdbcOrientationRepository rows;

	private final JdbcPersonDataRepository contacts;

	private final JdbcConsentRepository consents;

	private final Orientations orientations;

	private final PlaceDirectory places;

	private final FieldCipher cipher;

	private final Clock clock;

	private final Screenings screenings;

	PersonDataRequests(JdbcOrientationRepository rows, JdbcPersonDataRepository contacts,
			JdbcConsentRepository consents, Orientations orientations, PlaceDirectory places, FieldCipher cipher,
			Clock clock, Screenings screenings) {
		this.screenings = screenings;
		this.rows = rows;
		this.contacts = contacts;
		this.consents = consents;
		this.orientations = orientations;
		this.places = places;
		this.cipher = cipher;
		this.clock = clock;
	}

	/** One orientation of the person, decrypted. */
	public record Found(String id, String lieuName, String commune, OrientationStatus status, Instant sentAt,
			Instant statusAt, PersonData person, @Nullable Consent consent, List<Orientations.Step> steps,
			@Nullable Screening screening) {

	}

	/**
	 * @param erasedAt when the asked orientation's data was erased already, if it was
	 */
	public record Person(String askedId, @Nullable Instant erasedAt, List<Found> orientations) {

	}

	/** What the log says an administrator did. */
	public enum Action {

		READ("lecture"), EXPORT("export");

		private final String code;

		Action(String code) {
			this.code = code;
		}

	}

	/**
	 * The person's orientations, decrypted; each is logged as read or exported.
	 * @throws AccessDeniedException unless an administrator asks
	 * @throws NotFoundException when no orientation has that id
	 */
	@Transactional
	public Person find(String orientationId, Action action, AccountPrincipal account) {
		checkAdministrator(account);
		OrientationRow asked = getAsked(orientationId);
		if (asked.erasedAt() != null) {
			return new Person(asked.id().toString(), asked.erasedAt(), List.of());
		}
		Instant now = clock.instant();
		List<Found> found = new ArrayList<>();
		for (OrientationRow row : listOfSamePerson(asked)) {
			PersonData person = orientations.decrypt(row);
			if (person == null) {
				continue;
			}
			rows.insertAccess(row.id(), UUID.fromString(account.id()), account.signature(), now, action.code);
			Optional<Place> place = places.findPlace(row.lieuId().toString());
			found.add(new Found(row.id().toString(), place.map(Place::name).orElse("Lieu retiré de l'annuaire"),
					place.map(Place::commune).orElse(""), row.status(), row.sentAt(), row.statusAt(), person,
					consents.findByOrientation(row.id()).orElse(null), orientations.steps(row),
					screenings.findStoredAnswers(row.id().toString()).orElse(null)));
		}
		return new Person(asked.id().toString(), null, found);
	}

	/**
	 * Erases the person's data from all her orientations; statuses, dates and the log
	 * stay.
	 * @return how many orientations held her data
	 * @throws AccessDeniedException unless an administrator asks
	 */
	@Transactional
	public int erase(String orientationId, AccountPrincipal account) {
		checkAdministrator(account);
		OrientationRow asked = getAsked(orientationId);
		if (asked.erasedAt() != null) {
			return 0;
		}
		Instant now = clock.instant();
		int erased = 0;
		for (OrientationRow row : listOfSamePerson(asked)) {
			if (rows.erasePersonalData(row.id(), "demande", now)) {
				rows.insertAccess(row.id(), UUID.fromString(account.id()), account.signature(), now, "effacement");
				erased++;
			}
		}
		return erased;
	}

	/**
	 * @throws AccessDeniedException unless an administrator asks
	 */
	public static void checkAdministrator(AccountPrincipal account) {
		if (account.role() != Role.ADMINISTRATEUR) {
			throw new AccessDeniedException("Seul un administrateur exporte ou efface les données d'une personne.");
		}
	}

	private OrientationRow getAsked(String orientationId) {
		String typed = orientationId == null ? "" : orientationId.strip();
		if (typed.isEmpty()) {
			throw new BadRequestException("orientation_manquante",
					"Indiquez l'identifiant d'une orientation de la personne (sur sa fiche de liaison).");
		}
		UUID id;
		try {
			id = UUID.fromString(typed);
		}
		catch (IllegalArgumentException notAnId) {
			throw new BadRequestException("orientation_invalide", "« "
					+ (typed.length() > 60 ? typed.substring(0, 59) + "…" : typed)
					+ " » n'est pas un identifiant d'orientation : il s'écrit comme 3f2b8c1e-5d4a-4c2b-9a7e-1b2c3d4e5f60.");
		}
		return rows.findById(id)
			.orElseThrow(() -> new NotFoundException("Aucune orientation n'a l'identifiant « " + typed + " »."));
	}

	/**
	 * The asked orientation, then every other whose person has the same first name and
	 * the same phone or e-mail.
	 */
	private List<OrientationRow> listOfSamePerson(OrientationRow asked) {
		Set<UUID> ids = new LinkedHashSet<>();
		ids.add(asked.id());
		PersonData her = orientations.decrypt(asked);
		if (her != null && (her.phone() != null || her.email() != null)) {
			String firstName = TextFolding.fold(her.firstName());
			String phone = digits(her.phone());
			String email = lower(her.email());
			for (JdbcPersonDataRepository.Contacts other : contacts.listKeptContacts()) {
				if (other.id().equals(asked.id())) {
					continue;
				}
				try {
					String otherName = cipher.decrypt(other.firstName(), other.id() + "/prenom");
					if (otherName == null || !TextFolding.fold(otherName).equals(firstName)) {
						continue;
					}
					boolean samePhone = phone != null
							&& phone.equals(digits(cipher.decrypt(other.phone(), other.id() + "/telephone")));
					boolean sameEmail = email != null
							&& email.equals(lower(cipher.decrypt(other.email(), other.id() + "/courriel")));
					if (samePhone || sameEmail) {
						ids.add(other.id());
					}
				}
				catch (FieldCipher.UnreadableException lostKey) {
					// a value under a key no longer held names nobody: nothing to match
				}
			}
		}
		return ids.stream().flatMap(id -> rows.findById(id).stream()).toList();
	}

	private static @Nullable String digits(@Nullable String phone) {
		if (phone == null) {
			return null;
		}
		String digits = phone.replaceAll("\\D", "");
		// +33 6… and 06… are the same number
		if (digits.startsWith("33") && digits.length() == 11) {
			digits = "0" + digits.substring(2);
		}
		return digits.isEmpty() ? null : digits;
	}

	private static @Nullable String lower(@Nullable String email) {
		return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
	}

}
