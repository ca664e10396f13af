package fr.maillage.contributions.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** What the confirmation lists as changed. */
class PlaceFormTest {

	@Test
	void changesAreListedWithFrenchLabelsAndValuesAsThePublicSeesThem() {
		Map<String, String> before = Map.of("nom", "Service Info 16", "pivot", "00000000000000", "horaires",
				"We 09:00-12:00", "services", "A|B", "telephone", "+33545826200");
		Map<String, String> after = Map.of("nom", "Service Info 16 — Cognac", "pivot", "", "horaires", "Mo 09:00-12:00",
				"services", "B|A", "telephone", "+33545826200");

		assertThat(PlaceForm.changes(before, after)).extracting(PlaceForm.Change::label)
			// the fourteen zeros are no SIRET, the same services in another order no
			// change
			.containsExactly("Nom du lieu", "Horaires");
		assertThat(PlaceForm.changes(before, after).get(1).after()).contains("lundi");
	}

	@Test
	void aTextWhoseWordsMovedIsAChange() {
		assertThat(PlaceForm.changes(Map.of("nom", "Paris, Lyon"), Map.of("nom", "Lyon, Paris"))).hasSize(1);
	}

}
