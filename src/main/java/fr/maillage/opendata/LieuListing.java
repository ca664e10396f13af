package fr.maillage.opendata;

import java.sql.Date;
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
import fr.maillage.places.Freshness;
import fr.maillage.places.hours.OpeningHoursEvaluator;
import fr.maillage.shared.text.TextFolding;
import fr.maillage.territories.CommuneProfile;
import fr.maillage.territories.Territories;
import fr.maillage.territories.TerritoryLevel;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
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

	private final JdbcClient jdbc;

	private final Territories territories;

	private final LieuFreshness freshness;

	private final Clock clock;

	LieuListing(JdbcClient jdbc, Territories territories, LieuFreshness freshness, Clock clock) {
		this.jdbc = jdbc;
		this.territories = territories;
		this.freshness = freshness;
		this.clock = clock;
	}

	/** How the page is ordered; the code is the one of the page's URL. */
	public enum Sort {

		NAME("nom", "Nom", "l.nom, l.id"), COMMUNE("commune", "Commune", "l.commune, l.nom, l.id"),
		OLDEST_VALIDATION("validation", "Dernière validation, la plus ancienne d'abord",
				"s.derniere asc nulls first, l.nom, l.id"),
		LATEST_VALIDATION("validation-recente", "Dernière validation, la plus récente d'abord",
				"s.derniere desc nulls last, l.nom, l.id");

		private final String code;

		private final String label;

		private final String orderBy;

		Sort(String code, String label, String orderBy) {
			this.code = code;
			this.label = label;
			this.orderBy = orderBy;
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
		MapSqlParameterSource params = new MapSqlParameterSource();
		String scope = scope(account, criteria.departement(), params);
		List<String> filters = filters(criteria, params);
		LocalDate threshold = today().minusMonths(freshness.validityMonths());
		params.addValue("threshold", Date.valueOf(threshold));
		String where = String.join(" and ", filters);

		Map<Freshness, Long> byFreshness = new LinkedHashMap<>();
		jdbc.sql(scoped(scope) + """
				select count(*) filter (where s.derniere >= :threshold) as a_jour,
				       count(*) filter (where s.derniere < :threshold) as a_verifier,
				       count(*) filter (where s.derniere is null) as inconnue
				from lieu l join scoped s on s.id = l.id where\s""" + where).paramSource(params).query(rs -> {
			byFreshness.put(Freshness.UP_TO_DATE, rs.getLong("a_jour"));
			byFreshness.put(Freshness.TO_CHECK, rs.getLong("a_verifier"));
			byFreshness.put(Freshness.UNKNOWN_DATE, rs.getLong("inconnue"));
		});
		long total = criteria.freshness() == null ? byFreshness.values().stream().mapToLong(Long::longValue).sum()
				: byFreshness.get(criteria.freshness());
		int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
		int page = Math.min(Math.max(1, criteria.page()), pages);

		String freshnessFilter = criteria.freshness() == null ? "" : switch (criteria.freshness()) {
			case UP_TO_DATE -> " and s.derniere >= :threshold";
			case TO_CHECK -> " and s.derniere < :threshold";
			case UNKNOWN_DATE -> " and s.derniere is null";
		};
		params.addValue("limit", PAGE_SIZE).addValue("offset", (page - 1) * PAGE_SIZE);
		Period validity = new Period(threshold);
		List<Row> rows = jdbc
			.sql(scoped(scope) + "select l.id, l.nom, l.commune, s.derniere "
					+ "from lieu l join scoped s on s.id = l.id where " + where + freshnessFilter + " order by "
					+ criteria.sort().orderBy + " limit :limit offset :offset")
			.paramSource(params)
			.query((rs, row) -> {
				Date last = rs.getDate("derniere");
				LocalDate lastVouched = last == null ? null : last.toLocalDate();
				return new Row(rs.getString("id"), rs.getString("nom"), rs.getString("commune"), lastVouched,
						validity.of(lastVouched));
			})
			.list();
		return new Page(rows, total, page, pages, byFreshness);
	}

	/** The communes, EPCI and services of the lieux the account sees. */
	public Options listOptions(AccountPrincipal account, @Nullable String departement) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		String scope = scope(account, departement, params);
		List<String> communes = new ArrayList<>();
		Set<String> codes = new java.util.HashSet<>();
		jdbc.sql("select distinct l.commune, l.code_insee from lieu l where " + scope).paramSource(params).query(rs -> {
			communes.add(rs.getString("commune"));
			if (rs.getString("code_insee") != null) {
				codes.add(rs.getString("code_insee"));
			}
		});
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
		return new Options(communes.stream().distinct().sorted(Comparator.comparing(TextFolding::fold)).toList(),
				byName);
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

	/**
	 * When each lieu of the scope was last vouched for: the producer's date or the last «
	 * toujours exact », whichever is latest (greatest ignores nulls).
	 */
	private static String scoped(String scope) {
		return """
				with scoped as (
				  select l.id, greatest(l.date_maj,
				         (select max(c.moment) from confirmation_lieu c where c.lieu_id = l.id)
				           at time zone 'Europe/Paris')::date as derniere
				  from lieu l where %s)
				""".formatted(scope);
	}

	/** The lieux the account may edit, as a condition on {@code lieu l}. */
	private String scope(AccountPrincipal account, @Nullable String departement, MapSqlParameterSource params) {
		List<String> conditions = new ArrayList<>();
		if (departement != null) {
			conditions.add("l.departement = :departement");
			params.addValue("departement", departement);
		}
		if (account.role() == Role.ADMINISTRATEUR) {
			conditions.add("true");
		}
		else if (account.role() == Role.MEMBRE) {
			UUID[] structures = account.scopes("structure").stream().map(UUID::fromString).toArray(UUID[]::new);
			conditions.add("l.id in (select lieu_id from structure_lieu where structure_id = any(:structures))");
			params.addValue("structures", structures);
		}
		else {
			String[] epciCommunes = account.scopes("epci")
				.stream()
				.flatMap(epci -> territories.listCommuneCodes(TerritoryLevel.EPCI, epci).stream())
				.toArray(String[]::new);
			conditions.add("(l.departement = any(:departements) or l.code_insee = any(:epciCommunes))");
			params.addValue("departements", account.scopes("departement").toArray(String[]::new));
			params.addValue("epciCommunes", epciCommunes);
		}
		return String.join(" and ", conditions);
	}

	private List<String> filters(Criteria criteria, MapSqlParameterSource params) {
		List<String> filters = new ArrayList<>();
		filters.add("true");
		if (criteria.text() != null) {
			// a search box's worth: ten words of a 200-character text at most
			String text = criteria.text().length() > 200 ? criteria.text().substring(0, 200) : criteria.text();
			String[] words = TextFolding.searchKey(text).split(" ");
			for (int i = 0; i < Math.min(words.length, 10); i++) {
				if (!words[i].isEmpty()) {
					filters.add("l.search_text like :word" + i);
					params.addValue("word" + i, "%" + words[i].replace("%", "").replace("_", "") + "%");
				}
			}
		}
		if (criteria.service() != null) {
			filters.add(":service = any(l.services)");
			params.addValue("service", criteria.service());
		}
		if (criteria.commune() != null) {
			filters.add("l.commune = :commune");
			params.addValue("commune", criteria.commune());
		}
		if (criteria.epci() != null) {
			filters.add("l.code_insee = any(:epciFilter)");
			params.addValue("epciFilter",
					territories.listCommuneCodes(TerritoryLevel.EPCI, criteria.epci()).toArray(String[]::new));
		}
		return filters;
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(OpeningHoursEvaluator.PARIS));
	}

}
