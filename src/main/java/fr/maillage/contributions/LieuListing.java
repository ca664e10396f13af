package fr.maillage.contributions;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import fr.maillage.accounts.AccountPrincipal;
import fr.maillage.contributions.domain.ListingSort;
import fr.maillage.places.Freshness;
import fr.maillage.places.PlaceSummary;
import fr.maillage.places.hours.OpeningHoursEvaluator;
import fr.maillage.places.vocabulary.MediationService;
import fr.maillage.shared.text.TextFolding;
import fr.maillage.territories.CommuneProfile;
import fr.maillage.territories.Territories;
import fr.maillage.territories.TerritoryLevel;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The lieux an account looks after (issue 15), one page at a time: a coordinator's are
 * those of its territories, a member's those of its structures, an administrator's all of
 * them (the same scope as the editing policy). The lieux are read through the
 * {@code places} API as summaries (the module reads no table of {@code places}), then
 * filtered, sorted and paged here: one page of a 53 000-lieu directory for an
 * administrator takes ≈ 0.3 s, of a 17 000-lieu département ≈ 0.1 s
 * (docs/performance.md).
 */
@Service
public class LieuListing {

	public static final int PAGE_SIZE = 50;

	private final LieuScopes scopes;

	private final Territories territories;

	private final LieuFreshness freshness;

	private final java.time.Clock clock;

	LieuListing(LieuScopes scopes, Territories territories, LieuFreshness freshness, java.time.Clock clock) {
		this.scopes = scopes;
		this.territories = territories;
		this.freshness = freshness;
		this.clock = clock;
	}

	/**
	 * What the page asks for; every field but the sort and the page may be null (no
	 * filter).
	 *
	 * @param service a service as the schema spells it
	 * @param departement an administrator's choice of one département
	 * @param page from 1
	 */
	public record Criteria(@Nullable String text, @Nullable Freshness freshness, @Nullable String service,
			@Nullable String commune, @Nullable String epci, @Nullable String departement, ListingSort sort, int page) {
	}

	public record Row(String id, String name, String commune, @Nullable LocalDate lastVouched, Freshness freshness) {
	}

	/**
	 * One page of lieux; the counts per freshness are those of the other filters, so that
	 * the page says how many are à vérifier whatever the chosen freshness.
	 */
	public record Page(List<Row> rows, long total, int page, int pages, Map<Freshness, Long> byFreshness) {
	}

	/** The choices of the filters, from the lieux the account sees. */
	public record Options(List<String> communes, Map<String, String> epcis) {
	}

	/** Whether the account looks after any lieu at all (an administrator always). */
	public boolean hasScope(AccountPrincipal account) {
		return switch (account.role()) {
			case ADMINISTRATEUR -> true;
			case MEMBRE -> !account.scopes("structure").isEmpty();
			case COORDINATEUR -> !account.scopes("departement").isEmpty() || !account.scopes("epci").isEmpty();
		};
	}

	public Page listPage(AccountPrincipal account, Criteria criteria) {
		List<PlaceSummary> lieux = scopes.listLookedAfter(account, criteria.departement());
		Map<String, LocalDate> confirmed = freshness.mapLastConfirmations(lieux);
		LocalDate today = LocalDate.now(clock.withZone(OpeningHoursEvaluator.PARIS));
		Map<Freshness, Long> byFreshness = new EnumMap<>(Freshness.class);
		for (Freshness each : Freshness.values()) {
			byFreshness.put(each, 0L);
		}
		List<Sortable> kept = new ArrayList<>();
		java.util.function.Predicate<PlaceSummary> filter = filter(criteria);
		for (PlaceSummary lieu : lieux) {
			if (!filter.test(lieu)) {
				continue;
			}
			LocalDate last = Freshness.lastVouched(lieu.updatedOn(), confirmed.get(lieu.id()));
			Freshness state = Freshness.of(last, today, freshness.validity());
			byFreshness.merge(state, 1L, Long::sum);
			if (criteria.freshness() == null || criteria.freshness() == state) {
				kept.add(new Sortable(new Row(lieu.id(), lieu.name(), lieu.commune(), last, state),
						TextFolding.searchKey(lieu.name()), TextFolding.searchKey(lieu.commune())));
			}
		}
		kept.sort(order(criteria.sort()));
		int pages = Math.max(1, (kept.size() + PAGE_SIZE - 1) / PAGE_SIZE);
		int page = Math.min(Math.max(1, criteria.page()), pages);
		List<Row> rows = kept.subList((page - 1) * PAGE_SIZE, Math.min(kept.size(), page * PAGE_SIZE))
			.stream()
			.map(Sortable::row)
			.toList();
		return new Page(rows, kept.size(), page, pages, byFreshness);
	}

	/** The communes and EPCI of the lieux the account sees. */
	public Options listOptions(AccountPrincipal account, @Nullable String departement) {
		List<String> communes = new ArrayList<>();
		Set<String> codes = new java.util.HashSet<>();
		for (PlaceSummary lieu : scopes.listLookedAfter(account, departement)) {
			communes.add(lieu.commune());
			if (lieu.codeInsee() != null) {
				codes.add(lieu.codeInsee());
			}
		}
		Map<String, String> epciNames = territories.mapNames(TerritoryLevel.EPCI);
		Map<String, String> epcis = new TreeMap<>();
		codes.stream()
			.map(code -> territories.findCommuneProfile(code).map(CommuneProfile::epci).orElse(null))
			.filter(java.util.Objects::nonNull)
			.distinct()
			.forEach(epci -> epcis.put(epci, epciNames.getOrDefault(epci, epci)));
		Map<String, String> byName = epcis.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByValue(Comparator.comparing(TextFolding::fold)))
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
		return new Options(oneSpellingEach(communes), byName);
	}

	/**
	 * One entry per commune however its producers spelled it (« BRIGNAIS », « Brignais
	 * »), preferring a spelling that is not all capitals, sorted as people read.
	 */
	private static List<String> oneSpellingEach(List<String> communes) {
		Map<String, String> byKey = new TreeMap<>();
		for (String commune : communes) {
			byKey.merge(TextFolding.searchKey(commune), commune,
					(kept, other) -> kept.equals(kept.toUpperCase(java.util.Locale.ROOT)) ? other : kept);
		}
		return byKey.values().stream().sorted(Comparator.comparing(TextFolding::fold)).toList();
	}

	/** The filters of the page but freshness, as one test. */
	private java.util.function.Predicate<PlaceSummary> filter(Criteria criteria) {
		List<String> words = words(criteria.text());
		MediationService service = criteria.service() == null ? null
				: fr.maillage.places.vocabulary.Vocabulary.findByLabel(MediationService.class, criteria.service())
					.orElse(null);
		String commune = criteria.commune() == null ? null : TextFolding.searchKey(criteria.commune());
		Set<String> epciCommunes = criteria.epci() == null ? null
				: Set.copyOf(territories.listCommuneCodes(TerritoryLevel.EPCI, criteria.epci()));
		boolean unknownService = criteria.service() != null && service == null;
		return lieu -> !unknownService && words.stream().allMatch(lieu.searchKey()::contains)
				&& (service == null || lieu.services().contains(service))
				&& (commune == null || commune.equals(TextFolding.searchKey(lieu.commune())))
				&& (epciCommunes == null || lieu.codeInsee() != null && epciCommunes.contains(lieu.codeInsee()));
	}

	/** A search box's worth: ten words of a 200-character text at most, folded. */
	private static List<String> words(@Nullable String text) {
		if (text == null) {
			return List.of();
		}
		String bounded = text.length() > 200 ? text.substring(0, 200) : text;
		return java.util.Arrays.stream(TextFolding.searchKey(bounded).split(" "))
			.filter(word -> !word.isEmpty())
			.limit(10)
			.toList();
	}

	/**
	 * A row with its name and commune folded once: a sort of 50 000 rows compares them a
	 * million times.
	 */
	private record Sortable(Row row, String nameKey, String communeKey) {
	}

	/** Names compared as people read them (no case, accents nor punctuation), then id. */
	private static Comparator<Sortable> order(ListingSort sort) {
		Comparator<Sortable> byName = Comparator.comparing(Sortable::nameKey)
			.thenComparing(sortable -> sortable.row().id());
		Comparator<LocalDate> dates = Comparator.naturalOrder();
		return switch (sort) {
			case NAME -> byName;
			case COMMUNE -> Comparator.comparing(Sortable::communeKey).thenComparing(byName);
			case OLDEST_VALIDATION ->
				Comparator.comparing((Sortable sortable) -> sortable.row().lastVouched(), Comparator.nullsFirst(dates))
					.thenComparing(byName);
			case LATEST_VALIDATION -> Comparator
				.comparing((Sortable sortable) -> sortable.row().lastVouched(), Comparator.nullsLast(dates.reversed()))
				.thenComparing(byName);
		};
	}

}
