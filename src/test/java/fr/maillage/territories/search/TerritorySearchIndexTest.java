package fr.maillage.territories.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import fr.maillage.territories.Centre;
import fr.maillage.territories.TerritoryHit;
import org.junit.jupiter.api.Test;

class TerritorySearchIndexTest {

	private static TerritorySearchIndex.Entry commune(String code, String nom, String departement, long population,
			String... postalCodes) {
		return new TerritorySearchIndex.Entry(new TerritoryHit("commune", code, nom, nom + " (" + departement + ")",
				departement, population, new Centre(45, 4)), 1, null, List.of(postalCodes));
	}

	private final TerritorySearchIndex index = new TerritorySearchIndex(
			List.of(commune("69123", "Lyon", "69", 520_000, "69001", "69002"),
					commune("69266", "Villeurbanne", "69", 160_000, "69100"),
					commune("69100", "Fontaines-Saint-Martin", "69", 3_000, "69270"),
					commune("97416", "Saint-Pierre", "974", 85_000, "97410"),
					commune("97225", "Saint-Pierre", "972", 4_000, "97250"),
					new TerritorySearchIndex.Entry(new TerritoryHit("epci", "200046977", "Métropole de Lyon",
							"Métropole de Lyon", null, 1_400_000L, null), 2, null, List.of()),
					new TerritorySearchIndex.Entry(
							new TerritoryHit("departement", "69", "Rhône", "Rhône (69)", "69", 1_900_000L, null), 0,
							null, List.of()),
					new TerritorySearchIndex.Entry(new TerritoryHit("departement", "69M", "Métropole de Lyon",
							"Métropole de Lyon (69M)", "69M", 1_400_000L, null), 0, "69", List.of())));

	private List<String> codes(String query) {
		return index.search(query, 10).stream().map(TerritoryHit::code).toList();
	}

	@Test
	void ranksExactNamesThenPrefixesThenLaterWords() {
		assertThat(codes("lyon")).containsExactly("69123", "69M", "200046977");
		assertThat(codes("VILLEURB")).containsExactly("69266");
		assertThat(codes("metropole")).containsExactly("69M", "200046977");
	}

	@Test
	void findsPostcodesBeforeTheInseeCodeThatLooksLikeThem() {
		assertThat(codes("69100")).containsExactly("69266", "69100");
		assertThat(codes("6900")).containsExactly("69123");
	}

	@Test
	void aDepartementNumberAlsoGivesItsCollectivities() {
		assertThat(codes("69")).startsWith("69", "69M");
	}

	@Test
	void homonymsComeLargestFirst() {
		assertThat(index.search("saint pierre", 10)).extracting(TerritoryHit::libelle)
			.containsExactly("Saint-Pierre (974)", "Saint-Pierre (972)");
	}

	@Test
	void findsNothingForPunctuationOnly() {
		assertThat(codes(" - ")).isEmpty();
	}

	@Test
	void suggestsTheNamesOneOrTwoLettersAwayFromAMisspelling() {
		assertThat(index.search("Villeurbane", 5)).isEmpty();
		assertThat(index.suggest("Villeurbane", 5)).extracting(TerritoryHit::code).containsExactly("69266");
		// a letter swapped, accents and case aside
		assertThat(index.suggest("VILLUERBANNE", 5)).extracting(TerritoryHit::code).containsExactly("69266");
		// homonyms: the most populated first
		assertThat(index.suggest("Sant-Pierre", 5)).extracting(TerritoryHit::code).containsExactly("97416", "97225");
		// a short word is not stretched into anything
		assertThat(index.suggest("ly", 5)).isEmpty();
		assertThat(index.suggest("Zzyzx", 5)).isEmpty();
	}

	@Test
	void theDistanceCountsInsertionsDeletionsSubstitutionsAndSwaps() {
		assertThat(TerritorySearchIndex.boundedDistance("villeurbane", "villeurbanne", 2)).isEqualTo(1);
		assertThat(TerritorySearchIndex.boundedDistance("lyon", "loyn", 2)).isEqualTo(1);
		assertThat(TerritorySearchIndex.boundedDistance("bron", "brun", 2)).isEqualTo(1);
		assertThat(TerritorySearchIndex.boundedDistance("lyon", "lyon", 2)).isZero();
		// beyond the bound the answer is only "too far"
		assertThat(TerritorySearchIndex.boundedDistance("paris", "lyon", 2)).isEqualTo(3);
	}

}
