package fr.maillage.accounts;

import java.util.List;

/**
 * A person who signs in.
 *
 * @param email lower case; the login
 * @param territories what the account is scoped to: for a coordinator, "departement:69"
 * or "epci:200046977"; for a member, "structure:&lt;id&gt;"
 * @param passwordSet whether the invitation was accepted
 */
public record Account(String id, String email, String name, Role role, List<String> territories, boolean active,
		boolean passwordSet) {

	public Account {
		territories = List.copyOf(territories);
	}

}
