package fr.maillage.shared.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TopLevelDomainsTest {

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource({ "contact@mairie-soyaux.fr, true", "accueil@france-services.gouv.fr, true",
			"genevois@france-services.gouv, false", "biblio@mainoyve.fr.fto, false", "epn@ville.BZH, true",
			"info@mediatheque.paris, true", "x@localhost, false", "pas-une-adresse, false", "a@b.fr., true" })
	void anAddressReachesADomainThatExists(String email, boolean known) {
		assertThat(TopLevelDomains.isKnownMailDomain(email)).isEqualTo(known);
	}

}
