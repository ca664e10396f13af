package fr.maillage.opendata.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The HSDS 3.0 data packages kept in the database (issue 19, ADR 0028, migration V34_1):
 * a header and the zip in chunks of 1 MB, and the state of the directory they reflect.
 */
@Repository
public class JdbcHsdsPackageRepository {

	/** Key of the advisory lock held by the instance that builds a package. */
	private static final long BUILD_LOCK = 0x6873647370616bL;

	/**
	 * The state of the published directory.
	 *
	 * @param key what changes whenever the published directory does: the last rank of the
	 * changes feed (V22_1's triggers rank every insert, update and delete of a lieu) and
	 * the number of lieux (a truncation is not ranked)
	 * @param changedAt the instant of its last change ({@link Instant#EPOCH} for a
	 * directory never published)
	 */
	public record DirectoryState(String key, Instant changedAt, int lieux) {
	}

	/** One stored package. */
	public record PackageRow(long id, String directoryState, Instant directoryChangedAt, Instant builtAt,
			long buildMillis, int lieux, long size, String sha256, int chunks) {
	}

	private final JdbcClient jdbc;

	JdbcHsdsPackageRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The directory's state, with the package's format (a new format is a new state). */
	public DirectoryState readDirectoryState(int format) {
		return jdbc.sql("""
				select coalesce((select max(rang) from lieu_changement), 0),
				       (select count(*) from lieu),
				       (select max(change_le) from lieu_changement)""").query((rs, row) -> {
			long rank = rs.getLong(1);
			int lieux = rs.getInt(2);
			Timestamp changedAt = rs.getTimestamp(3);
			return new DirectoryState("format " + format + ", rang " + rank + ", lieux " + lieux,
					changedAt == null ? Instant.EPOCH : changedAt.toInstant(), lieux);
		}).single();
	}

	/**
	 * Takes the lock of the builders until the transaction ends, if no other transaction
	 * (on any instance) holds it.
	 */
	public boolean tryLockBuilding() {
		return jdbc.sql("select pg_try_advisory_xact_lock(:key)")
			.param("key", BUILD_LOCK)
			.query(Boolean.class)
			.single();
	}

	/** The latest package written. */
	public Optional<PackageRow> findLatest() {
		return jdbc.sql("""
				select id, etat_annuaire, annuaire_le, construit_le, duree_ms, lieux, taille, sha256, morceaux
				from hsds_paquet order by id desc limit 1""").query(JdbcHsdsPackageRepository::map).optional();
	}

	/** Writes a package's header; its chunks follow in the same transaction. */
	public long insertPackage(DirectoryState state, Instant builtAt, long buildMillis, long size, String sha256,
			int chunks) {
		return jdbc.sql("""
				insert into hsds_paquet (etat_annuaire, annuaire_le, construit_le, duree_ms, lieux, taille, sha256,
				                         morceaux)
				values (:state, :changedAt, :builtAt, :millis, :lieux, :size, :sha256, :chunks) returning id""")
			.param("state", state.key())
			.param("changedAt", Timestamp.from(state.changedAt()))
			.param("builtAt", Timestamp.from(builtAt))
			.param("millis", buildMillis)
			.param("lieux", state.lieux())
			.param("size", size)
			.param("sha256", sha256)
			.param("chunks", chunks)
			.query(Long.class)
			.single();
	}

	public void insertChunk(long packageId, int number, byte[] bytes) {
		jdbc.sql("insert into hsds_paquet_morceau (paquet_id, numero, octets) values (:id, :number, :bytes)")
			.param("id", packageId)
			.param("number", number)
			.param("bytes", bytes)
			.update();
	}

	public void recordBuildTime(long packageId, long millis) {
		jdbc.sql("update hsds_paquet set duree_ms = :millis where id = :id")
			.param("id", packageId)
			.param("millis", millis)
			.update();
	}

	/** One chunk, read alone. */
	public Optional<byte[]> findChunk(long packageId, int number) {
		return jdbc.sql("select octets from hsds_paquet_morceau where paquet_id = :id and numero = :number")
			.param("id", packageId)
			.param("number", number)
			.query((rs, row) -> rs.getBytes(1))
			.optional();
	}

	/**
	 * Whether every chunk of the package is there with the bytes its header counts (their
	 * sizes are read from the chunks' headers, without reading the chunks).
	 */
	public boolean isComplete(PackageRow row) {
		return jdbc.sql("""
				select count(*) = :chunks and coalesce(sum(octet_length(octets)), 0) = :size
				from hsds_paquet_morceau where paquet_id = :id""")
			.param("id", row.id())
			.param("chunks", row.chunks())
			.param("size", row.size())
			.query(Boolean.class)
			.single();
	}

	/** Removes the packages older than the one before {@code latestId}. */
	public int deleteOlderThanPrevious(long latestId) {
		return jdbc.sql("""
				delete from hsds_paquet where id < (select coalesce(max(id), :latest) from hsds_paquet
				                                    where id < :latest)""").param("latest", latestId).update();
	}

	public void delete(long packageId) {
		jdbc.sql("delete from hsds_paquet where id = :id").param("id", packageId).update();
	}

	private static PackageRow map(ResultSet rs, int row) throws SQLException {
		return new PackageRow(rs.getLong("id"), rs.getString("etat_annuaire"),
				rs.getTimestamp("annuaire_le").toInstant(), rs.getTimestamp("construit_le").toInstant(),
				rs.getLong("duree_ms"), rs.getInt("lieux"), rs.getLong("taille"), rs.getString("sha256"),
				rs.getInt("morceaux"));
	}

}
