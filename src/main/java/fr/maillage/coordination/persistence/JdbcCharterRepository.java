package fr.maillage.coordination.persistence;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import fr.maillage.coordination.domain.CharterRules;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A département's charter in numbered versions and the structures' signatures (tables
 * {@code charte_version}, {@code charte_signature}, {@code charte_lecture}). The
 * signatory's name arrives and leaves encrypted.
 */
@Repository
public class JdbcCharterRepository {

	private final JdbcClient jdbc;

	JdbcCharterRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public record StoredVersion(String id, String departement, int number, String title, String text,
			LocalDate publishedOn, String publishedBy) {
	}

	/** A signature, its signatory's name still encrypted. */
	public record StoredSignature(String id, String versionId, int versionNumber, String actorId, String actorName,
			String sealedSignatory, @Nullable String role, LocalDate signedOn, String mode, String recordedBy) {
	}

	/** The versions of a département's charter, the latest first. */
	public List<StoredVersion> listVersions(String departement) {
		return jdbc.sql("select * from charte_version where departement = :departement order by numero desc")
			.param("departement", departement)
			.query((rs, row) -> new StoredVersion(rs.getString("id"), rs.getString("departement"), rs.getInt("numero"),
					rs.getString("titre"), rs.getString("texte"), rs.getDate("publiee_le").toLocalDate(),
					rs.getString("cree_par")))
			.list();
	}

	/**
	 * Publishes the next version; two coordinators publishing at once: the second fails
	 * on the unique (departement, numero) and is told so.
	 * @return the version's number
	 */
	public int insertVersion(String id, String departement, int number, CharterRules.VersionEntry entry, Instant now,
			String by) {
		jdbc.sql("""
				insert into charte_version (id, departement, numero, titre, texte, publiee_le, cree_le, cree_par)
				values (:id, :departement, :numero, :titre, :texte, :publiee, :now, :by)""")
			.param("id", UUID.fromString(id))
			.param("departement", departement)
			.param("numero", number)
			.param("titre", entry.title())
			.param("texte", entry.text())
			.param("publiee", Date.valueOf(entry.publishedOn()))
			.param("now", Timestamp.from(now))
			.param("by", by)
			.update();
		return number;
	}

	/**
	 * Signatures of the versions of these départements' charters, newest version first.
	 */
	public List<StoredSignature> listSignatures(Collection<String> departements) {
		return jdbc.sql("""
				select s.*, v.numero, a.nom from charte_signature s
				join charte_version v on v.id = s.version_id join acteur a on a.id = s.acteur_id
				where v.departement = any(:departements)
				order by lower(unaccent(a.nom)), v.numero desc""")
			.param("departements", departements.toArray(String[]::new))
			.query((rs, row) -> new StoredSignature(rs.getString("id"), rs.getString("version_id"), rs.getInt("numero"),
					rs.getString("acteur_id"), rs.getString("nom"), rs.getString("signataire_nom"),
					rs.getString("signataire_fonction"), rs.getDate("signee_le").toLocalDate(), rs.getString("mode"),
					rs.getString("enregistree_par")))
			.list();
	}

	public Optional<String> findSignature(String versionId, String actorId) {
		return jdbc.sql("select id::text from charte_signature where version_id = :version and acteur_id = :acteur")
			.param("version", UUID.fromString(versionId))
			.param("acteur", UUID.fromString(actorId))
			.query(String.class)
			.optional();
	}

	/**
	 * @return false when that structure already signed that version
	 */
	public boolean insertSignature(String id, String versionId, String actorId, String sealedSignatory,
			CharterRules.SignatureEntry entry, String mode, Instant now, String by) {
		return jdbc.sql("""
				insert into charte_signature (id, version_id, acteur_id, signataire_nom, signataire_fonction, signee_le,
				    mode, enregistree_le, enregistree_par)
				values (:id, :version, :acteur, :nom, :fonction, :signee, :mode, :now, :by)
				on conflict (version_id, acteur_id) do nothing""")
			.param("id", UUID.fromString(id))
			.param("version", UUID.fromString(versionId))
			.param("acteur", UUID.fromString(actorId))
			.param("nom", sealedSignatory)
			.param("fonction", entry.role())
			.param("signee", Date.valueOf(entry.signedOn()))
			.param("mode", mode)
			.param("now", Timestamp.from(now))
			.param("by", by)
			.update() == 1;
	}

	/** Signatures per version number of a département's charter. */
	public List<long[]> countByVersion(String departement) {
		return jdbc.sql("""
				select v.numero, count(s.id) from charte_version v left join charte_signature s on s.version_id = v.id
				where v.departement = :departement group by v.numero order by v.numero""")
			.param("departement", departement)
			.query((rs, row) -> new long[] { rs.getInt(1), rs.getLong(2) })
			.list();
	}

	/** Structures that signed at least one version of a département's charter. */
	public long countSignatories(String departement) {
		return jdbc.sql("""
				select count(distinct s.acteur_id) from charte_signature s join charte_version v on v.id = s.version_id
				where v.departement = :departement""").param("departement", departement).query(Long.class).single();
	}

	public void logRead(String departement, @Nullable String accountId, String by, Instant now) {
		jdbc.sql("insert into charte_lecture (departement, compte_id, par, moment) values (:d, :compte, :par, :now)")
			.param("d", departement)
			.param("compte", accountId == null ? null : UUID.fromString(accountId))
			.param("par", by)
			.param("now", Timestamp.from(now))
			.update();
	}

}
