package fr.maillage.opendata.persistence;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.maillage.opendata.LieuListing.Sort;
import fr.maillage.places.Freshness;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The lieux an account looks after, filtered, sorted and paged in SQL (see
 * {@link fr.maillage.opendata.LieuListing}), with the date each was last vouched for.
 */
@Repository
public class JdbcLieuListingRepository {

	private final JdbcClient jdbc;

	JdbcLieuListingRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The lieux an account may edit. */
	public sealed interface Scope {

		/** An administrator's: every lieu. */
		record All() implements Scope {
		}

		/** A member's: the lieux attached to its structures. */
		record OfStructures(List<UUID> structures) implements Scope {
		}

		/** A coordinator's: the lieux of its départements and of its EPCI's communes. */
		record OfTerritories(List<String> departements, List<String> epciCommunes) implements Scope {
		}

	}

	/**
	 * The filters of the page; none when null or empty.
	 *
	 * @param words every one must occur in the lieu's search text (already folded)
	 * @param epciCommunes the INSEE codes of the chosen EPCI's communes
	 */
	public record Filters(List<String> words, @Nullable String service, @Nullable String commune,
			@Nullable List<String> epciCommunes) {
	}

	/** A lieu of the page and the day it was last vouched for, unknown when null. */
	public record Vouched(String id, String name, String commune, @Nullable LocalDate lastVouched) {
	}

	/** A commune of the scope, with its INSEE code when known. */
	public record Commune(String name, @Nullable String code) {
	}

	/**
	 * How many lieux of the scope that pass the filters are à jour, à vérifier, or have
	 * no known date.
	 * @param departement an administrator's choice of one département, or null
	 * @param threshold the first day a lieu vouched for is still à jour
	 */
	public Map<Freshness, Long> countByFreshness(Scope scope, @Nullable String departement, Filters filters,
			LocalDate threshold) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		String where = where(filters, threshold, params);
		Map<Freshness, Long> byFreshness = new LinkedHashMap<>();
		jdbc.sql(scoped(scope(scope, departement, params)) + """
				select count(*) filter (where s.derniere >= :threshold) as a_jour,
				       count(*) filter (where s.derniere < :threshold) as a_verifier,
				       count(*) filter (where s.derniere is null) as inconnue
				from lieu l join scoped s on s.id = l.id where\s""" + where).paramSource(params).query(rs -> {
			byFreshness.put(Freshness.UP_TO_DATE, rs.getLong("a_jour"));
			byFreshness.put(Freshness.TO_CHECK, rs.getLong("a_verifier"));
			byFreshness.put(Freshness.UNKNOWN_DATE, rs.getLong("inconnue"));
		});
		return byFreshness;
	}

	/**
	 * One page of the lieux of the scope that pass the filters.
	 * @param freshness only those of that freshness, or all when null
	 */
	public List<Vouched> listPage(Scope scope, @Nullable String departement, Filters filters, LocalDate threshold,
			@Nullable Freshness freshness, Sort sort, int limit, int offset) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		String where = where(filters, threshold, params);
		String freshnessFilter = freshness == null ? "" : switch (freshness) {
			case UP_TO_DATE -> " and s.derniere >= :threshold";
			case TO_CHECK -> " and s.derniere < :threshold";
			case UNKNOWN_DATE -> " and s.derniere is null";
		};
		params.addValue("limit", limit).addValue("offset", offset);
		return jdbc
			.sql(scoped(scope(scope, departement, params)) + "select l.id, l.nom, l.commune, s.derniere "
					+ "from lieu l join scoped s on s.id = l.id where " + where + freshnessFilter + " order by "
					+ orderBy(sort) + " limit :limit offset :offset")
			.paramSource(params)
			.query((rs, row) -> {
				Date last = rs.getDate("derniere");
				return new Vouched(rs.getString("id"), rs.getString("nom"), rs.getString("commune"),
						last == null ? null : last.toLocalDate());
			})
			.list();
	}

	/** The distinct communes of the lieux of the scope. */
	public List<Commune> listCommunes(Scope scope, @Nullable String departement) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		return jdbc
			.sql("select distinct l.commune, l.code_insee from lieu l where " + scope(scope, departement, params))
			.paramSource(params)
			.query((rs, row) -> new Commune(rs.getString("commune"), rs.getString("code_insee")))
			.list();
	}

	/**
	 * A name as people sort and compare it: without case, accents nor punctuation («
	 * Brignais » and « BRIGNAIS », « Fédération » before « Forma'Tic »).
	 */
	private static String folded(String expression) {
		return "btrim(lower(unaccent(regexp_replace(" + expression + ", '[^[:alnum:]]+', ' ', 'g'))))";
	}

	private static String orderBy(Sort sort) {
		String name = folded("l.nom");
		return switch (sort) {
			case NAME -> name + ", l.id";
			case COMMUNE -> folded("l.commune") + ", " + name + ", l.id";
			case OLDEST_VALIDATION -> "s.derniere asc nulls first, " + name + ", l.id";
			case LATEST_VALIDATION -> "s.derniere desc nulls last, " + name + ", l.id";
		};
	}

	/** The filters, as the condition of the query, and the threshold's parameter. */
	private static String where(Filters filters, LocalDate threshold, MapSqlParameterSource params) {
		List<String> conditions = filters(filters, params);
		params.addValue("threshold", Date.valueOf(threshold));
		return String.join(" and ", conditions);
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

	/** The lieux of the scope, as a condition on {@code lieu l}. */
	private static String scope(Scope scope, @Nullable String departement, MapSqlParameterSource params) {
		List<String> conditions = new ArrayList<>();
		if (departement != null) {
			conditions.add("l.departement = :departement");
			params.addValue("departement", departement);
		}
		if (scope instanceof Scope.OfStructures members) {
			conditions.add("l.id in (select lieu_id from structure_lieu where structure_id = any(:structures))");
			params.addValue("structures", members.structures().toArray(UUID[]::new));
		}
		else if (scope instanceof Scope.OfTerritories territories) {
			conditions.add("(l.departement = any(:departements) or l.code_insee = any(:epciCommunes))");
			params.addValue("departements", territories.departements().toArray(String[]::new));
			params.addValue("epciCommunes", territories.epciCommunes().toArray(String[]::new));
		}
		else {
			conditions.add("true");
		}
		return String.join(" and ", conditions);
	}

	private static List<String> filters(Filters filters, MapSqlParameterSource params) {
		List<String> conditions = new ArrayList<>();
		conditions.add("true");
		for (int i = 0; i < filters.words().size(); i++) {
			conditions.add("l.search_text like :word" + i);
			params.addValue("word" + i, "%" + filters.words().get(i).replace("%", "").replace("_", "") + "%");
		}
		if (filters.service() != null) {
			conditions.add(":service = any(l.services)");
			params.addValue("service", filters.service());
		}
		if (filters.commune() != null) {
			// a commune however its producers spelled it
			conditions.add(folded("l.commune") + " = " + folded("cast(:commune as text)"));
			params.addValue("commune", filters.commune());
		}
		if (filters.epciCommunes() != null) {
			conditions.add("l.code_insee = any(:epciFilter)");
			params.addValue("epciFilter", filters.epciCommunes().toArray(String[]::new));
		}
		return conditions;
	}

}
