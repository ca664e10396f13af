package fr.maillage.contributions.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The record of the freshness reminders sent (table {@code rappel_fraicheur}), one per
 * member and per month, and the lock that lets one instance send them.
 */
@Repository
public class JdbcFreshnessReminderRepository {

	private final JdbcClient jdbc;

	JdbcFreshnessReminderRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Takes the PostgreSQL advisory lock of that key until the end of the current
	 * transaction, if no other transaction holds it.
	 * @return whether this transaction holds it
	 */
	public boolean tryLockForTransaction(long key) {
		return jdbc.sql("select pg_try_advisory_xact_lock(:key)").param("key", key).query(Boolean.class).single();
	}

	public boolean wasSent(UUID accountId, YearMonth period) {
		return jdbc.sql("select count(*) from rappel_fraicheur where compte_id = :account and periode = :period")
			.param("account", accountId)
			.param("period", period.toString())
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * @param lieux how many lieux the reminder listed
	 */
	public void recordSent(UUID accountId, YearMonth period, Instant now, int lieux) {
		jdbc.sql("insert into rappel_fraicheur (compte_id, periode, envoye_le, lieux) "
				+ "values (:account, :period, :now, :count)")
			.param("account", accountId)
			.param("period", period.toString())
			.param("now", Timestamp.from(now))
			.param("count", lieux)
			.update();
	}

}
