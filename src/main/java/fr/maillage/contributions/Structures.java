package fr.maillage.contributions;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import fr.maillage.accounts.AccountPrincipal;
import fr.maillage.accounts.Accounts;
import fr.maillage.accounts.Role;
import fr.maillage.contributions.domain.Structure;
import fr.maillage.contributions.persistence.JdbcStructureRepository;
import fr.maillage.places.Place;
import fr.maillage.places.PlaceDirectory;
import fr.maillage.shared.web.BadRequestException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Structures (issue 6): the organisations that run lieux. A coordinator attaches a lieu
 * of its territory to a structure and invites the structure's members, who then edit the
 * structure's lieux.
 */
@Service
public class Structures {

	private final JdbcStructureRepository repository;

	private final PlaceDirectory places;

	private final LieuEditing editing;

	private final Accounts accounts;

	private final Clock clock;

	Structures(JdbcStructureRepository repository, PlaceDirectory places, LieuEditing editing, Accounts accounts,
			Clock clock) {
		this.repository = repository;
		this.places = places;
		this.editing = editing;
		this.accounts = accounts;
		this.clock = clock;
	}

	public Optional<Structure> findStructureOf(String lieuId) {
		return repository.findStructureOf(UUID.fromString(lieuId));
	}

	/** The lieux of a member's structures, by name. */
	public List<Place> listLieuxOf(AccountPrincipal member) {
		List<UUID> structures = member.scopes("structure").stream().map(UUID::fromString).toList();
		if (structures.isEmpty()) {
			return List.of();
		}
		return repository.listLieuIds(structures)
			.stream()
			.flatMap(id -> places.findPlace(id).stream())
			.sorted(java.util.Comparator.comparing(Place::name))
			.toList();
	}

	/**
	 * Attaches the lieu to the structure of that name, created if no structure has it.
	 * @throws AccessDeniedException unless a coordinator of the lieu's territory or an
	 * administrator asks
	 */
	@Transactional
	public Structure attach(String lieuId, String structureName, AccountPrincipal account) {
		Place place = places.getPlace(lieuId);
		checkCoordinates(account, place);
		String name = structureName == null ? "" : structureName.strip();
		if (name.isEmpty() || name.length() > 200) {
			throw new BadRequestException("structure_invalide",
					"Indiquez le nom de la structure (200 caractères au plus).");
		}
		Structure structure = repository.findStructureByName(name)
			.orElseGet(() -> repository.createStructure(name, clock.instant(), account.signature()));
		repository.attach(UUID.fromString(place.id()), UUID.fromString(structure.id()), clock.instant(),
				account.signature());
		return structure;
	}

	/** The structure of that name (case aside), if there is one. */
	public Optional<Structure> findStructureByName(String name) {
		return repository.findStructureByName(name.strip());
	}

	/**
	 * The structure of that name, created if no structure has it (issue 16: a
	 * professional's account request accepted by a coordinator).
	 * @throws AccessDeniedException unless a coordinator or an administrator asks
	 */
	@Transactional
	public Structure findOrCreateStructure(String structureName, AccountPrincipal account) {
		if (account.role() == Role.MEMBRE) {
			throw new AccessDeniedException("Seul un coordinateur ou un administrateur peut créer une structure.");
		}
		String name = structureName == null ? "" : structureName.strip();
		if (name.isEmpty() || name.length() > 200) {
			throw new BadRequestException("structure_invalide",
					"Indiquez le nom de la structure (200 caractères au plus).");
		}
		return repository.findStructureByName(name)
			.orElseGet(() -> repository.createStructure(name, clock.instant(), account.signature()));
	}

	/** Invites a member of the structure the lieu is attached to. */
	@Transactional
	public void inviteMember(String lieuId, String email, String name, AccountPrincipal account, String baseUrl) {
		Place place = places.getPlace(lieuId);
		checkCoordinates(account, place);
		Structure structure = findStructureOf(place.id()).orElseThrow(
				() -> new BadRequestException("structure_manquante", "Rattachez d'abord ce lieu à une structure."));
		accounts.invite(email, name, Role.MEMBRE, List.of("structure:" + structure.id()), account.name(), baseUrl);
	}

	private void checkCoordinates(AccountPrincipal account, Place place) {
		if (!editing.mayCoordinate(account, place)) {
			throw new AccessDeniedException("Seul un coordinateur du territoire du lieu peut faire cela.");
		}
	}

}
