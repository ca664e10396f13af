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

		assertThat(EditingPolicy.mayEdit(charente, "16", "200071827", null)).isTrue();
		assertThat(EditingPolicy.mayEdit(charente, "69", "200046977", null)).isFalse();
		assertThat(EditingPolicy.mayEdit(grandLyon, "69", "200046977", null)).isTrue();
		assertThat(EditingPolicy.mayEdit(grandLyon, "69", null, null)).isFalse();
	}

	@Test
	void anAdministratorEditsAnyLieuAndAMemberTheLieuxOfItsStructure() {
		String structure = "0b0e8f5e-3c1a-4d6e-9f00-2a6c1d5e7b11";
		AccountPrincipal member = account(Role.MEMBRE, "structure:" + structure);
		assertThat(EditingPolicy.mayEdit(account(Role.ADMINISTRATEUR), "971", null, null)).isTrue();
		assertThat(EditingPolicy.mayEdit(member, "16", null, structure)).isTrue();
		assertThat(EditingPolicy.mayEdit(member, "16", null, "9a9e8f5e-3c1a-4d6e-9f00-2a6c1d5e7b11")).isFalse();
		assertThat(EditingPolicy.mayEdit(member, "16", null, null)).isFalse();
		// a member's territory is its structure, not the département
		assertThat(EditingPolicy.mayEdit(account(Role.MEMBRE, "departement:16"), "16", null, null)).isFalse();
	}

}
