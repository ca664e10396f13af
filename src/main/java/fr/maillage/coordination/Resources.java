package fr.maillage.coordination;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import fr.maillage.accounts.AccountPrincipal;
import fr.maillage.accounts.Role;
import fr.maillage.coordination.domain.ActorManagementPolicy;
import fr.maillage.coordination.domain.ResourceRules;
import fr.maillage.coordination.domain.ResourceType;
import fr.maillage.coordination.persistence.JdbcResourceRepository;
import fr.maillage.coordination.persistence.StoredActor;
import fr.maillage.shared.web.ConflictException;
import fr.maillage.shared.web.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The resources of a territory (issue 18, item 2; Rhône roadmap: « Identifier une liste
 * de ressources par territoire (formatives, financières, humaines, matériel) »): a
 * training offer, a call for projects, a lending stock of tablets… each held by a
 * structure of the actors directory, for a territory and a period. Coordinators manage
 * those of their territories; a structure's member those of its own structure. The public
 * finds them by territory, type and words (accents ignored); those ended before today
 * only when asked.
 */
@Service
public class Resources {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private final JdbcResourceRepository resources;

	private final CoordinationPlaces places;

	private final Clock clock;

	Resources(JdbcResourceRepository resources, CoordinationPlaces places, Clock clock) {
		this.resources = resources;
		this.places = places;
		this.clock = clock;
	}

	public record Resource(String id, String title, ResourceType type, String actorId, String actorName,
			String departement, @Nullable String epci, @Nullable String epciName, @Nullable String commune,
			@Nullable String communeName, @Nullable LocalDate from, @Nullable LocalDate to, @Nullable String link,
			@Nullable String description, int version, boolean current, Instant modifiedAt, String modifiedBy) {
	}

	/** What the public found, and in which territory. */
	public record Found(@Nullable String territoryCode, @Nullable String territoryName, List<Resource> resources) {
	}

	/**
	 * @param territory a département (« 69 » also 69D and 69M), 69D, 69M or an EPCI's
	 * SIREN; all when null
	 * @param words searched in the title, description and structure's name
	 * @param withPast also those ended before today
	 * @throws fr.maillage.shared.web.BadRequestException territoire_inconnu
	 */
	@Transactional(readOnly = true)
	public Found listPublic(@Nullable String territory, @Nullable ResourceType type, @Nullable String words,
			boolean withPast) {
		CoordinationPlaces.Territory found = territory == null ? null : places.resolve(territory);
		List<String> split = words == null ? List.of()
				: Arrays.stream(words.strip().split("\\s+")).filter(word -> !word.isBlank()).limit(8).toList();
		List<Resource> listed = resources
			.listResources(found == null ? null : found.departements(),
					found != null && found.epci() ? found.code() : null, type, split, withPast ? null : today())
			.stream()
			.map(this::view)
			.toList();
		return new Found(found == null ? null : found.code(), found == null ? null : found.name(), listed);
	}

	/**
	 * Those an account manages: its territories', or its own structure's for a member.
	 */
	@Transactional(readOnly = true)
	public List<Resource> listManaged(AccountPrincipal account) {
		if (account.role() == Role.MEMBRE) {
			List<String> own = places.ownActors(account).stream().map(StoredActor::id).toList();
			return own.isEmpty() ? List.of() : resources.listOfActors(own).stream().map(this::view).toList();
		}
		return resources.listResources(null, null, null, List.of(), null)
			.stream()
			.filter(resource -> ActorManagementPolicy.mayManage(account, resource.departement(), resource.epci()))
			.map(this::view)
			.toList();
	}

	/**
	 * @throws NotFoundException unknown, or not the account's to manage
	 */
	@Transactional(readOnly = true)
	public Resource getManaged(String id, AccountPrincipal account) {
		return view(managed(id, account));
	}

	/**
	 * @return the new resource's id
	 * @throws InvalidFormException every problem by field
	 */
	@Transactional
	public String create(Map<String, String> fields, AccountPrincipal account) {
		Checked checked = check(fields, account);
		String id = UUID.randomUUID().toString();
		resources.insertResource(id, checked.actor().id(), checked.entry(), clock.instant(), account.signature());
		return id;
	}

	/**
	 * @throws ConflictException when someone changed it since {@code version}
	 */
	@Transactional
	public void update(String id, int version, Map<String, String> fields, AccountPrincipal account) {
		managed(id, account);
		Checked checked = check(fields, account);
		if (!resources.updateResource(id, version, checked.actor().id(), checked.entry(), clock.instant(),
				account.signature())) {
			throw conflict(id);
		}
	}

	@Transactional
	public void delete(String id, int version, AccountPrincipal account) {
		JdbcResourceRepository.StoredResource resource = managed(id, account);
		if (resource.version() != version) {
			throw conflict(id);
		}
		resources.deleteResource(id);
	}

	/** The structures an account may name as holder (suggestions of the form). */
	@Transactional(readOnly = true)
	public List<Governance.ActorChoice> listChoices(AccountPrincipal account) {
		return places.actorsManagedBy(account)
			.stream()
			.map(actor -> new Governance.ActorChoice(actor.id(), actor.name(), actor.departement()))
			.toList();
	}

	public Map<String, String> mapDepartements() {
		return places.departementNames();
	}

	private record Checked(StoredActor actor, ResourceRules.ResourceEntry entry) {
	}

	private Checked check(Map<String, String> fields, AccountPrincipal account) {
		Map<String, String> entered = new java.util.LinkedHashMap<>(fields);
		java.util.Map<String, String> problems = new java.util.LinkedHashMap<>();
		List<StoredActor> allowed = places.actorsManagedBy(account);
		Optional<StoredActor> actor = places.choose(fields.get("acteur"), allowed);
		String typed = fields.get("acteur");
		if (actor.isEmpty()) {
			problems.put("acteur",
					typed == null || typed.isBlank()
							? "Structure qui propose la ressource : à choisir dans l'annuaire des acteurs."
							: "Structure qui propose la ressource : aucune structure « " + typed.strip() + " » "
									+ (account.role() == Role.MEMBRE ? "parmi les vôtres."
											: "dans l'annuaire des acteurs de vos territoires."));
		}
		else if (entered.get("departement") == null || entered.get("departement").isBlank()) {
			entered.put("departement", actor.get().departement());
		}
		ResourceRules.Reading reading = ResourceRules.read(entered, places.places());
		if (reading instanceof ResourceRules.Reading.Refused refused) {
			problems.putAll(refused.problems());
			if (actor.isEmpty() && (typed != null && !typed.isBlank()) && blank(entered.get("departement"))) {
				// the structure's own département once it is found: one problem, not two
				problems.remove("departement");
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidFormException("ressource_invalide", problems);
		}
		ResourceRules.ResourceEntry entry = ((ResourceRules.Reading.Accepted) reading).entry();
		if (account.role() != Role.MEMBRE
				&& !ActorManagementPolicy.mayManage(account, entry.departement(), entry.epci())) {
			throw new InvalidFormException("ressource_invalide",
					Map.of("departement", "Vous ne gérez pas les ressources de ce territoire."));
		}
		return new Checked(actor.get(), entry);
	}

	private JdbcResourceRepository.StoredResource managed(String id, AccountPrincipal account) {
		Optional<JdbcResourceRepository.StoredResource> found = resources.findResource(id);
		if (account.role() == Role.MEMBRE) {
			List<String> own = places.ownActors(account).stream().map(StoredActor::id).toList();
			found = found.filter(resource -> own.contains(resource.actorId()));
		}
		else {
			found = found
				.filter(resource -> ActorManagementPolicy.mayManage(account, resource.departement(), resource.epci()));
		}
		return found.orElseThrow(() -> new NotFoundException("Aucune ressource que vous gérez n'a cet identifiant."));
	}

	private ConflictException conflict(String id) {
		String by = resources.findResource(id)
			.map(JdbcResourceRepository.StoredResource::modifiedBy)
			.orElse("quelqu'un");
		return new ConflictException("modification_concurrente", "Cette ressource a été modifiée par " + by
				+ " pendant que vous la modifiiez : rechargez la page pour voir ses changements, puis refaites les vôtres.");
	}

	private Resource view(JdbcResourceRepository.StoredResource resource) {
		return new Resource(resource.id(), resource.title(), resource.type(), resource.actorId(), resource.actorName(),
				resource.departement(), resource.epci(), places.epciName(resource.epci()), resource.commune(),
				places.communeName(resource.commune()), resource.from(), resource.to(), resource.link(),
				resource.description(), resource.version(), ResourceRules.isCurrent(resource.to(), today()),
				resource.modifiedAt(), resource.modifiedBy());
	}

	private static boolean blank(@Nullable String value) {
		return value == null || value.isBlank();
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), PARIS);
	}

}
