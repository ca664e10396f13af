package fr.maillage.contributions.domain;

import java.util.List;

import fr.maillage.accounts.AccountPrincipal;
import fr.maillage.accounts.Role;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The rule of who may edit a lieu, as a table: one line per case. */
class EditingPolicyTest {

	private static final String STRUCTURE = "0b0e8f5e-3c1a-4d6e-9f00-2a6c1d5e7b11";

	private static final String OTHER_STRUCTURE = "9a9e8f5e-3c1a-4d6e-9f00-2a6c1d5e7b11";

	@ParameterizedTest(name = "{0} {1} — lieu in {2}/{3}/{4} of structure {5} → {6}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			# role         | scopes                                   | dép. | coll. | epci      | structure  | may edit
			ADMINISTRATEUR | -                                        | 971  | -     | -         | -          | true
			COORDINATEUR   | departement:16                           | 16   | -     | 200071827 | -          | true
			COORDINATEUR   | departement:16                           | 69   | 69M   | 200046977 | -          | false
			COORDINATEUR   | epci:200046977                           | 69   | 69M   | 200046977 | -          | true
			COORDINATEUR   | epci:200046977                           | 69   | -     | -         | -          | false
			# the Rhône's two collectivités: a lieu of Lyon is « 69 » and lies in 69M
			COORDINATEUR   | departement:69M                          | 69   | 69M   | 200046977 | -          | true
			COORDINATEUR   | departement:69D                          | 69   | 69M   | 200046977 | -          | false
			COORDINATEUR   | departement:69D                          | 69   | 69D   | 246900245 | -          | true
			COORDINATEUR   | departement:69                           | 69   | 69D   | 246900245 | -          | true
			# a coordinator's territory, not a structure, decides
			COORDINATEUR   | structure:0b0e8f5e-3c1a-4d6e-9f00-2a6c1d5e7b11 | 16 | - | -         | STRUCTURE  | false
			MEMBRE         | structure:0b0e8f5e-3c1a-4d6e-9f00-2a6c1d5e7b11 | 16 | - | -         | STRUCTURE  | true
			MEMBRE         | structure:0b0e8f5e-3c1a-4d6e-9f00-2a6c1d5e7b11 | 16 | - | -         | OTHER      | false
			MEMBRE         | structure:0b0e8f5e-3c1a-4d6e-9f00-2a6c1d5e7b11 | 16 | - | -         | -          | false
			# a member's territory is its structure, not the département
			MEMBRE         | departement:16                           | 16   | -     | -         | -          | false
			""")
	void whoMayEditALieu(Role role, String scopes, String departement, String collectivite, String epci,
			String structure, boolean mayEdit) {
		AccountPrincipal account = new AccountPrincipal("id", "a@b.fr", "A", role,
				scopes == null ? List.of() : List.of(scopes.split(",")));
		String attachedTo = structure == null ? null : structure.equals("STRUCTURE") ? STRUCTURE : OTHER_STRUCTURE;

		assertThat(EditingPolicy.mayEdit(account, new LieuTerritory(departement, collectivite, epci), attachedTo))
			.isEqualTo(mayEdit);
	}

	@ParameterizedTest(name = "{0} {1} coordinates a lieu of {2}/{3}: {4}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			ADMINISTRATEUR | -                                              | 16 | -   | true
			COORDINATEUR   | departement:16                                 | 16 | -   | true
			COORDINATEUR   | departement:69D                                | 69 | 69M | false
			MEMBRE         | structure:0b0e8f5e-3c1a-4d6e-9f00-2a6c1d5e7b11 | 16 | -   | false
			""")
	void onlyTheTerritorysCoordinatorsAttachLieuxAndInviteMembers(Role role, String scopes, String departement,
			String collectivite, boolean mayCoordinate) {
		AccountPrincipal account = new AccountPrincipal("id", "a@b.fr", "A", role,
				scopes == null ? List.of() : List.of(scopes.split(",")));

		assertThat(EditingPolicy.mayCoordinate(account, new LieuTerritory(departement, collectivite, null)))
			.isEqualTo(mayCoordinate);
	}

}
