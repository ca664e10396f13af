package fr.maillage.coordination.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import fr.maillage.accounts.AccountPrincipal;
import fr.maillage.accounts.Role;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Who manages an actor, as a table: a coordinator its territories only. */
class ActorManagementPolicyTest {

	@ParameterizedTest(name = "{0} {1} manages an actor of {2}/{3}: {4}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			ADMINISTRATEUR | -                | 971 | -         | true
			COORDINATEUR   | departement:69   | 69  | -         | true
			COORDINATEUR   | departement:69M  | 69M | 200046977 | true
			COORDINATEUR   | departement:69   | 69M | -         | true
			COORDINATEUR   | departement:69D  | 69M | -         | false
			COORDINATEUR   | departement:69M  | 69  | -         | false
			COORDINATEUR   | departement:16   | 69  | -         | false
			COORDINATEUR   | epci:200046977   | 69M | 200046977 | true
			COORDINATEUR   | epci:200046977   | 69M | -         | false
			MEMBRE         | structure:x      | 69  | -         | false
			""")
	void whoManagesAnActor(Role role, String scopes, String departement, String epci, boolean manages) {
		AccountPrincipal account = new AccountPrincipal("id", "a@b.fr", "A", role,
				scopes == null ? List.of() : List.of(scopes));

		assertThat(ActorManagementPolicy.mayManage(account, departement, epci)).isEqualTo(manages);
	}

}
