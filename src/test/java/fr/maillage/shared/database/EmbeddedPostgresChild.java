package fr.maillage.shared.database;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A JVM of its own that starts the embedded PostgreSQL the way Maillage does, for
 * {@link EmbeddedPostgresRestartTest} to kill: {@code <data directory> [write]}. With
 * {@code write} it commits one row, then leaves a second one in an open transaction, as
 * an import killed mid-way would. Prints {@code READY <jdbc url>} and waits to be killed.
 */
public final class EmbeddedPostgresChild {

	static final String READY = "READY ";

	private EmbeddedPostgresChild() {
	}

	public static void main(String[] args) throws Exception {
		EmbeddedPostgres postgres = EmbeddedPostgresConfiguration.start(Path.of(args[0]), false);
		String url = postgres.getJdbcUrl("postgres", "postgres");
		if (args.length > 1 && args[1].equals("write")) {
			try (Connection connection = DriverManager.getConnection(url);
					Statement statement = connection.createStatement()) {
				statement.execute("create table if not exists ecrit (valeur text)");
				statement.execute("insert into ecrit values ('validée')");
			}
			Connection open = DriverManager.getConnection(url);
			open.setAutoCommit(false);
			try (Statement statement = open.createStatement()) {
				statement.execute("insert into ecrit values ('en cours')");
			}
		}
		System.out.println(READY + url);
		System.out.flush();
		Thread.sleep(Long.MAX_VALUE);
	}

}
