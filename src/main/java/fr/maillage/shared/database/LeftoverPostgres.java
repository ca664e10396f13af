package fr.maillage.shared.database;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clears what a killed Maillage leaves in its embedded PostgreSQL data directory. The
 * server runs as a daemon started by {@code pg_ctl}: when the JVM is killed with SIGKILL
 * no shutdown hook runs, the server keeps running as an orphan and holds
 * {@code postmaster.pid}, so the next start would fail. Before starting, the server named
 * by that file is stopped, but only after checking that it is a {@code postgres} process
 * serving this very directory; a pid file whose process is gone, or now belongs to
 * another program, is stale and removed. Another program is never signalled.
 */
final class LeftoverPostgres {

	private static final Logger log = LoggerFactory.getLogger(LeftoverPostgres.class);

	static final String PID_FILE = "postmaster.pid";

	private static final String ZONKY_LOCK_FILE = "epg-lock";

	private final Duration smartShutdown;

	private final Duration immediateShutdown;

	LeftoverPostgres(Duration smartShutdown, Duration immediateShutdown) {
		this.smartShutdown = smartShutdown;
		this.immediateShutdown = immediateShutdown;
	}

	static LeftoverPostgres withDefaultTimeouts() {
		return new LeftoverPostgres(Duration.ofSeconds(15), Duration.ofSeconds(10));
	}

	/** What {@link #clear} found and did, for logs and tests. */
	enum Outcome {

		/** No pid file: nothing to do. */
		NONE,
		/** The pid file named no live process, or one that is not our server: removed. */
		STALE_FILE_REMOVED,
		/** Our leftover server was running and has been stopped. */
		SERVER_STOPPED

	}

	/**
	 * @throws IllegalStateException with a French message when our leftover server could
	 * not be stopped
	 */
	Outcome clear(Path dataDirectory) {
		Path pidFile = dataDirectory.resolve(PID_FILE);
		List<String> lines;
		try {
			lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
		}
		catch (NoSuchFileException absent) {
			return Outcome.NONE;
		}
		catch (IOException e) {
			throw new IllegalStateException(frenchFailure(dataDirectory, "le fichier " + PID_FILE + " est illisible"),
					e);
		}
		if (isLockedByAnotherRun(dataDirectory)) {
			// a live Maillage holds zonky's lock: its server is in use, not a leftover
			throw new IllegalStateException(frenchFailure(dataDirectory,
					"une autre instance de Maillage utilise déjà ce répertoire de données"));
		}
		Optional<ProcessHandle> process = parsePid(lines).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
		if (process.isEmpty() || !isOurServer(process.get(), dataDirectory)) {
			log.warn("Removing stale {} of {} (process {} is gone or is not this directory's PostgreSQL)", PID_FILE,
					dataDirectory, lines.isEmpty() ? "?" : lines.get(0));
			deleteQuietly(pidFile);
			return Outcome.STALE_FILE_REMOVED;
		}
		stop(process.get(), dataDirectory);
		// postgres removes its pid file on a clean exit; after SIGKILL it is left behind
		deleteQuietly(pidFile);
		return Outcome.SERVER_STOPPED;
	}

	private void stop(ProcessHandle server, Path dataDirectory) {
		log.warn("An embedded PostgreSQL (pid {}) left by a previous run still serves {}: stopping it", server.pid(),
				dataDirectory);
		// SIGTERM is PostgreSQL's smart shutdown: the killed JVM's connections are closed
		// already, so it ends quickly
		server.destroy();
		if (waitForExit(server, smartShutdown)) {
			return;
		}
		// SIGQUIT is PostgreSQL's immediate shutdown, which also ends its children; Java
		// can only send SIGTERM and SIGKILL, so the system's kill is used
		log.warn("PostgreSQL (pid {}) did not stop within {}: immediate shutdown", server.pid(), smartShutdown);
		sendQuit(server.pid());
		if (waitForExit(server, immediateShutdown)) {
			return;
		}
		log.warn("PostgreSQL (pid {}) did not stop within {}: killing it", server.pid(), immediateShutdown);
		server.destroyForcibly();
		if (!waitForExit(server, immediateShutdown)) {
			throw new IllegalStateException(frenchFailure(dataDirectory,
					"le serveur PostgreSQL resté actif (processus " + server.pid() + ") ne s'arrête pas"));
		}
	}

	/**
	 * Our server: a live {@code postgres} process whose command line names this data
	 * directory after {@code -D}, as {@code pg_ctl} starts it.
	 */
	static boolean isOurServer(ProcessHandle process, Path dataDirectory) {
		List<String> arguments = commandLine(process);
		if (arguments.isEmpty() || !Path.of(arguments.get(0)).getFileName().toString().equals("postgres")) {
			return false;
		}
		for (int i = 1; i + 1 < arguments.size(); i++) {
			if (arguments.get(i).equals("-D") && sameDirectory(Path.of(arguments.get(i + 1)), dataDirectory)) {
				return true;
			}
		}
		return false;
	}

	private static List<String> commandLine(ProcessHandle process) {
		Path procCmdline = Path.of("/proc", Long.toString(process.pid()), "cmdline");
		try {
			String raw = new String(Files.readAllBytes(procCmdline), StandardCharsets.UTF_8);
			return Arrays.stream(raw.split("\0")).filter(argument -> !argument.isEmpty()).toList();
		}
		catch (IOException noProc) {
			// not Linux: what the JDK can tell, possibly nothing, in which case the
			// process
			// is not recognised and left alone
			ProcessHandle.Info info = process.info();
			if (info.command().isEmpty() || info.arguments().isEmpty()) {
				return List.of();
			}
			List<String> arguments = new java.util.ArrayList<>();
			arguments.add(info.command().get());
			arguments.addAll(Arrays.asList(info.arguments().get()));
			return arguments;
		}
	}

	private static boolean sameDirectory(Path a, Path b) {
		try {
			return a.toRealPath().equals(b.toRealPath());
		}
		catch (IOException gone) {
			return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
		}
	}

	static Optional<Long> parsePid(List<String> pidFileLines) {
		if (pidFileLines.isEmpty()) {
			return Optional.empty();
		}
		try {
			long pid = Long.parseLong(pidFileLines.get(0).strip());
			return pid > 0 ? Optional.of(pid) : Optional.empty();
		}
		catch (NumberFormatException notAPid) {
			return Optional.empty();
		}
	}

	private static boolean waitForExit(ProcessHandle process, Duration timeout) {
		try {
			process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (java.util.concurrent.TimeoutException stillRunning) {
			return !process.isAlive();
		}
		catch (java.util.concurrent.ExecutionException e) {
			return !process.isAlive();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return !process.isAlive();
		}
	}

	private static void sendQuit(long pid) {
		try {
			Process kill = new ProcessBuilder("kill", "-QUIT", Long.toString(pid)).redirectErrorStream(true).start();
			kill.waitFor(5, TimeUnit.SECONDS);
		}
		catch (IOException e) {
			log.warn("Could not run kill -QUIT {}: {}", pid, e.getMessage());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Whether another live JVM holds the lock zonky takes on {@code epg-lock} for as long
	 * as it runs a server; the operating system releases it when that JVM dies, even by
	 * SIGKILL.
	 */
	private static boolean isLockedByAnotherRun(Path dataDirectory) {
		Path lockFile = dataDirectory.resolve(ZONKY_LOCK_FILE);
		if (!Files.exists(lockFile)) {
			return false;
		}
		try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
			FileLock lock = channel.tryLock();
			if (lock == null) {
				return true;
			}
			lock.release();
			return false;
		}
		catch (OverlappingFileLockException heldInThisJvm) {
			return true;
		}
		catch (IOException e) {
			log.warn("Could not check the lock {}: {}", lockFile, e.getMessage());
			return false;
		}
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException e) {
			log.warn("Could not delete {}: {}", file, e.getMessage());
		}
	}

	private static String frenchFailure(Path dataDirectory, String reason) {
		return "La base PostgreSQL embarquée ne peut pas démarrer : " + reason + ". Arrêtez ce processus (kill <pid>) "
				+ "ou supprimez " + dataDirectory.resolve(PID_FILE)
				+ " s'il n'y a plus de serveur, puis relancez Maillage.";
	}

}
