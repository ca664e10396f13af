package fr.maillage.shared.database;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14, item 6: after {@code kill -9} of the JVM, its PostgreSQL survives as an
 * orphan holding {@code postmaster.pid}; the next start must stop it and come up at once,
 * with what was committed and without what was not.
 */
class EmbeddedPostgresRestartTest {

	/** A safeguard against a hung child, not a measure: a start takes a few seconds. */
	private static final long STARTUP_LIMIT_SECONDS = 180;

	@TempDir
	Path temp;

	@Test
	void theStartAfterAKilledRunStopsTheOrphanServerAndComesUpAtOnce() throws Exception {
		Path data = temp.resolve("pgdata");
		Child first = Child.start(data, "write");
		Child second = null;
		try {
			first.awaitReady();
			long orphan = LeftoverPostgres.parsePid(Files.readAllLines(data.resolve(LeftoverPostgres.PID_FILE)))
				.orElseThrow();

			first.process.destroyForcibly().waitFor();

			// the situation of the issue: the server outlives its JVM
			ProcessHandle server = ProcessHandle.of(orphan).orElseThrow();
			assertThat(server.isAlive()).isTrue();
			assertThat(LeftoverPostgres.isOurServer(server, data)).isTrue();
			assertThat(LeftoverPostgres.isOurServer(server, temp.resolve("autre"))).isFalse();

			second = Child.start(data, "serve");
			String url = second.awaitReady();

			assertThat(server.isAlive()).isFalse();
			try (Connection connection = DriverManager.getConnection(url);
					Statement statement = connection.createStatement();
					ResultSet rows = statement.executeQuery("select valeur from ecrit")) {
				List<String> values = new ArrayList<>();
				while (rows.next()) {
					values.add(rows.getString(1));
				}
				// the transaction open when the JVM died is gone, the committed row is
				// kept
				assertThat(values).containsExactly("validée");
			}
		}
		finally {
			first.process.destroyForcibly().waitFor();
			if (second != null) {
				// SIGTERM: the child's shutdown hook stops its server as a normal exit
				// does
				second.process.destroy();
				second.process.waitFor(60, TimeUnit.SECONDS);
				second.process.destroyForcibly().waitFor();
			}
			// whatever a failure left behind must not outlive the test
			LeftoverPostgres.withDefaultTimeouts().clear(data);
		}
	}

	@Test
	void aPidFileOfAProcessThatIsGoneIsRemoved() throws Exception {
		Process gone = new ProcessBuilder("true").start();
		gone.waitFor();
		Files.writeString(temp.resolve(LeftoverPostgres.PID_FILE), gone.pid() + "\n" + temp + "\n");

		assertThat(LeftoverPostgres.withDefaultTimeouts().clear(temp))
			.isEqualTo(LeftoverPostgres.Outcome.STALE_FILE_REMOVED);
		assertThat(temp.resolve(LeftoverPostgres.PID_FILE)).doesNotExist();
	}

	@Test
	void aProcessThatIsNotOurServerIsNeverSignalled() throws Exception {
		Process stranger = new ProcessBuilder("sleep", "300").start();
		try {
			Files.writeString(temp.resolve(LeftoverPostgres.PID_FILE), stranger.pid() + "\n" + temp + "\n");

			assertThat(LeftoverPostgres.withDefaultTimeouts().clear(temp))
				.isEqualTo(LeftoverPostgres.Outcome.STALE_FILE_REMOVED);
			assertThat(stranger.isAlive()).isTrue();
			assertThat(temp.resolve(LeftoverPostgres.PID_FILE)).doesNotExist();
		}
		finally {
			stranger.destroyForcibly().waitFor();
		}
	}

	@Test
	void aDirectoryWithoutPidFileIsLeftAlone() {
		assertThat(LeftoverPostgres.withDefaultTimeouts().clear(temp)).isEqualTo(LeftoverPostgres.Outcome.NONE);
	}

	private record Child(Process process, CompletableFuture<String> ready, List<String> output) {

		static Child start(Path data, String mode) throws IOException {
			String java = ProcessHandle.current().info().command().orElse("java");
			Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
					EmbeddedPostgresChild.class.getName(), data.toString(), mode)
				.redirectErrorStream(true)
				.start();
			CompletableFuture<String> ready = new CompletableFuture<>();
			List<String> output = Collections.synchronizedList(new ArrayList<>());
			Thread reader = new Thread(() -> {
				try (BufferedReader lines = new BufferedReader(
						new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
					String line;
					while ((line = lines.readLine()) != null) {
						output.add(line);
						if (line.startsWith(EmbeddedPostgresChild.READY)) {
							ready.complete(line.substring(EmbeddedPostgresChild.READY.length()));
						}
					}
				}
				catch (IOException closed) {
					// the child was killed
				}
				ready.completeExceptionally(new IllegalStateException("child ended before READY"));
			});
			reader.setDaemon(true);
			reader.start();
			return new Child(process, ready, output);
		}

		String awaitReady() throws Exception {
			try {
				return ready.get(STARTUP_LIMIT_SECONDS, TimeUnit.SECONDS);
			}
			catch (Exception e) {
				throw new AssertionError("the child did not start; its output:\n" + String.join("\n", lastLines()), e);
			}
		}

		private List<String> lastLines() {
			synchronized (output) {
				return List.copyOf(output.subList(Math.max(0, output.size() - 60), output.size()));
			}
		}

	}

}
