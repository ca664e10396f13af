package fr.maillage.opendata.persistence;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The lock that serialises writers of the published directory, on any instance: a
 * PostgreSQL advisory lock held until the caller's transaction ends.
 */
@Repository
public class JdbcDirectoryLock {

	/** Key of the PostgreSQL advisory lock that serialises writers of the directory. */
	private static final long DIRECTORY_LOCK = 0x6d61696c6c616765L;

	private final JdbcClient jdbc;

	JdbcDirectoryLock(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Waits until no other transaction writes the directory; needs a transaction. */
	public void lockForWriting() {
		jdbc.sql("select pg_advisory_xact_lock(:key)").param("key", DIRECTORY_LOCK).query(Object.class).list();
	}

}
