package fr.maillage.opendata;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import fr.maillage.accounts.AccountPrincipal;
import fr.maillage.accounts.Role;
import fr.maillage.opendata.persistence.JdbcLieuListingRepository;
import fr.maillage.opendata.persistence.JdbcLieuListingRepository.Filters;
import fr.maillage.opendata.persistence.JdbcLieuListingRepository.Scope;
import fr.maillage.places.Freshness;
import fr.maillage.places.hours.OpeningHoursEvaluator;
import fr.maillage.shared.text.TextFolding;
import fr.maillage.territories.CommuneProfile;
import fr.maillage.territories.Territories;
import fr.maillage.territories.TerritoryLevel;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The lieux an account looks after (issue 15), one page at a time: a coordinator's are
 * those of its départements and EPCI, a member's those of its structures, an
 * administrator's all of them (the same scope as {@link EditingPolicy}). Filtered, sorted
 * and paged in SQL, so that a territory of 50 000 lieux costs one page of rows, not the
 * whole list.
 */
@Service
public class LieuListing {

	public static final int PAGE_SIZE = 50;

	private final JdbcLieuListingRepository lieux;

	private final Territories territories;

	private final LieuFreshness freshness;

	private final Clock clock;

	LieuListing(JdbcLieuListingRepository lieux, Territories territories, LieuFreshness freshness, Clock clock) {
		this.lieux = lieux;
		this.territories = territories;
		this.freshness = freshness;
		this.clock = clock;
	}

	/** How the page is ordered; the code is the one of the page's URL. */
	public enum Sort {

		NAME("nom", "Nom"), COMMUNE("commune", "Commune"),
		OLDEST_VALIDATION("validation", "Dernière validation, la plus ancienne d'abord"),
		LATEST_VALIDATION("validation-recente", "Dernière validation, la plus récente d'abord");

		private final String code;

		private final String label;

		Sort(String code, String label) {
			this.code = code;
			this.label = label;
		}

		public String code() {
			return code;
		}

		public String label() {
			return label;
		}

		/** The sort of that code, by name when unknown. */
		public static Sort ofCode(@Nullable String code) {
			for (Sort sort : values()) {
				if (sort.code.equals(code)) {
					return sort;
				}
			}
			return NAME;
		}

	}

	/**
	 * What the page asks for; every field but the page may be null (no filter).
	 *
	 * @param departement an administrator's choice of one département
	 * @param page from 1
	 */
	public record Criteria(@Nullable String text, @Nullable Freshness freshness, @Nullable String service,
			@Nullable String commune, @Nullable String epci, @Nullable String departement, Sort sort, int page) {
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
		Scope scope = scope(account);
		Filters filters = filters(criteria);
		LocalDate threshold = today().minusMonths(freshness.validityMonths());
		Map<Freshness, Long> byFreshness = lieux.countByFreshness(scope, criteria.departement(), filters, threshold);
		long total = criteria.freshness() == null ? byFreshness.values().stream().mapToLong(Long::longValue).sum()
				: byFreshness.get(criteria.freshness());
		int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
		int page = Math.min(Math.max(1, criteria.page()), pages);

		Period validity = new Period(threshold);
		List<Row> rows = lieux
			.listPage(scope, criteria.departement(), filters, threshold, criteria.freshness(), criteria.sort(),
					PAGE_SIZE, (page - 1) * PAGE_SIZE)
			.stream()
			.map(lieu -> new Row(lieu.id(), lieu.name(), lieu.commune(), lieu.lastVouched(),
					validity.of(lieu.lastVouched())))
			.toList();
		return new Page(rows, total, page, pages, byFreshness);
	}

	/** The communes, EPCI and services of the lieux the account sees. */
	public Options listOptions(AccountPrincipal account, @Nullable String departement) {
		List<String> communes = new ArrayList<>();
		Set<String> codes = new java.util.HashSet<>();
		for (JdbcLieuListingRepository.Commune commune : lieux.listCommunes(scope(account), departement)) {
			communes.add(commune.name());
			if (commune.code() != null) {
				codes.add(commune.code());
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

	/** The same rule as {@link Freshness#of}, with the threshold computed once. */
	private record Period(LocalDate threshold) {

		Freshness of(@Nullable LocalDate lastVouched) {
			if (lastVouched == null) {
				return Freshness.UNKNOWN_DATE;
			}
			return lastVouched.isBefore(threshold) ? Freshness.TO_CHECK : Freshness.UP_TO_DATE;
		}

	}

	/** The lieux the account may edit. */
	private Scope scope(AccountPrincipal account) {
		if (account.role() == Role.ADMINISTRATEUR) {
			return new Scope.All();
		}
		if (account.role() == Role.MEMBRE) {
			return new Scope.OfStructures(account.scopes("structure").stream().map(UUID::fromString).toList());
		}
		List<String> epciCommunes = account.scopes("epci")
			.stream()
			.flatMap(epci -> territories.listCommuneCodes(TerritoryLevel.EPCI, epci).stream())
			.toList();
		return new Scope.OfTerritories(List.copyOf(account.scopes("departement")), epciCommunes);
	}

	private Filters filters(Criteria criteria) {
		List<String> words = new ArrayList<>();
		if (criteria.text() != null) {
			// a search box's worth: ten words of a 200-character text at most
			String text = criteria.text().length() > 200 ? criteria.text().substring(0, 200) : criteria.text();
			String[] all = TextFolding.searchKey(text).split(" ");
			for (int i = 0; i < Math.min(all.length, 10); i++) {
				if (!all[i].isEmpty()) {
					words.add(all[i]);
				}
			}
		}
		return new Filters(words, criteria.service(), criteria.commune(),
				criteria.epci() == null ? null : territories.listCommuneCodes(TerritoryLevel.EPCI, criteria.epci()));
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(OpeningHoursEvaluator.PARIS));
	}

}
