package fr.maillage.shared.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebAddressesTest {

	@ParameterizedTest
	@ValueSource(strings = { "https://www.example.fr", "http://example.fr/rdv?lieu=12&jour=lundi",
			"HTTPS://EXAMPLE.FR/Prise-RDV", "https://rdv.anct.gouv.fr/org/12#agenda", "https://example.fr:8443/a%20b" })
	void keepsHttpAddresses(String address) {
		assertThat(WebAddresses.isHttp(address)).isTrue();
		assertThat(WebAddresses.safe(address)).isEqualTo(address);
	}

	@ParameterizedTest
	@ValueSource(strings = { "javascript:alert(1)", "JavaScript:alert(1)", "JAVASCRIPT:alert(1)",
			" javascript:alert(1)", "\tjavascript:alert(1)", "\njavascript:alert(1)", "java\tscript:alert(1)",
			"java\nscript:alert(1)", "javascript&#58;alert(1)", "javascript&colon;alert(1)", "&#106;avascript:alert(1)",
			"%6Aavascript:alert(1)", "javascript%3Aalert(1)", "data:text/html;base64,PHNjcmlwdD4=",
			"vbscript:msgbox(1)", "//evil.example", "/\\evil.example", "https:/evil.example", "https:\\\\evil.example",
			"http://", "https:// example.fr", "https://example.fr\" onmouseover=\"alert(1)",
			"https://example.fr/<script>", "https://example.fr\u0000", " https://example.fr", "https://example.fr\n",
			"ftp://example.fr", "mailto:a@b.fr", "www.example.fr", "", "file:///etc/passwd" })
	void refusesEverythingElse(String address) {
		assertThat(WebAddresses.isHttp(address)).as(address).isFalse();
		assertThat(WebAddresses.safe(address)).isNull();
	}

}
