package fr.maillage.coordination.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import fr.maillage.accounts.AccountPrincipal;
import fr.maillage.accounts.Role;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Who publishes a département's charter, as a table: its coordination, not an EPCI's. */
class CharterPolicyTest {

	@ParameterizedTest(name = "{0} {1} publishes the charter of {2}: {3}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			ADMINISTRATEUR | -               | 16  | true
			COORDINATEUR   | departement:69  | 69  | true
			COORDINATEUR   | departement:69  | 69M | true
			COORDINATEUR   | departement:69M | 69M | true
			COORDINATEUR   | departement:69M | 69  | false
			COORDINATEUR   | departement:16  | 69  | false
			COORDINATEUR   | epci:200046977  | 69M | false
			MEMBRE         | structure:x     | 69  | false
			""")
	void whoPublishes(Role role, String scopes, String departement, boolean publishes) {
		AccountPrincipal account = new AccountPrincipal("id", "a@b.fr", "A", role,
				scopes == null ? List.of() : List.of(scopes));

		assertThat(CharterPolicy.mayPublish(account, departement)).isEqualTo(publishes);
	}

}
