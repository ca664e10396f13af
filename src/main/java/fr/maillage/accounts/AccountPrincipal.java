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

	static AccountPrincipal of(Account account) {
		return new AccountPrincipal(account.id(), account.email(), account.name(), account.role(),
				account.territories());
	}

}
