package fr.maillage.accounts.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import fr.maillage.accounts.Account;
import fr.maillage.accounts.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Accounts and what goes with them (tables {@code compte}, {@code compte_territoire},
 * {@code lien_unique}, {@code connexion_echec}, {@code demande_reinitialisation},
 * {@code courriel_sortant}) and the account's sessions ({@code spring_session}).
 */
@Repository
public class JdbcAccountRepository {

	private static final String ACCOUNT = "select c.*, (c.mot_de_passe is not null) as mot_de_passe_defini, "
			+ "coalesce((select array_to_string(array_agg(t.niveau || ':' || t.code order by t.niveau, t.code), ',') "
			+ "from compte_territoire t where t.compte_id = c.id), '') as territoires from compte c ";

	private final JdbcClient jdbc;

	JdbcAccountRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** An account with its password hash, for signing in. */
	public record Credentials(Account account, @Nullable String passwordHash) {
	}

	/** A one-time link's state. */
	public record Link(String accountId, String usage, Instant expiresAt, @Nullable Instant usedAt,
			@Nullable Instant revokedAt) {
	}

	/** An e-mail kept in the outbox. */
	public record Mail(String id, String to, String subject, String body, Instant createdAt) {
	}

	public void insert(Account account, @Nullable String createdBy, Instant now) {
		jdbc.sql("insert into compte (id, courriel, nom, role, actif, cree_le, cree_par) "
				+ "values (:id, :email, :name, :role, true, :now, :by)")
			.param("id", UUID.fromString(account.id()))
			.param("email", account.email())
			.param("name", account.name())
			.param("role", account.role().code())
			.param("now", Timestamp.from(now))
			.param("by", createdBy)
			.update();
		for (String territory : account.territories()) {
			String[] parts = territory.split(":", 2);
			jdbc.sql("insert into compte_territoire (compte_id, niveau, code) values (:id, :level, :code)")
				.param("id", UUID.fromString(account.id()))
				.param("level", parts[0])
				.param("code", parts[1])
				.update();
		}
	}

	public boolean existsByEmail(String email) {
		return jdbc.sql("select count(*) from compte where courriel = :email")
			.param("email", email)
			.query(Long.class)
			.single() > 0;
	}

	public Optional<Credentials> findCredentials(String email) {
		return jdbc.sql(ACCOUNT + "where c.courriel = :email")
			.param("email", email)
			.query((rs, row) -> new Credentials(mapAccount(rs), rs.getString("mot_de_passe")))
			.optional();
	}

	public Optional<Account> findById(String id) {
		return jdbc.sql(ACCOUNT + "where c.id = :id")
			.param("id", UUID.fromString(id))
			.query((rs, row) -> mapAccount(rs))
			.optional();
	}

	public void setPassword(String accountId, String hash) {
		jdbc.sql("update compte set mot_de_passe = :hash where id = :id")
			.param("id", UUID.fromString(accountId))
			.param("hash", hash)
			.update();
	}

	public void insertLink(String tokenHash, String accountId, String usage, Instant expiresAt) {
		jdbc.sql("insert into lien_unique (jeton_hash, compte_id, usage, expire_le) values (:hash, :id, :usage, :at)")
			.param("hash", tokenHash)
			.param("id", UUID.fromString(accountId))
			.param("usage", usage)
			.param("at", Timestamp.from(expiresAt))
			.update();
	}

	public Optional<Link> findLink(String tokenHash) {
		return findLink(tokenHash, "");
	}

	/** The link, locked until the end of the transaction (one use at a time). */
	public Optional<Link> findLinkForUpdate(String tokenHash) {
		return findLink(tokenHash, " for update");
	}

	private Optional<Link> findLink(String tokenHash, String lock) {
		return jdbc.sql("select * from lien_unique where jeton_hash = :hash" + lock)
			.param("hash", tokenHash)
			.query((rs, row) -> {
				Timestamp used = rs.getTimestamp("utilise_le");
				Timestamp revoked = rs.getTimestamp("revoque_le");
				return new Link(rs.getString("compte_id"), rs.getString("usage"),
						rs.getTimestamp("expire_le").toInstant(), used == null ? null : used.toInstant(),
						revoked == null ? null : revoked.toInstant());
			})
			.optional();
	}

	public void markLinkUsed(String tokenHash, Instant now) {
		jdbc.sql("update lien_unique set utilise_le = :now where jeton_hash = :hash")
			.param("hash", tokenHash)
			.param("now", Timestamp.from(now))
			.update();
	}

	/** Revokes the account's links of that usage that are still usable. */
	public void revokeLinks(String accountId, String usage, Instant now) {
		jdbc.sql("update lien_unique set revoque_le = :now where compte_id = :id and usage = :usage "
				+ "and utilise_le is null and revoque_le is null")
			.param("id", UUID.fromString(accountId))
			.param("usage", usage)
			.param("now", Timestamp.from(now))
			.update();
	}

	/**
	 * Ends the sessions of that login (Spring Session JDBC indexes them by principal
	 * name), except the one given.
	 * @return how many were ended
	 */
	public int deleteSessions(String email, @Nullable String keptSessionId) {
		if (keptSessionId == null) {
			return jdbc.sql("delete from spring_session where principal_name = :email").param("email", email).update();
		}
		return jdbc.sql("delete from spring_session where principal_name = :email and session_id <> :kept")
			.param("email", email)
			.param("kept", keptSessionId)
			.update();
	}

	public void recordResetRequest(String email, String client, Instant now) {
		jdbc.sql("insert into demande_reinitialisation (courriel, client, moment) values (:email, :client, :now)")
			.param("email", email)
			.param("client", client)
			.param("now", Timestamp.from(now))
			.update();
	}

	/** Reset requests since that moment, for that address and from that client. */
	public record ResetRequests(long forAddress, long fromClient) {
	}

	public ResetRequests countResetRequestsSince(String email, String client, Instant since) {
		// older requests no longer count: forget them
		jdbc.sql("delete from demande_reinitialisation where moment <= :since")
			.param("since", Timestamp.from(since))
			.update();
		return jdbc
			.sql("select count(*) filter (where courriel = :email) as adresse, "
					+ "count(*) filter (where client = :client) as client from demande_reinitialisation "
					+ "where moment > :since and (courriel = :email or client = :client)")
			.param("email", email)
			.param("client", client)
			.param("since", Timestamp.from(since))
			.query((rs, row) -> new ResetRequests(rs.getLong("adresse"), rs.getLong("client")))
			.single();
	}

	public void recordFailure(String email, Instant now) {
		jdbc.sql("insert into connexion_echec (courriel, moment) values (:email, :now)")
			.param("email", email)
			.param("now", Timestamp.from(now))
			.update();
	}

	public List<Instant> listFailuresSince(String email, Instant since) {
		return jdbc.sql("select moment from connexion_echec where courriel = :email and moment > :since")
			.param("email", email)
			.param("since", Timestamp.from(since))
			.query((rs, row) -> rs.getTimestamp("moment").toInstant())
			.list();
	}

	public void clearFailures(String email) {
		jdbc.sql("delete from connexion_echec where courriel = :email").param("email", email).update();
	}

	/** A personal API token, without its value (never stored). */
	public record ApiToken(String id, String name, Instant createdAt, @Nullable Instant lastUsedAt,
			@Nullable Instant revokedAt) {
	}

	public void insertToken(String id, String accountId, String name, String tokenHash, Instant now) {
		jdbc.sql("insert into jeton_api (id, compte_id, nom, jeton_hash, cree_le) values (:id, :account, :name, "
				+ ":hash, :now)")
			.param("id", UUID.fromString(id))
			.param("account", UUID.fromString(accountId))
			.param("name", name)
			.param("hash", tokenHash)
			.param("now", Timestamp.from(now))
			.update();
	}

	public List<ApiToken> listTokens(String accountId) {
		return jdbc.sql("select * from jeton_api where compte_id = :account order by cree_le desc, id")
			.param("account", UUID.fromString(accountId))
			.query((rs, row) -> {
				Timestamp used = rs.getTimestamp("utilise_le");
				Timestamp revoked = rs.getTimestamp("revoque_le");
				return new ApiToken(rs.getString("id"), rs.getString("nom"), rs.getTimestamp("cree_le").toInstant(),
						used == null ? null : used.toInstant(), revoked == null ? null : revoked.toInstant());
			})
			.list();
	}

	/** Revokes one of the account's tokens; false when it has no such token. */
	public boolean revokeToken(String accountId, String tokenId, Instant now) {
		return jdbc
			.sql("update jeton_api set revoque_le = coalesce(revoque_le, :now) where id = :id "
					+ "and compte_id = :account")
			.param("id", UUID.fromString(tokenId))
			.param("account", UUID.fromString(accountId))
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	/** The active account of a token that is not revoked, noting its use. */
	public Optional<Account> findAccountByToken(String tokenHash, Instant now) {
		Optional<String> accountId = jdbc
			.sql("update jeton_api set utilise_le = :now where jeton_hash = :hash and revoque_le is null "
					+ "returning compte_id")
			.param("hash", tokenHash)
			.param("now", Timestamp.from(now))
			.query(String.class)
			.optional();
		return accountId.flatMap(this::findById).filter(Account::active);
	}

	/** Members who receive reminders: active, with a password, not opted out. */
	public List<Account> listMembersForReminders() {
		return jdbc
			.sql(ACCOUNT + "where c.role = 'membre' and c.actif and c.mot_de_passe is not null and c.rappels "
					+ "order by c.courriel")
			.query((rs, row) -> mapAccount(rs))
			.list();
	}

	/**
	 * Active accounts with a password that hold that scope (« structure:… »), by address.
	 */
	public List<Account> listActiveWithScope(String level, String code) {
		return jdbc
			.sql(ACCOUNT + "where c.actif and c.mot_de_passe is not null and exists (select 1 from compte_territoire t "
					+ "where t.compte_id = c.id and t.niveau = :level and t.code = :code) order by c.courriel")
			.param("level", level)
			.param("code", code)
			.query((rs, row) -> mapAccount(rs))
			.list();
	}

	/** Active administrators with a password, by address. */
	public List<Account> listActiveAdministrators() {
		return jdbc
			.sql(ACCOUNT + "where c.actif and c.mot_de_passe is not null and c.role = 'administrateur' "
					+ "order by c.courriel")
			.query((rs, row) -> mapAccount(rs))
			.list();
	}

	public void stopReminders(String accountId) {
		jdbc.sql("update compte set rappels = false where id = :id").param("id", UUID.fromString(accountId)).update();
	}

	public void insertMail(String to, String subject, String body, Instant now) {
		jdbc.sql("insert into courriel_sortant (id, destinataire, sujet, corps, cree_le) "
				+ "values (:id, :to, :subject, :body, :now)")
			.param("id", UUID.randomUUID())
			.param("to", to)
			.param("subject", subject)
			.param("body", body)
			.param("now", Timestamp.from(now))
			.update();
	}

	/**
	 * Keeps an e-mail with its attachments (names, types and contents, in the same
	 * order), as a JSON array of {nom, type, contenu (base64)}.
	 */
	public void insertMail(String to, String subject, String body, List<String> names, List<String> types,
			List<String> base64Contents, Instant now) {
		jdbc.sql("""
				insert into courriel_sortant (id, destinataire, sujet, corps, cree_le, pieces_jointes)
				values (:id, :to, :subject, :body, :now,
				    (select jsonb_agg(jsonb_build_object('nom', n, 'type', t, 'contenu', c) order by o)
				     from unnest(cast(:names as text[]), cast(:types as text[]), cast(:contents as text[]))
				       with ordinality as p(n, t, c, o)))""")
			.param("id", UUID.randomUUID())
			.param("to", to)
			.param("subject", subject)
			.param("body", body)
			.param("now", Timestamp.from(now))
			.param("names", names.toArray(String[]::new))
			.param("types", types.toArray(String[]::new))
			.param("contents", base64Contents.toArray(String[]::new))
			.update();
	}

	public List<Mail> listMails(int limit) {
		return jdbc.sql("select * from courriel_sortant order by cree_le desc, id limit :limit")
			.param("limit", limit)
			.query((rs, row) -> new Mail(rs.getString("id"), rs.getString("destinataire"), rs.getString("sujet"),
					rs.getString("corps"), rs.getTimestamp("cree_le").toInstant()))
			.list();
	}

	private static Account mapAccount(ResultSet rs) throws SQLException {
		String territories = rs.getString("territoires");
		return new Account(rs.getString("id"), rs.getString("courriel"), rs.getString("nom"),
				Role.ofCode(rs.getString("role")), territories.isEmpty() ? List.of() : List.of(territories.split(",")),
				rs.getBoolean("actif"), rs.getBoolean("mot_de_passe_defini"));
	}

}
