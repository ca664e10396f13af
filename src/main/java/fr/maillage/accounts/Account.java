package fr.maillage.accounts;

import java.util.List;

/**
 * A person who signs in.
 *
 * @param email lower case; the login
 * @param territories for a coordinator, "departement:69" or "epci:200046977"
 * @param passwordSet whether the invitation was accepted
 */
public record Account(String id, String email, String name, Role role, List<String> territories, boolean active,
		boolean passwordSet) {

	public Account {
		territories = List.copyOf(territories);
	}

}
