package fr.maillage.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.mock.env.MockEnvironment;

/**
 * Links in e-mails come from the configured public address only (issue 14): production
 * does not start without it, and says why in French.
 */
class PublicAddressTest {

	@Test
	void theConfiguredAddressIsTheOnlySource() {
		MockEnvironment environment = new MockEnvironment().withProperty("maillage.url-publique",
				"https://maillage.exemple.fr/");
		assertThat(new PublicAddress(environment).get()).isEqualTo("https://maillage.exemple.fr");
	}

	@Test
	void withoutItTheApplicationDoesNotStartAndSaysWhatToSet() {
		assertThatThrownBy(() -> new PublicAddress(new MockEnvironment()))
			.isInstanceOf(PublicAddress.MissingPublicAddressException.class)
			.hasMessageStartingWith("MAILLAGE_URL_PUBLIQUE n'est pas définie.")
			.hasMessageContaining("https://maillage.exemple.fr");
		// the other analyzers need a running application: skip those
		assertThat(SpringFactoriesLoader.forDefaultResourceLocation(getClass().getClassLoader())
			.load(FailureAnalyzer.class, SpringFactoriesLoader.FailureHandler.handleMessage((message, failure) -> {
			}))).anySatisfy(analyzer -> assertThat(analyzer)
				.isInstanceOf(PublicAddress.MissingPublicAddressFailureAnalyzer.class));
		PublicAddress.MissingPublicAddressException missing = new PublicAddress.MissingPublicAddressException("x");
		assertThat(new PublicAddress.MissingPublicAddressFailureAnalyzer().analyze(missing).getAction())
			.contains("MAILLAGE_URL_PUBLIQUE");
	}

	@ParameterizedTest
	@ValueSource(strings = { "maillage.exemple.fr", "ftp://maillage.exemple.fr", "https://", "https://x.fr/?a=b",
			"https://moi@x.fr", "http://x.fr/#ancre" })
	void anAddressThatIsNotASiteIsRefused(String address) {
		assertThatThrownBy(
				() -> new PublicAddress(new MockEnvironment().withProperty("maillage.url-publique", address)))
			.isInstanceOf(PublicAddress.MissingPublicAddressException.class)
			.hasMessageContaining("n'est pas une adresse de site valable");
	}

}
