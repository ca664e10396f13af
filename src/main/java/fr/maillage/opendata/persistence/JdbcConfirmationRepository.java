package fr.maillage.opendata.persistence;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The « toujours exact » confirmations of lieux (table {@code confirmation_lieu}) and the
 * dates a lieu's freshness is computed from.
 */
@Repository
public class JdbcConfirmationRepository {

	private final JdbcClient jdbc;

	JdbcConfirmationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A lieu with its producer's date and its last confirmation, both unknown when null.
	 */
	public record VouchDates(String id, String name, String commune, @Nullable LocalDate updatedOn,
			@Nullable Instant lastConfirmed) {
	}

	/** The lieux of a département, in no particular order. */
	public List<VouchDates> listVouchDates(String departement) {
		return jdbc.sql("""
				select l.id, l.nom, l.commune, l.date_maj,
				       (select max(c.moment) from confirmation_lieu c where c.lieu_id = l.id) as confirme
				from lieu l where l.departement = :departement""")
			.param("departement", departement)
			.query((rs, row) -> {
				Date updated = rs.getDate("date_maj");
				Timestamp confirmed = rs.getTimestamp("confirme");
				return new VouchDates(rs.getString("id"), rs.getString("nom"), rs.getString("commune"),
						updated == null ? null : updated.toLocalDate(),
						confirmed == null ? null : confirmed.toInstant());
			})
			.list();
	}

	/** When the lieu was last confirmed; empty when it never was. */
	public Optional<Instant> findLastConfirmation(UUID lieuId) {
		return jdbc.sql("select max(moment) from confirmation_lieu where lieu_id = :id")
			.param("id", lieuId)
			.query(Timestamp.class)
			.optional()
			.map(Timestamp::toInstant);
	}

	/**
	 * @param author the account's signature, as the history shows it
	 */
	public void addConfirmation(UUID lieuId, UUID authorId, String author, Instant now) {
		jdbc.sql("insert into confirmation_lieu (id, lieu_id, auteur_id, auteur, moment) "
				+ "values (:id, :lieu, :authorId, :author, :now)")
			.param("id", UUID.randomUUID())
			.param("lieu", lieuId)
			.param("authorId", authorId)
			.param("author", author)
			.param("now", Timestamp.from(now))
			.update();
	}

}
