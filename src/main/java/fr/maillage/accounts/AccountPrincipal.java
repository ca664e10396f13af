package fr.maillage.accounts;

import java.io.Serializable;
import java.util.List;

import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * Who is signed in, as kept in the session (serialised into PostgreSQL by Spring Session,
 * hence small and {@link Serializable}).
 */
public record AccountPrincipal(String id, String email, String name, Role role,
		List<String> territories) implements Serializable, AuthenticatedPrincipal {

	public AccountPrincipal {
		territories = List.copyOf(territories);
	}

	/** The name sessions are indexed by: the login. */
	@Override
	public String getName() {
		return email;
	}

	/** How decisions and edits name their author: "Name <address>". */
	public String signature() {
		return name + " <" + email + ">";
	}

	/**
	 * The codes of one level of the account's scopes: {@code scopes("departement")} gives
	 * ["16", "17"] for "departement:16", "departement:17".
	 */
	public List<String> scopes(String level) {
		String prefix = level + ":";
		return territories.stream()
			.filter(scope -> scope.startsWith(prefix))
			.map(scope -> scope.substring(prefix.length()))
			.toList();
	}

	static AccountPrincipal of(Account account) {
		return new AccountPrincipal(account.id(), account.email(), account.name(), account.role(),
				account.territories());
	}

}
