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
 * {@code orientation_territoire}: one row per orientation with where it was sent and how
 * far it went (status, first answer, visit, refusal reason), kept up to date from every
 * transition by a trigger (V26_1), so that a count reads one table. Nothing personal is
 * read.
 */
@Repository
public class JdbcOrientationIndicatorsRepository {

	private final JdbcClient jdbc;

	JdbcOrientationIndicatorsRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records where an orientation was sent, as the lieu and its commune's EPCI were
	 * then; before its first transition, which the trigger follows from there.
	 */
	public void insertTerritory(UUID orientationId, String departement, @Nullable String codeInsee,
			@Nullable String epci, Instant sentAt) {
		jdbc.sql("""
				insert into orientation_territoire (orientation_id, departement, code_insee, epci, envoyee_le)
				values (:id, :departement, :commune, :epci, :sent) on conflict (orientation_id) do nothing""")
			.param("id", orientationId)
			.param("departement", departement)
			.param("commune", codeInsee)
			.param("epci", epci)
			.param("sent", Timestamp.from(sentAt))
			.update();
	}

	/**
	 * The figures of one group of orientations.
	 *
	 * @param group the EPCI (SIREN) of the lieu's commune when sent, « ? » when unknown;
	 * null for the whole territory
	 * @param answered accepted or refused: the basis of the median answer delay
	 */
	public record FunnelRow(@Nullable String group, long sent, long accepted, long refused, long expired,
			long cancelled, long came, long didNotCome, long answered, @Nullable Double medianAnswerDays,
			@Nullable Double medianVisitDays) {
	}

	/** A refusal reason and how many orientations were refused for it. */
	public record ReasonRow(String reason, long count) {
	}

	/** The orientations of the territory and period. */
	private static final String WHERE = """
			where (cast(:departement as text) is null or t.departement = :departement)
			  and (cast(:epci as text) is null or t.epci = :epci)
			  and (cast(:restricted as boolean) = false or t.code_insee = any(:communes))
			  and t.envoyee_le >= :from and t.envoyee_le < :to
			""";

	/**
	 * The funnel of the orientations sent between two instants to lieux of a territory: a
	 * row for the whole (group null) and one per EPCI of the lieux' communes.
	 * @param departement the lieux' département, or null
	 * @param epci the lieux' communes' EPCI, or null
	 * @param communes when not null, only lieux of these communes (69D, 69M)
	 */
	public List<FunnelRow> funnel(@Nullable String departement, @Nullable String epci,
			@Nullable Collection<String> communes, Instant from, Instant to) {
		// the medians sort every delay of the territory: in memory rather than on disk
		// (the
		// transaction's own setting, gone at its end)
		jdbc.sql("set local work_mem = '32MB'").update();
		return bind(jdbc
			.sql("""
					select case when grouping(coalesce(t.epci, '?')) = 1 then null else coalesce(t.epci, '?') end as groupe,
					       count(*) as envoyees,
					       count(*) filter (where t.statut in ('acceptee', 'venue', 'non_venue', 'accompagnement_termine')) as acceptees,
					       count(*) filter (where t.statut = 'refusee') as refusees,
					       count(*) filter (where t.statut = 'expiree') as expirees,
					       count(*) filter (where t.statut = 'annulee') as annulees,
					       count(*) filter (where t.statut in ('venue', 'accompagnement_termine')) as venues,
					       count(*) filter (where t.statut = 'non_venue') as non_venues,
					       count(t.repondue_le) as repondues,
					       percentile_cont(0.5) within group (order by extract(epoch from t.repondue_le - t.envoyee_le) / 86400.0)
					           as delai_reponse,
					       percentile_cont(0.5) within group (order by extract(epoch from t.venue_le - t.envoyee_le) / 86400.0)
					           as delai_venue
					from orientation_territoire t
					"""
					+ WHERE + """
							group by grouping sets ((), (coalesce(t.epci, '?')))
							order by groupe nulls first"""),
				departement, epci, communes, from, to)
			.query((rs, row) -> new FunnelRow(rs.getString("groupe"), rs.getLong("envoyees"), rs.getLong("acceptees"),
					rs.getLong("refusees"), rs.getLong("expirees"), rs.getLong("annulees"), rs.getLong("venues"),
					rs.getLong("non_venues"), rs.getLong("repondues"), (Double) rs.getObject("delai_reponse"),
					(Double) rs.getObject("delai_venue")))
			.list();
	}

	/**
	 * Why the orientations of the same selection were refused, the most frequent first.
	 */
	public List<ReasonRow> refusalReasons(@Nullable String departement, @Nullable String epci,
			@Nullable Collection<String> communes, Instant from, Instant to) {
		return bind(
				jdbc.sql("select t.motif_refus, count(*) as nombre from orientation_territoire t " + WHERE
						+ " and t.statut = 'refusee' and t.motif_refus is not null "
						+ "group by t.motif_refus order by nombre desc, t.motif_refus"),
				departement, epci, communes, from, to)
			.query((rs, row) -> new ReasonRow(rs.getString("motif_refus"), rs.getLong("nombre")))
			.list();
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, @Nullable String departement,
			@Nullable String epci, @Nullable Collection<String> communes, Instant from, Instant to) {
		return statement.param("departement", departement)
			.param("epci", epci)
			.param("restricted", communes != null)
			.param("communes", communes == null ? new String[0] : communes.toArray(String[]::new))
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to));
	}

}
