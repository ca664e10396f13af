package fr.maillage.coordination;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import fr.maillage.accounts.AccountPrincipal;
import fr.maillage.accounts.Role;
import fr.maillage.coordination.domain.ActorManagementPolicy;
import fr.maillage.coordination.domain.BodyRules;
import fr.maillage.coordination.domain.BodyType;
import fr.maillage.coordination.domain.MemberRole;
import fr.maillage.coordination.domain.PorteurPolicy;
import fr.maillage.coordination.persistence.JdbcBodyRepository;
import fr.maillage.coordination.persistence.StoredActor;
import fr.maillage.shared.web.ConflictException;
import fr.maillage.shared.web.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The governance of a territory (issue 18, item 4): its bodies — comité de pilotage,
 * comité technique, plénière, sous-gouvernance of an EPCI or of a sector — and their
 * member structures with their role. A coordinator manages the bodies of its territories
 * ({@link ActorManagementPolicy}); a sous-gouvernance has exactly one porteur
 * ({@link PorteurPolicy}); an edit made on an older version of a body is refused (409),
 * never silently applied. The public sees bodies and structures, never persons.
 */
@Service
public class Governance {

	private final JdbcBodyRepository bodies;

	private final CoordinationPlaces places;

	private final Clock clock;

	Governance(JdbcBodyRepository bodies, CoordinationPlaces places, Clock clock) {
		this.bodies = bodies;
		this.places = places;
		this.clock = clock;
	}

	public record Body(String id, String name, BodyType type, String departement, @Nullable String epci,
			@Nullable String epciName, @Nullable String secteur, @Nullable String description, int version,
			Instant modifiedAt, String modifiedBy, List<Member> members) {

		public Optional<Member> porteur() {
			return members.stream().filter(member -> member.role() == MemberRole.PORTEUR).findFirst();
		}

	}

	public record Member(String actorId, String name, MemberRole role) {
	}

	/** A territory's governance for the public. */
	public record TerritoryGovernance(String code, String name, List<Body> bodies) {
	}

	/** A structure a form may add, by name. */
	public record ActorChoice(String id, String name, String departement) {
	}

	/**
	 * The bodies of a territory: a département's (« 69 » also 69D and 69M), or an EPCI's
	 * own sous-gouvernances and the bodies of its département(s).
	 * @throws fr.maillage.shared.web.BadRequestException territoire_inconnu
	 */
	@Transactional(readOnly = true)
	public TerritoryGovernance listPublic(String territory) {
		CoordinationPlaces.Territory found = places.resolve(territory);
		List<Body> listed = bodies.listBodies(found.departements())
			.stream()
			.filter(body -> !found.epci() || body.epci() == null || body.epci().equals(found.code()))
			.map(this::body)
			.toList();
		return new TerritoryGovernance(found.code(), found.name(), listed);
	}

	@Transactional(readOnly = true)
	public List<Body> listManaged(AccountPrincipal account) {
		checkCoordinates(account);
		return bodies.listBodies(null)
			.stream()
			.filter(body -> ActorManagementPolicy.mayManage(account, body.departement(), body.epci()))
			.map(this::body)
			.toList();
	}

	/**
	 * @throws NotFoundException unknown, or outside the account's territories
	 */
	@Transactional(readOnly = true)
	public Body getManaged(String id, AccountPrincipal account) {
		return body(managed(id, account));
	}

	/**
	 * Creates a body; its porteur, when given (a sous-gouvernance needs one), is its
	 * first member.
	 * @return the body's id
	 * @throws InvalidFormException with each problem by field
	 */
	@Transactional
	public String create(Map<String, String> fields, AccountPrincipal account) {
		checkCoordinates(account);
		BodyRules.BodyEntry entry = read(fields, account);
		String typedPorteur = fields.get("porteur");
		StoredActor porteur = null;
		Map<String, String> problems = new LinkedHashMap<>();
		if (typedPorteur != null && !typedPorteur.isBlank()) {
			porteur = places.choose(typedPorteur, places.actorsOf(CoordinationPlaces.family(entry.departement())))
				.orElse(null);
			if (porteur == null) {
				problems.put("porteur", "Structure porteuse : aucune structure « " + typedPorteur.strip()
						+ " » dans l'annuaire des acteurs de ce département. Ajoutez-la d'abord à l'annuaire.");
			}
		}
		if (problems.isEmpty()) {
			PorteurPolicy.check(entry.type(), porteur == null ? List.of() : List.of(MemberRole.PORTEUR))
				.ifPresent(problem -> problems.put("porteur", problem));
		}
		if (!problems.isEmpty()) {
			throw new InvalidFormException("instance_invalide", problems);
		}
		String id = UUID.randomUUID().toString();
		Instant now = clock.instant();
		bodies.insertBody(id, entry, now, account.signature());
		if (porteur != null) {
			bodies.replaceMembers(id, List.of(new JdbcBodyRepository.Member(porteur.id(), MemberRole.PORTEUR)), now,
					account.signature());
		}
		return id;
	}

	/**
	 * @param version the version the form was filled from
	 * @throws ConflictException when someone changed it meanwhile
	 */
	@Transactional
	public void update(String id, int version, Map<String, String> fields, AccountPrincipal account) {
		JdbcBodyRepository.StoredBody before = managed(id, account);
		BodyRules.BodyEntry entry = read(fields, account);
		List<MemberRole> roles = bodies.listMembers(id).stream().map(JdbcBodyRepository.StoredMember::role).toList();
		PorteurPolicy.check(entry.type(), roles).ifPresent(problem -> {
			throw new InvalidFormException("instance_invalide",
					Map.of("type", problem + " Désignez-la dans les membres avant de changer le type."));
		});
		if (!bodies.updateBody(id, version, entry, clock.instant(), account.signature())) {
			throw conflict(before);
		}
	}

	/** One row of the members' form. */
	public record MemberChange(String actorId, @Nullable String role, boolean remove) {
	}

	/**
	 * Saves the members' form at once: roles changed, members removed, and one structure
	 * added by its name; the porteur rule holds on the result.
	 */
	@Transactional
	public void saveMembers(String id, int version, List<MemberChange> changes, @Nullable String addedName,
			@Nullable String addedRole, AccountPrincipal account) {
		JdbcBodyRepository.StoredBody body = managed(id, account);
		Map<String, String> problems = new LinkedHashMap<>();
		Map<String, MemberRole> result = new LinkedHashMap<>();
		for (JdbcBodyRepository.StoredMember member : bodies.listMembers(id)) {
			result.put(member.actorId(), member.role());
		}
		for (MemberChange change : changes) {
			if (!result.containsKey(change.actorId())) {
				continue;
			}
			if (change.remove()) {
				result.remove(change.actorId());
			}
			else if (change.role() != null) {
				MemberRole role = MemberRole.findByCode(change.role()).orElse(null);
				if (role == null) {
					problems.put("role-" + change.actorId(), "Rôle inconnu : « " + change.role() + " ».");
				}
				else {
					result.put(change.actorId(), role);
				}
			}
		}
		if (addedName != null && !addedName.isBlank()) {
			MemberRole role = addedRole == null || addedRole.isBlank() ? MemberRole.MEMBRE
					: MemberRole.findByCode(addedRole).orElse(null);
			if (role == null) {
				problems.put("nouveau_role", "Rôle inconnu : « " + addedRole + " ».");
			}
			Optional<StoredActor> actor = places.choose(addedName,
					places.actorsOf(CoordinationPlaces.family(body.departement())));
			if (actor.isEmpty()) {
				problems.put("nouveau_membre", "Aucune structure « " + addedName.strip()
						+ " » dans l'annuaire des acteurs de ce département : choisissez-en une dans la liste proposée, ou ajoutez-la d'abord à l'annuaire.");
			}
			else if (result.containsKey(actor.get().id())) {
				problems.put("nouveau_membre", "« " + actor.get().name() + " » est déjà membre de cette instance.");
			}
			else if (role != null) {
				result.put(actor.get().id(), role);
			}
		}
		if (problems.isEmpty()) {
			PorteurPolicy.check(body.type(), result.values()).ifPresent(problem -> problems.put("membres", problem));
		}
		if (!problems.isEmpty()) {
			throw new InvalidFormException("membres_invalides", problems);
		}
		Instant now = clock.instant();
		if (!bodies.touchBody(id, version, now, account.signature())) {
			throw conflict(body);
		}
		List<JdbcBodyRepository.Member> members = new ArrayList<>();
		result.forEach((actor, role) -> members.add(new JdbcBodyRepository.Member(actor, role)));
		bodies.replaceMembers(id, members, now, account.signature());
	}

	@Transactional
	public void delete(String id, int version, AccountPrincipal account) {
		JdbcBodyRepository.StoredBody body = managed(id, account);
		if (body.version() != version) {
			throw conflict(body);
		}
		bodies.deleteBody(id);
	}

	/** The structures a body of that département may take as members. */
	@Transactional(readOnly = true)
	public List<ActorChoice> listChoices(@Nullable String departement, AccountPrincipal account) {
		List<StoredActor> actors = departement == null ? places.actorsManagedBy(account)
				: places.actorsOf(CoordinationPlaces.family(departement));
		return actors.stream().map(actor -> new ActorChoice(actor.id(), actor.name(), actor.departement())).toList();
	}

	public Map<String, String> mapManagedDepartements(AccountPrincipal account) {
		return places.managedDepartements(account);
	}

	private BodyRules.BodyEntry read(Map<String, String> fields, AccountPrincipal account) {
		BodyRules.Reading reading = BodyRules.read(fields, places.departements(), places::isEpci);
		if (reading instanceof BodyRules.Reading.Refused refused) {
			throw new InvalidFormException("instance_invalide", refused.problems());
		}
		BodyRules.BodyEntry entry = ((BodyRules.Reading.Accepted) reading).entry();
		if (!ActorManagementPolicy.mayManage(account, entry.departement(), entry.epci())) {
			throw new InvalidFormException("instance_invalide",
					Map.of("departement", "Vous ne gérez pas la gouvernance de ce territoire."));
		}
		return entry;
	}

	private JdbcBodyRepository.StoredBody managed(String id, AccountPrincipal account) {
		checkCoordinates(account);
		return bodies.findBody(id)
			.filter(body -> ActorManagementPolicy.mayManage(account, body.departement(), body.epci()))
			.orElseThrow(() -> new NotFoundException("Aucune instance de vos territoires n'a cet identifiant."));
	}

	private ConflictException conflict(JdbcBodyRepository.StoredBody before) {
		JdbcBodyRepository.StoredBody now = bodies.findBody(before.id()).orElse(before);
		return new ConflictException("modification_concurrente",
				"Cette instance a été modifiée par " + now.modifiedBy() + " pendant que vous la modifiiez : "
						+ "rechargez la page pour voir ses changements, puis refaites les vôtres.");
	}

	private Body body(JdbcBodyRepository.StoredBody body) {
		return new Body(body.id(), body.name(), body.type(), body.departement(), body.epci(),
				places.epciName(body.epci()), body.secteur(), body.description(), body.version(), body.modifiedAt(),
				body.modifiedBy(),
				bodies.listMembers(body.id())
					.stream()
					.map(member -> new Member(member.actorId(), member.name(), member.role()))
					.toList());
	}

	private static void checkCoordinates(AccountPrincipal account) {
		if (account.role() == Role.MEMBRE) {
			throw new AccessDeniedException("Les instances d'un territoire sont gérées par sa coordination.");
		}
	}

}
