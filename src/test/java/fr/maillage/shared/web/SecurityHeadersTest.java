package fr.maillage.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecurityHeadersTest {

	@Test
	void allowsTheTileServersOriginOnly() {
		assertThat(SecurityHeaders.tileSource("https://tile.openstreetmap.org/{z}/{x}/{y}.png"))
			.isEqualTo("https://tile.openstreetmap.org");
		assertThat(SecurityHeaders.tileSource("https://{s}.tile.openstreetmap.fr/osmfr/{z}/{x}/{y}.png"))
			.isEqualTo("https://*.tile.openstreetmap.fr");
		assertThat(SecurityHeaders.tileSource("http://localhost:8081/tuiles/{z}/{x}/{y}.png"))
			.isEqualTo("http://localhost:8081");
		assertThat(SecurityHeaders.tileSource("https://tuiles-{s}.example.fr/{z}/{x}/{y}.png")).isEqualTo("https:");
	}

	@Test
	void addsNothingForNoOrAnOddTileServer() {
		assertThat(SecurityHeaders.tileSource("")).isEmpty();
		assertThat(SecurityHeaders.tileSource(null)).isEmpty();
		assertThat(SecurityHeaders.tileSource("javascript:alert(1)")).isEmpty();
		assertThat(SecurityHeaders.tileSource("https://a.example; script-src *")).isEqualTo("https:");
	}

	@Test
	void thePolicyRunsNoInlineScriptAndNamesTheTiles() {
		String policy = new SecurityHeaders("https://tile.openstreetmap.org/{z}/{x}/{y}.png").pagePolicy();
		assertThat(policy)
			.contains("default-src 'self'", "script-src 'self';", "style-src 'self';",
					"img-src 'self' data: https://tile.openstreetmap.org;", "object-src 'none'", "base-uri 'self'",
					"form-action 'self'", "frame-ancestors 'none'")
			.doesNotContain("unsafe-inline", "unsafe-eval");
	}

}
