package fr.maillage.opendata;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import fr.maillage.accounts.AccountPrincipal;
import fr.maillage.accounts.Role;
import fr.maillage.accounts.TerritoryScope;
import fr.maillage.opendata.merging.DirectoryMerge;
import fr.maillage.opendata.merging.DuplicateDetector;
import fr.maillage.opendata.persistence.JdbcDuplicateRepository;
import fr.maillage.opendata.persistence.JdbcDuplicateRepository.Pair;
import fr.maillage.places.Place;
import fr.maillage.places.PlaceDirectory;
import fr.maillage.shared.web.BadRequestException;
import fr.maillage.shared.web.ConflictException;
import fr.maillage.shared.web.NotFoundException;
import fr.maillage.territories.CommuneProfile;
import fr.maillage.territories.Territories;
import fr.maillage.territories.TerritoryLevel;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The review queue: pairs of records scored between the thresholds wait for a person, who
 * decides "same place" ({@code fusionner}) or "distinct places" ({@code distincts}). A
 * decision is kept with its author and date, applied at once (the directory is published
 * again) and on every later run.
 */
@Service
public class DuplicateReview {

	public static final Set<String> DECISIONS = java.util.Arrays.stream(PairStatus.values())
		.filter(PairStatus::isDecision)
		.map(PairStatus::code)
		.collect(java.util.stream.Collectors.toUnmodifiableSet());

	public static final Set<String> STATUSES = java.util.Arrays.stream(PairStatus.values())
		.map(PairStatus::code)
		.collect(java.util.stream.Collectors.toUnmodifiableSet());

	private static final int MAX_AUTHOR_LENGTH = 200;

	private final JdbcDuplicateRepository duplicates;

	private final PlaceDirectory places;

	private final PublishedDirectory published;

	private final Territories territories;

	private final Clock clock;

	DuplicateReview(JdbcDuplicateRepository duplicates, PlaceDirectory places, PublishedDirectory published,
			Territories territories, Clock clock) {
		this.duplicates = duplicates;
		this.places = places;
		this.published = published;
		this.territories = territories;
		this.clock = clock;
	}

	/** A pair with its two records as their sources gave them. */
	public record ReviewedPair(Pair pair, Place recordA, Place recordB) {
	}

	public record PairPage(long total, List<ReviewedPair> pairs) {
	}

	@Transactional(readOnly = true)
	public PairPage listPairs(String status, List<String> departements, int page, int size) {
		checkStatus(status);
		List<Pair> pairs = duplicates.listPairs(status, departements, size, (page - 1) * size);
		return new PairPage(duplicates.countPairs(status, departements), withRecords(pairs));
	}

	private List<ReviewedPair> withRecords(List<Pair> pairs) {
		List<String> ids = new ArrayList<>();
		pairs.forEach(pair -> ids.addAll(List.of(pair.recordA(), pair.recordB())));
		Map<String, Place> records = places.mapSourceRecords(ids);
		return pairs.stream()
			.filter(pair -> records.containsKey(pair.recordA()) && records.containsKey(pair.recordB()))
			.map(pair -> new ReviewedPair(pair, records.get(pair.recordA()), records.get(pair.recordB())))
			.toList();
	}

	/**
	 * The queue as one account sees it: an administrator every pair, a coordinator the
	 * pairs with a record in one of its départements or in a commune of one of its EPCI,
	 * anyone else none ({@link TerritoryScope}: the collectivités 69D and 69M by their
	 * communes).
	 */
	@Transactional(readOnly = true)
	public PairPage listPairsFor(AccountPrincipal account, String status, int page, int size) {
		checkStatus(status);
		if (account.role() == Role.ADMINISTRATEUR) {
			return listPairs(status, List.of(), page, size);
		}
		if (account.role() != Role.COORDINATEUR) {
			return new PairPage(0, List.of());
		}
		// a record says « 69 » for the whole Rhône: 69D and 69M are their communes
		List<String> departements = account.scopes("departement")
			.stream()
			.filter(code -> !TerritoryScope.isCollectivite(code))
			.toList();
		List<String> communes = java.util.stream.Stream
			.concat(account.scopes("epci")
				.stream()
				.flatMap(siren -> territories.listCommuneCodes(TerritoryLevel.EPCI, siren).stream()),
					account.scopes("departement")
						.stream()
						.filter(TerritoryScope::isCollectivite)
						.flatMap(code -> territories.listCommuneCodes(TerritoryLevel.DEPARTEMENT, code).stream()))
			.distinct()
			.toList();
		if (departements.isEmpty() && communes.isEmpty()) {
			return new PairPage(0, List.of());
		}
		List<Pair> pairs = duplicates.listPairs(status, departements, communes, size, (page - 1) * size);
		return new PairPage(duplicates.countPairs(status, departements, communes), withRecords(pairs));
	}

	/** A pair with its records, if both records still exist. */
	@Transactional(readOnly = true)
	public Optional<ReviewedPair> findPair(String pairId) {
		return duplicates.findPair(pairId)
			.map(this::withRecords)
			.filter(reviewed -> reviewed.recordA() != null && reviewed.recordB() != null);
	}

	/**
	 * Whether the account may see and decide the pair: an administrator, or a coordinator
	 * of the territory of one of its two records.
	 */
	public boolean mayDecide(AccountPrincipal account, ReviewedPair pair) {
		// no structure: a structure's member edits its lieux but does not review pairs
		return mayReview(account, pair.recordA()) || mayReview(account, pair.recordB());
	}

	private boolean mayReview(AccountPrincipal account, Place record) {
		Optional<CommuneProfile> commune = record.codeInsee() == null ? Optional.empty()
				: territories.findCommuneProfile(record.codeInsee());
		return TerritoryScope.covers(account, record.departement(),
				commune.map(CommuneProfile::collectivite).orElse(null), commune.map(CommuneProfile::epci).orElse(null));
	}

	/**
	 * Decides a pair of the queue.
	 * @throws ConflictException when someone already decided otherwise
	 */
	@Transactional
	public ReviewedPair decide(String pairId, String decision, String author) {
		checkDecision(decision);
		String who = checkAuthor(author);
		published.lockForWriting();
		Pair pair = duplicates.findPairForUpdate(pairId)
			.orElseThrow(() -> new NotFoundException(
					"Aucune paire de doublons potentiels n'a l'identifiant « " + pairId + " »."));
		PairStatus current = PairStatus.findByCode(pair.status()).orElseThrow();
		if (current != PairStatus.A_EXAMINER) {
			// from the queue a pair is decided once; going back on a decision is an
			// explicit decision on the two records (decideRecords), which the workflow
			// allows
			if (pair.status().equals(decision)) {
				return withRecords(pair);
			}
			throw new ConflictException("deja_decide",
					"Cette paire a déjà été décidée (« " + pair.status() + " ») par " + pair.author() + " le "
							+ pair.decidedAt() + ". Pour revenir sur cette décision, envoyez-la à nouveau avec "
							+ "POST /api/v1/doublons.");
		}
		Pair decided = duplicates.decide(pair.id(), decision, who, clock.instant());
		published.publishChanges(List.of(pair.recordA(), pair.recordB()));
		return withRecords(decided);
	}

	/**
	 * Decides about any two records, in the queue or not: to split an automatic merge, to
	 * join records the score kept apart, or to go back on an earlier decision.
	 */
	@Transactional
	public ReviewedPair decideRecords(String recordA, String recordB, String decision, String author) {
		checkDecision(decision);
		String who = checkAuthor(author);
		published.lockForWriting();
		Map<String, Place> records = places.mapSourceRecords(List.of(checkId(recordA), checkId(recordB)));
		if (recordA.equals(recordB) || records.size() != 2) {
			throw new BadRequestException("lieux_invalides",
					"Indiquez deux enregistrements sources différents et existants (identifiants de « lieux »).");
		}
		int score = (int) Math.round(DuplicateDetector.score(DirectoryMerge.asCandidate(records.get(recordA)),
				DirectoryMerge.asCandidate(records.get(recordB))));
		Pair pair = duplicates.insertDecision(recordA, recordB, score, decision, who, clock.instant());
		published.publishChanges(List.of(recordA, recordB));
		return withRecords(pair);
	}

	private ReviewedPair withRecords(Pair pair) {
		Map<String, Place> records = places.mapSourceRecords(List.of(pair.recordA(), pair.recordB()));
		return new ReviewedPair(pair, records.get(pair.recordA()), records.get(pair.recordB()));
	}

	private static String checkId(String id) {
		try {
			return UUID.fromString(id).toString();
		}
		catch (IllegalArgumentException | NullPointerException notAnId) {
			throw new BadRequestException("lieux_invalides", "« " + id + " » n'est pas un identifiant de lieu.");
		}
	}

	private static void checkStatus(String status) {
		if (!STATUSES.contains(status)) {
			throw new BadRequestException("statut_invalide",
					"Statut inconnu : « " + status + " ». Valeurs possibles : a_examiner, fusionner, distincts.");
		}
	}

	private static void checkDecision(String decision) {
		if (decision == null || !DECISIONS.contains(decision)) {
			throw new BadRequestException("decision_invalide",
					"La décision doit être « fusionner » (même lieu) ou « distincts » (lieux différents).");
		}
	}

	private static String checkAuthor(String author) {
		String who = author == null ? "" : author.strip();
		if (who.isEmpty() || who.length() > MAX_AUTHOR_LENGTH) {
			throw new BadRequestException("auteur_manquant",
					"Indiquez qui décide (champ « auteur », " + MAX_AUTHOR_LENGTH + " caractères au plus).");
		}
		return who;
	}

}
