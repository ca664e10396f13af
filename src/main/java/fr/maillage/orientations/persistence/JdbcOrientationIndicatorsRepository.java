package fr.maillage.orientations.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The territory's figures of orientations (issue 16, item 3), as SQL aggregates over
 * {@code orientation_territoire} (where each orientation was sent), {@code orientation}
 * (its status) and {@code orientation_transition} (when it was answered, when she came,
 * why refused). Nothing personal is read.
 */
@Repository
public class JdbcOrientationIndicatorsRepository {

	private final JdbcClient jdbc;

	JdbcOrientationIndicatorsRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Records where an orientation was sent, as the lieu was then. */
	public void insertTerritory(UUID orientationId, String departement, @Nullable String codeInsee, Instant sentAt) {
		jdbc.sql("""
				insert into orientation_territoire (orientation_id, departement, code_insee, envoyee_le)
				values (:id, :departement, :commune, :sent) on conflict (orientation_id) do nothing""")
			.param("id", orientationId)
			.param("departement", departement)
			.param("commune", codeInsee)
			.param("sent", Timestamp.from(sentAt))
			.update();
	}

	/**
	 * The figures of one group of orientations.
	 *
	 * @param group the EPCI (SIREN) of the lieux' communes, « ? » when unknown; null for
	 * the whole territory
	 * @param answered accepted or refused: the basis of the median answer delay
	 */
	public record FunnelRow(@Nullable String group, long sent, long accepted, long refused, long expired,
			long cancelled, long came, long didNotCome, long answered, @Nullable Double medianAnswerDays,
			@Nullable Double medianVisitDays) {
	}

	/** A refusal reason and how many orientations were refused for it. */
	public record ReasonRow(String reason, long count) {
	}

	private static final String SELECTION = """
			with selection as (
			    select t.orientation_id, t.code_insee, o.statut, o.envoyee_le
			    from orientation_territoire t join orientation o on o.id = t.orientation_id
			    where (cast(:departement as text) is null or t.departement = :departement)
			      and (cast(:restricted as boolean) = false or t.code_insee = any(:communes))
			      and t.envoyee_le >= :from and t.envoyee_le < :to
			), steps as (
			    select tr.orientation_id,
			           min(tr.moment) filter (where tr.de = 'envoyee' and tr.vers in ('acceptee', 'refusee')) as repondue_le,
			           min(tr.moment) filter (where tr.vers = 'venue') as venue_le,
			           min(tr.motif) filter (where tr.vers = 'refusee') as motif
			    from orientation_transition tr join selection s on s.orientation_id = tr.orientation_id
			    where tr.vers in ('acceptee', 'refusee', 'venue')
			    group by tr.orientation_id
			), groups as (
			    select g.code, g.epci from unnest(cast(:codes as text[]), cast(:epcis as text[])) as g(code, epci)
			)
			""";

	/**
	 * The funnel of the orientations sent between two instants to lieux of a territory: a
	 * row for the whole (group null) and, when {@code codes} maps communes to EPCI, one
	 * per EPCI.
	 * @param departement the lieux' département, or null
	 * @param communes when not null, only lieux of these communes (an EPCI, 69D, 69M)
	 * @param codes communes, paired with {@code epcis}, for the rows per EPCI
	 */
	public List<FunnelRow> funnel(@Nullable String departement, @Nullable Collection<String> communes, Instant from,
			Instant to, List<String> codes, List<String> epcis) {
		return jdbc
			.sql(SELECTION
					+ """
							select case when grouping(coalesce(g.epci, '?')) = 1 then null else coalesce(g.epci, '?') end as groupe,
							       count(*) as envoyees,
							       count(*) filter (where s.statut in ('acceptee', 'venue', 'non_venue', 'accompagnement_termine')) as acceptees,
							       count(*) filter (where s.statut = 'refusee') as refusees,
							       count(*) filter (where s.statut = 'expiree') as expirees,
							       count(*) filter (where s.statut = 'annulee') as annulees,
							       count(*) filter (where s.statut in ('venue', 'accompagnement_termine')) as venues,
							       count(*) filter (where s.statut = 'non_venue') as non_venues,
							       count(st.repondue_le) as repondues,
							       percentile_cont(0.5) within group (order by extract(epoch from st.repondue_le - s.envoyee_le) / 86400.0)
							           as delai_reponse,
							       percentile_cont(0.5) within group (order by extract(epoch from st.venue_le - s.envoyee_le) / 86400.0)
							           as delai_venue
							from selection s
							left join steps st on st.orientation_id = s.orientation_id
							left join groups g on g.code = s.code_insee
							group by grouping sets ((), (coalesce(g.epci, '?')))
							order by groupe nulls first""")
			.param("departement", departement)
			.param("restricted", communes != null)
			.param("communes", communes == null ? new String[0] : communes.toArray(String[]::new))
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.param("codes", codes.toArray(String[]::new))
			.param("epcis", epcis.toArray(String[]::new))
			.query((rs, row) -> new FunnelRow(rs.getString("groupe"), rs.getLong("envoyees"), rs.getLong("acceptees"),
					rs.getLong("refusees"), rs.getLong("expirees"), rs.getLong("annulees"), rs.getLong("venues"),
					rs.getLong("non_venues"), rs.getLong("repondues"), (Double) rs.getObject("delai_reponse"),
					(Double) rs.getObject("delai_venue")))
			.list();
	}

	/**
	 * Why the orientations of the same selection were refused, the most frequent first.
	 */
	public List<ReasonRow> refusalReasons(@Nullable String departement, @Nullable Collection<String> communes,
			Instant from, Instant to) {
		return jdbc
			.sql(SELECTION
					+ """
							select st.motif, count(*) as nombre from selection s join steps st on st.orientation_id = s.orientation_id
							where s.statut = 'refusee' and st.motif is not null
							group by st.motif order by nombre desc, st.motif""")
			.param("departement", departement)
			.param("restricted", communes != null)
			.param("communes", communes == null ? new String[0] : communes.toArray(String[]::new))
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.param("codes", new String[0])
			.param("epcis", new String[0])
			.query((rs, row) -> new ReasonRow(rs.getString("motif"), rs.getLong("nombre")))
			.list();
	}

}
