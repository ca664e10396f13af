package fr.maillage.orientations.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import fr.maillage.orientations.domain.Consent;
import fr.maillage.orientations.domain.ConsentMode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The consents of orientations (table {@code orientation_consentement}), one each. */
@Repository
public class JdbcConsentRepository {

	private final JdbcClient jdbc;

	JdbcConsentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(UUID orientationId, Consent consent) {
		jdbc.sql("""
				insert into orientation_consentement (id, orientation_id, finalite, donnees, destinataires, duree_mois,
				mode, recueilli_par, recueilli_le, version_notice)
				values (:id, :orientation, :purpose, :data, :recipients, :months, :mode, :by, :at, :notice)""")
			.param("id", UUID.randomUUID())
			.param("orientation", orientationId)
			.param("purpose", consent.purpose())
			.param("data", String.join(" | ", consent.dataShared()))
			.param("recipients", consent.recipients())
			.param("months", consent.durationMonths())
			.param("mode", consent.mode().code())
			.param("by", consent.recordedBy())
			.param("at", Timestamp.from(consent.recordedAt()))
			.param("notice", consent.noticeVersion())
			.update();
	}

	public Optional<Consent> findByOrientation(UUID orientationId) {
		return jdbc.sql("select * from orientation_consentement where orientation_id = :id")
			.param("id", orientationId)
			.query((rs, row) -> {
				Timestamp revoked = rs.getTimestamp("retire_le");
				return new Consent(rs.getString("finalite"), List.of(rs.getString("donnees").split(" \\| ")),
						rs.getString("destinataires"), rs.getInt("duree_mois"),
						ConsentMode.findByCode(rs.getString("mode")).orElseThrow(), rs.getString("recueilli_par"),
						rs.getTimestamp("recueilli_le").toInstant(), rs.getString("version_notice"),
						revoked == null ? null : revoked.toInstant());
			})
			.optional();
	}

	/**
	 * @param by the signature of who records the withdrawal
	 * @return whether it was still given
	 */
	public boolean revoke(UUID orientationId, Instant at, String by) {
		return jdbc
			.sql("update orientation_consentement set retire_le = :at, retire_par = :by "
					+ "where orientation_id = :id and retire_le is null")
			.param("id", orientationId)
			.param("at", Timestamp.from(at))
			.param("by", by)
			.update() == 1;
	}

}
