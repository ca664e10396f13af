package fr.maillage.shared.web;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.web.WebProperties;

import static org.assertj.core.api.Assertions.assertThat;

class StaticResourceLinksTest {

	private final StaticResourceLinks.StaticPaths paths = new StaticResourceLinks.StaticPaths(
			new WebProperties().getResources().getStaticLocations());

	@Test
	void stylesScriptsAndWebjarsCanBeFiles() {
		assertThat(paths.canBeStatic("/css/maillage.css")).isTrue();
		assertThat(paths.canBeStatic("/js/recherche.js")).isTrue();
		assertThat(paths.canBeStatic("/webjars/htmx.org/2.0.4/dist/htmx.min.js")).isTrue();
		assertThat(paths.canBeStatic("/css/maillage.css?v=2")).isTrue();
	}

	@Test
	void linksToPagesCannot() {
		assertThat(paths.canBeStatic("/lieux/0ae303b0-dd77-3325-89d7-d3dfcca517fc")).isFalse();
		assertThat(paths.canBeStatic("/lieux/0ae303b0-dd77-3325-89d7-d3dfcca517fc")).isFalse();
		assertThat(paths.canBeStatic("/")).isFalse();
		assertThat(paths.canBeStatic("/?q=lyon")).isFalse();
		assertThat(paths.canBeStatic("/territoires/69")).isFalse();
		assertThat(paths.canBeStatic("/cssx/a.css")).isFalse();
		assertThat(paths.canBeStatic("https://exemple.fr/css/a.css")).isFalse();
	}

}
