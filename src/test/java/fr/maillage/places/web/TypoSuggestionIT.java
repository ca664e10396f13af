package fr.maillage.places.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.testing.EmptyDirectoryApiTest;
import org.junit.jupiter.api.Test;

/**
 * A misspelt town on the public search (issue 17): « Lyonn » once found « Cognat-Lyonne
 * (03) » by the second word of its name and searched there, without offering « Lyon ».
 */
class TypoSuggestionIT extends EmptyDirectoryApiTest {

	@Test
	void lyonnSuggestsLyonBeforeANameALaterWordOfWhichStartsSo() {
		String page = api.get("/?q=Lyonn").body();
		assertThat(page).contains("Aucune commune ni aucun code postal ne s’écrit exactement « Lyonn ».")
			.contains("Vouliez-vous dire l’une de ces communes ?");
		assertThat(page.indexOf(">Lyon (69)<")).isPositive().isLessThan(page.indexOf(">Cognat-Lyonne (03)<"));
		// nothing searched unasked: no results heading for Cognat-Lyonne
		assertThat(page).doesNotContain("km de Cognat-Lyonne");
	}

	@Test
	void aNameThatStartsSoIsStillSearchedAtOnce() {
		assertThat(api.get("/?q=Lyon").body()).doesNotContain("Vouliez-vous dire");
		assertThat(api.get("/?q=Cognat").body()).doesNotContain("Vouliez-vous dire").contains("Cognat-Lyonne");
		// a later word alone that is also the nearest spelling (L'Arbresle) is searched
		// at once
		assertThat(api.get("/?q=Arbresle").body()).doesNotContain("Vouliez-vous dire").contains("L&#39;Arbresle");
		// « Lyonne »: the Yonne is a letter away, Cognat-Lyonne starts a later word: both
		// offered
		String lyonne = api.get("/?q=Lyonne").body();
		assertThat(lyonne).contains("Vouliez-vous dire").contains(">Yonne (89)<").contains(">Cognat-Lyonne (03)<");
	}

}
