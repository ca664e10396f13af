package fr.maillage.shared.text;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class TextFoldingTest {

	@Test
	void ignoresAccentsCaseApostrophesAndPunctuation() {
		assertThat(TextFolding.searchKey("Saint-Étienne")).isEqualTo("saint etienne");
		assertThat(TextFolding.fold("Point d’accès  numérique")).isEqualTo("point d'acces numerique");
		assertThat(TextFolding.searchKey("CŒUR de l'Île")).isEqualTo("coeur de l ile");
	}

	@Property
	void foldingTwiceChangesNothing(@ForAll String text) {
		assertThat(TextFolding.searchKey(TextFolding.searchKey(text))).isEqualTo(TextFolding.searchKey(text));
	}

}
