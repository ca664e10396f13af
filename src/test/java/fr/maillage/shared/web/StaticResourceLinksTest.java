package fr.maillage.shared.web;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.web.WebProperties;

import static org.assertj.core.api.Assertions.assertThat;

class StaticResourceLinksTest {

	@Test
	void theStaticLocationsHoldTheStylesScriptsAndWebjars() {
		Set<String> segments = StaticResourceLinks
			.firstSegments(new WebProperties().getResources().getStaticLocations());

		assertThat(segments).contains("css", "js", "webjars").doesNotContain("lieux", "api", "");
	}

	@Test
	void onlyLinksUnderAStaticFirstSegmentCanBeFiles() {
		Set<String> segments = Set.of("css", "js", "webjars", "favicon.ico");

		assertThat(StaticResourceLinks.canBeStatic("/css/maillage.css", segments)).isTrue();
		assertThat(StaticResourceLinks.canBeStatic("/webjars/htmx.org/2.0.4/dist/htmx.min.js", segments)).isTrue();
		assertThat(StaticResourceLinks.canBeStatic("/favicon.ico", segments)).isTrue();
		assertThat(StaticResourceLinks.canBeStatic("/favicon.ico?v=2", segments)).isTrue();
		assertThat(StaticResourceLinks.canBeStatic("/lieux/0ae303b0-dd77-3325-89d7-d3dfcca517fc", segments)).isFalse();
		assertThat(StaticResourceLinks.canBeStatic("/", segments)).isFalse();
		assertThat(StaticResourceLinks.canBeStatic("/?q=lyon", segments)).isFalse();
		assertThat(StaticResourceLinks.canBeStatic("/cssx/a.css", segments)).isFalse();
		assertThat(StaticResourceLinks.canBeStatic("https://exemple.fr/css/a.css", segments)).isFalse();
	}

}
