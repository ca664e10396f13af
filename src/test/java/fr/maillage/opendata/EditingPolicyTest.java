package fr.maillage.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import fr.maillage.accounts.AccountPrincipal;
import fr.maillage.accounts.Role;
import org.junit.jupiter.api.Test;

class EditingPolicyTest {

	private static AccountPrincipal account(Role role, String... territories) {
		return new AccountPrincipal("id", "a@b.fr", "A", role, List.of(territories));
	}

	@Test
	void aCoordinatorEditsTheLieuxOfItsDepartementsAndEpciOnly() {
		AccountPrincipal charente = account(Role.COORDINATEUR, "departement:16");
		AccountPrincipal grandLyon = account(Role.COORDINATEUR, "epci:200046977");

		assertThat(EditingPolicy.mayEdit(charente, "16", "200071827")).isTrue();
		assertThat(EditingPolicy.mayEdit(charente, "69", "200046977")).isFalse();
		assertThat(EditingPolicy.mayEdit(grandLyon, "69", "200046977")).isTrue();
		assertThat(EditingPolicy.mayEdit(grandLyon, "69", null)).isFalse();
	}

	@Test
	void anAdministratorEditsAnyLieuAndAMemberWithoutStructureNone() {
		assertThat(EditingPolicy.mayEdit(account(Role.ADMINISTRATEUR), "971", null)).isTrue();
		assertThat(EditingPolicy.mayEdit(account(Role.MEMBRE, "departement:16"), "16", null)).isFalse();
	}

}
