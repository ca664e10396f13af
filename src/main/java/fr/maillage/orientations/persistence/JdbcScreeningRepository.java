package fr.maillage.orientations.persistence;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The repérage's data: its anonymous counts ({@code reperage_compte}, one upsert per
 * answer, no row per person) and the encrypted answers kept inside an orientation sent
 * with consent ({@code orientation_reperage}).
 */
@Repository
public class JdbcScreeningRepository {

	private final JdbcClient jdbc;

	JdbcScreeningRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Adds one to the count of each answer, and to the count of repérages
	 * ({@code question = 'reperages'}), for that month and territory.
	 * @param answers question → answer codes
	 */
	public void count(LocalDate month, String departement, String epci, Map<String, List<String>> answers) {
		String sql = """
				insert into reperage_compte (mois, departement, epci, question, reponse, nombre)
				values (:month, :departement, :epci, :question, :answer, 1)
				on conflict (mois, departement, epci, question, reponse) do update set nombre = reperage_compte.nombre + 1""";
		increment(sql, month, departement, epci, "reperages", "total");
		answers.forEach(
				(question, codes) -> codes.forEach(code -> increment(sql, month, departement, epci, question, code)));
	}

	private void increment(String sql, LocalDate month, String departement, String epci, String question,
			String answer) {
		jdbc.sql(sql)
			.param("month", month)
			.param("departement", departement)
			.param("epci", epci)
			.param("question", question)
			.param("answer", answer)
			.update();
	}

	/** A count of one month, territory, question and answer. */
	public record CountRow(LocalDate month, String departement, String epci, String question, String answer,
			long count) {
	}

	/** The counts of a département (every EPCI) between two months, inclusive. */
	public List<CountRow> listCounts(String departement, LocalDate fromMonth, LocalDate toMonth) {
		return jdbc.sql("select mois, departement, epci, question, reponse, nombre from reperage_compte "
				+ "where departement = :departement and mois between :from and :to order by mois, question, reponse")
			.param("departement", departement)
			.param("from", fromMonth)
			.param("to", toMonth)
			.query((rs, row) -> new CountRow(rs.getObject("mois", LocalDate.class), rs.getString("departement"),
					rs.getString("epci"), rs.getString("question"), rs.getString("reponse"), rs.getLong("nombre")))
			.list();
	}

	/** A question's answer summed over a territory and a period. */
	public record AnswerTotal(String question, String answer, long count) {
	}

	/**
	 * The counts of a territory between two months, inclusive, summed per question and
	 * answer (« reperages »/« total » is the number of repérages).
	 * @param departement a département's code, or null
	 * @param epcis the EPCI (SIREN) whose counts are summed, or null for every one
	 */
	public List<AnswerTotal> sumCounts(@Nullable String departement, @Nullable List<String> epcis, LocalDate fromMonth,
			LocalDate toMonth) {
		return jdbc.sql("select question, reponse, sum(nombre) as total from reperage_compte "
				+ "where mois between :from and :to and (cast(:departement as text) is null or departement = :departement) "
				+ "and (:anyEpci or epci = any(:epcis)) group by question, reponse order by question, reponse")
			.param("from", fromMonth)
			.param("to", toMonth)
			.param("departement", departement)
			.param("anyEpci", epcis == null)
			.param("epcis", epcis == null ? new String[0] : epcis.toArray(String[]::new))
			.query((rs, row) -> new AnswerTotal(rs.getString("question"), rs.getString("reponse"), rs.getLong("total")))
			.list();
	}

	public void insertAnswers(UUID orientationId, String encryptedAnswers) {
		jdbc.sql("insert into orientation_reperage (orientation_id, reponses_chiffre) values (:id, :answers)")
			.param("id", orientationId)
			.param("answers", encryptedAnswers)
			.update();
	}

	public Optional<String> findAnswers(UUID orientationId) {
		return jdbc.sql("select reponses_chiffre from orientation_reperage where orientation_id = :id")
			.param("id", orientationId)
			.query(String.class)
			.optional();
	}

}
