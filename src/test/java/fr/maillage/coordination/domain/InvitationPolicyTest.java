package fr.maillage.coordination.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Whose referent may be invited through the directory, as a table (ADR 0025). */
class InvitationPolicyTest {

	@ParameterizedTest(name = "referent {0}, e-mail {1}, consents {2} → {3}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			false | -            | -                       | aucun référent
			true  | -            | invitations             | pas d'adresse
			true  | '  '         | invitations             | pas d'adresse
			true  | c@mairie.fr  | -                       | accord
			true  | c@mairie.fr  | publication             | accord
			true  | c@mairie.fr  | invitations             | -
			true  | c@mairie.fr  | publication+invitations | -
			""")
	void whoMayBeInvited(boolean referent, String email, String consents, String refusal) {
		Map<ConsentPurpose, Instant> inForce = new java.util.EnumMap<>(ConsentPurpose.class);
		if (consents != null) {
			for (String code : consents.split("\\+")) {
				inForce.put(ConsentPurpose.findByCode(code).orElseThrow(), Instant.EPOCH);
			}
		}

		String reason = InvitationPolicy.refusal(referent, email, inForce);

		if (refusal == null) {
			assertThat(reason).isNull();
		}
		else {
			assertThat(reason).contains(refusal);
		}
	}

}
