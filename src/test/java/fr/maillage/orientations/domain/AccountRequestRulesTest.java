package fr.maillage.orientations.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a request for a professional account needs, field by field (issue 16). */
class AccountRequestRulesTest {

	@Test
	void aCompleteRequestHasNoProblem() {
		assertThat(AccountRequestRules.problems("Camille Guichet", " Camille@CCAS.fr ", "CCAS", "130 000 145 00016"))
			.isEmpty();
		// an association without SIRET gives its RNA number
		assertThat(AccountRequestRules.problems("Camille", "camille@asso.fr", "Association", "W691234567")).isEmpty();
	}

	@Test
	void eachMissingOrWrongFieldIsNamed() {
		assertThat(AccountRequestRules.problems(" ", "", " ", "")).containsOnlyKeys("nom", "courriel", "structure",
				"siret");
		assertThat(AccountRequestRules.problems("C", "camille@", "CCAS", "130 000 145 00016"))
			.containsOnlyKeys("courriel");
		assertThat(AccountRequestRules.problems("C", "camille@ccas.fr", "CCAS", "130 000 145 00017").get("siret"))
			.contains("clé de contrôle");
		assertThat(AccountRequestRules.problems("C".repeat(201), "camille@ccas.fr", "S".repeat(201), "W691234567"))
			.containsOnlyKeys("nom", "structure");
	}

	@Test
	void tenRequestsAnHourFromOneClientAreEnough() {
		assertThat(AccountRequestRules.isThrottled(9)).isFalse();
		assertThat(AccountRequestRules.isThrottled(10)).isTrue();
		assertThat(AccountRequestRules.normaliseEmail(" Camille@CCAS.fr ")).isEqualTo("camille@ccas.fr");
	}

}
