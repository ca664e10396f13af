package fr.maillage.coordination;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import fr.maillage.accounts.AccountPrincipal;
import fr.maillage.coordination.domain.Actor;
import fr.maillage.coordination.domain.ActorEntry;
import fr.maillage.coordination.domain.ActorManagementPolicy;
import fr.maillage.coordination.domain.ActorRules;
import fr.maillage.coordination.domain.ActorType;
import fr.maillage.coordination.domain.Competence;
import fr.maillage.coordination.importing.ActorsCsv;
import fr.maillage.coordination.persistence.JdbcActorRepository;
import fr.maillage.shared.importing.ImportIssue;
import fr.maillage.shared.web.BadRequestException;
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
 */
@Service
public class Actors {

	private final JdbcActorRepository actors;

	private final Territories territories;

	private final Clock clock;

	Actors(JdbcActorRepository actors, Territories territories, Clock clock) {
		this.actors = actors;
		this.territories = territories;
		this.clock = clock;
	}

	/**
	 * An actor as the public sees it: the referent's contact details only with the
	 * referent's consent.
	 */
	public record PublicActor(String id, String name, @Nullable String siret, ActorType type, String departement,
			@Nullable String epci, List<Competence> competences, @Nullable String referent,
			@Nullable String referentEmail, @Nullable String referentPhone) {
	}

	/** What an import did: rows read, actors entered, actors updated, rows refused. */
	public record ImportReport(int read, int created, int updated, List<ImportIssue> refused) {
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
			.map(Actors::publicView)
			.toList();
	}

	/** The actors a coordinator manages, with their referents' details. */
	@Transactional(readOnly = true)
	public List<Actor> listManaged(AccountPrincipal account) {
		return actors.listActors(null, null, null)
			.stream()
			.filter(actor -> ActorManagementPolicy.mayManage(account, actor.entry().departement(),
					actor.entry().epci()))
			.toList();
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
	 * département), or enters it: one entry per structure.
	 */
	private Saved upsert(ActorEntry entry, AccountPrincipal account) {
		Optional<Actor> existing = findSame(entry);
		if (existing.isPresent()) {
			actors.updateActor(existing.get().id(), entry, clock.instant(), account.signature());
			return new Saved(new Actor(existing.get().id(), entry), false);
		}
		return new Saved(new Actor(actors.insertActor(entry, clock.instant(), account.signature()), entry), true);
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

	private Optional<Actor> findSame(ActorEntry entry) {
		if (entry.siret() != null) {
			Optional<Actor> bySiret = actors.findBySiret(entry.siret());
			if (bySiret.isPresent()) {
				return bySiret;
			}
		}
		return actors.findByName(entry.name(), entry.departement())
			.filter(actor -> actor.entry().siret() == null || entry.siret() == null);
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

	private static PublicActor publicView(Actor actor) {
		ActorEntry entry = actor.entry();
		ActorEntry.Referent referent = entry.referent();
		boolean shown = referent != null && referent.contactConsent();
		return new PublicActor(actor.id(), entry.name(), entry.siret(), entry.type(), entry.departement(), entry.epci(),
				entry.competences().stream().sorted().toList(), shown ? referent.name() : null,
				shown ? referent.email() : null, shown ? referent.phone() : null);
	}

}
