package fr.maillage.coordination.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Who carries a body, as a table: a sous-gouvernance exactly one porteur, others at most
 * one.
 */
class PorteurPolicyTest {

	@ParameterizedTest(name = "{0} with [{1}]: accepted {2}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			sous_gouvernance | porteur                      | true
			sous_gouvernance | porteur membre financeur     | true
			sous_gouvernance | porteur co_porteur co_porteur | true
			sous_gouvernance | -                            | false
			sous_gouvernance | membre co_porteur            | false
			sous_gouvernance | porteur porteur              | false
			comite_technique | -                            | true
			comite_technique | membre membre financeur      | true
			comite_technique | porteur co_porteur           | true
			comite_technique | porteur porteur membre       | false
			comite_pilotage  | financeur                    | true
			pleniere         | porteur porteur              | false
			autre            | -                            | true
			""")
	void aBodysPorteurs(String type, String roles, boolean accepted) {
		List<MemberRole> members = roles == null ? List.of()
				: Arrays.stream(roles.split(" ")).map(code -> MemberRole.findByCode(code).orElseThrow()).toList();

		assertThat(PorteurPolicy.check(BodyType.findByCode(type).orElseThrow(), members).isEmpty()).isEqualTo(accepted);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			sous_gouvernance | | désignez la structure qui la porte
			pleniere | porteur porteur | un seul porteur (2 désignés)
			""")
	void saysWhatIsWrongInFrench(String type, String roles, String message) {
		List<MemberRole> members = roles == null ? List.of()
				: Arrays.stream(roles.split(" ")).map(code -> MemberRole.findByCode(code).orElseThrow()).toList();

		assertThat(PorteurPolicy.check(BodyType.findByCode(type).orElseThrow(), members))
			.hasValueSatisfying(problem -> assertThat(problem).contains(message));
	}

}
