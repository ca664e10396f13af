package fr.maillage.opendata;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import fr.maillage.opendata.persistence.JdbcHsdsPackageRepository;
import jakarta.annotation.PreDestroy;
import fr.maillage.opendata.persistence.JdbcHsdsPackageRepository.DirectoryState;
import fr.maillage.opendata.persistence.JdbcHsdsPackageRepository.PackageRow;
import fr.maillage.opendata.publishing.hsds.HsdsDataPackage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * The HSDS 3.0 data package built once per state of the directory and kept in the
 * database (issue 19, ADR 0028): building it takes longer than a partner should wait (40
 * s for 100 000 lieux on two cores), the directory changes a few times a day, and every
 * instance serves the same stored file, chunk by chunk. A scheduled check builds it again
 * when the directory changed (one instance at a time: an advisory lock); until then the
 * previous package is served and says its date. Without a usable package, the request
 * builds one as before (streamed).
 */
@Service
public class HsdsPackages {

	private static final Logger log = LoggerFactory.getLogger(HsdsPackages.class);

	/** Size of the stored chunks: one is in memory at a time. */
	static final int CHUNK = 1 << 20;

	/** What a check did. */
	public enum Outcome {

		/** A package of the directory's current state was written. */
		BUILT,
		/** The stored package already reflects the directory. */
		UP_TO_DATE,
		/** Another transaction (this instance or another) is building one. */
		BUILDING_ELSEWHERE

	}

	/**
	 * A stored package that can be served.
	 *
	 * @param current whether it reflects the directory as it is now
	 */
	public record Stored(PackageRow row, boolean current) {
	}

	private final JdbcHsdsPackageRepository repository;

	private final OpenReferralDirectory openReferral;

	private final HsdsDataPackage dataPackage;

	private final TransactionTemplate building;

	private final Clock clock;

	/** One build at a time on this instance, whoever asks (schedule, test, benchmark). */
	private final AtomicBoolean buildingHere = new AtomicBoolean();

	HsdsPackages(JdbcHsdsPackageRepository repository, OpenReferralDirectory openReferral, ObjectMapper json,
			PlatformTransactionManager transactions, Clock clock) {
		this.repository = repository;
		this.openReferral = openReferral;
		this.dataPackage = new HsdsDataPackage(json);
		this.building = new TransactionTemplate(transactions);
		// the state read and the lieux written are one snapshot of the directory
		this.building.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		this.clock = clock;
	}

	/**
	 * Builds on a thread of its own: the application's scheduler has one thread, which a
	 * build of a minute would hold from the other planned jobs (imports of sources,
	 * orientations).
	 */
	private final ExecutorService builder = Executors.newSingleThreadExecutor(task -> {
		Thread thread = new Thread(task, "maillage-paquet-hsds");
		thread.setDaemon(true);
		return thread;
	});

	@Scheduled(cron = "${maillage.hsds.paquet-planification:0 * * * * *}", zone = "Europe/Paris")
	void refreshOnSchedule() {
		if (!buildingHere.get()) {
			builder.execute(this::refreshAndLog);
		}
	}

	@PreDestroy
	void stopBuilding() {
		// a build cut short rolls back: the previous package stays
		builder.shutdownNow();
	}

	private void refreshAndLog() {
		try {
			Outcome outcome = refresh();
			if (outcome == Outcome.BUILT) {
				repository.findLatest()
					.ifPresent(row -> log.info("HSDS package built: {} lieux, {} bytes in {} ms", row.lieux(),
							row.size(), row.buildMillis()));
			}
		}
		catch (RuntimeException failed) {
			// the previous package stays served; the next check tries again
			log.error("HSDS package not built", failed);
		}
	}

	/**
	 * Builds and stores the package if the stored one does not reflect the directory (or
	 * is incomplete), unless another transaction is building one.
	 */
	public Outcome refresh() {
		if (!buildingHere.compareAndSet(false, true)) {
			return Outcome.BUILDING_ELSEWHERE;
		}
		try {
			return building.execute(status -> {
				if (!repository.tryLockBuilding()) {
					return Outcome.BUILDING_ELSEWHERE;
				}
				DirectoryState state = repository.readDirectoryState(HsdsDataPackage.FORMAT);
				Optional<PackageRow> latest = repository.findLatest();
				if (latest.isPresent() && latest.get().directoryState().equals(state.key())
						&& repository.isComplete(latest.get())) {
					return Outcome.UP_TO_DATE;
				}
				store(state);
				return Outcome.BUILT;
			});
		}
		finally {
			buildingHere.set(false);
		}
	}

	/** Builds the package into a temporary file, then copies it into the database. */
	private void store(DirectoryState state) {
		long start = System.nanoTime();
		Instant builtAt = clock.instant();
		Path file = null;
		try {
			file = Files.createTempFile("maillage-hsds-", ".zip");
			MessageDigest sha256 = sha256();
			try (OutputStream out = new DigestOutputStream(
					new BufferedOutputStream(Files.newOutputStream(file), 1 << 16), sha256)) {
				openReferral.writeDataPackage(out, dataPackage, state.changedAt());
			}
			long size = Files.size(file);
			int chunks = (int) ((size + CHUNK - 1) / CHUNK);
			long id = repository.insertPackage(state, builtAt, 0, size, HexFormat.of().formatHex(sha256.digest()),
					chunks);
			byte[] buffer = new byte[CHUNK];
			try (InputStream in = Files.newInputStream(file)) {
				for (int number = 0; number < chunks; number++) {
					int read = in.readNBytes(buffer, 0, CHUNK);
					repository.insertChunk(id, number, read == CHUNK ? buffer : Arrays.copyOf(buffer, read));
				}
			}
			repository.recordBuildTime(id, (System.nanoTime() - start) / 1_000_000);
			repository.deleteOlderThanPrevious(id);
		}
		catch (IOException failed) {
			throw new UncheckedIOException(failed);
		}
		finally {
			if (file != null) {
				try {
					Files.deleteIfExists(file);
				}
				catch (IOException ignored) {
					log.warn("temporary HSDS package {} not deleted", file);
				}
			}
		}
	}

	/**
	 * The latest stored package if it is whole, and whether it is current. Empty when
	 * there is none or it lacks chunks: the caller builds the package itself.
	 */
	public Optional<Stored> findStored() {
		Optional<PackageRow> latest = repository.findLatest();
		if (latest.isEmpty()) {
			return Optional.empty();
		}
		PackageRow row = latest.get();
		if (!repository.isComplete(row)) {
			log.warn("HSDS package {} incomplete: dropped, built again", row.id());
			repository.delete(row.id());
			return Optional.empty();
		}
		DirectoryState state = repository.readDirectoryState(HsdsDataPackage.FORMAT);
		return Optional.of(new Stored(row, state.key().equals(row.directoryState())));
	}

	/**
	 * Writes a stored package, one chunk at a time. Its SHA-256 is checked before its
	 * last chunk is sent: a package damaged in the database is cut short (the client sees
	 * an incomplete download, never a wrong file) and dropped, so the next request builds
	 * it.
	 */
	public void writeStored(PackageRow row, OutputStream out) throws IOException {
		MessageDigest sha256 = sha256();
		for (int number = 0; number < row.chunks(); number++) {
			byte[] chunk = repository.findChunk(row.id(), number)
				.orElseThrow(() -> new IOException("HSDS package chunk missing"));
			sha256.update(chunk);
			if (number == row.chunks() - 1 && !HexFormat.of().formatHex(sha256.digest()).equals(row.sha256())) {
				log.error("HSDS package {} damaged (SHA-256 differs): dropped, the download cut", row.id());
				repository.delete(row.id());
				throw new IOException("HSDS package damaged");
			}
			out.write(chunk);
		}
	}

	/** Builds the package while sending it (no usable stored package). */
	public void writeBuilt(OutputStream out) throws IOException {
		Instant directoryAt = repository.readDirectoryState(HsdsDataPackage.FORMAT).changedAt();
		openReferral.writeDataPackage(out, dataPackage, directoryAt);
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException absent) {
			throw new IllegalStateException(absent);
		}
	}

}
