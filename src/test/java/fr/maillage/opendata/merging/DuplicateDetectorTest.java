package fr.maillage.opendata.merging;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.opendata.merging.DuplicateDetector.Decision;
import fr.maillage.opendata.merging.DuplicateDetector.ScoredPair;
import org.junit.jupiter.api.Test;

class DuplicateDetectorTest {

	private static MergeCandidate place(String name, String address, double latitude, String pivot) {
		return new MergeCandidate(name + address, "test", name, address, "16800", "soyaux", "Soyaux", latitude, 0.2,
				pivot);
	}

	private static Decision decide(MergeCandidate a, MergeCandidate b) {
		return new ScoredPair(a, b, DuplicateDetector.score(a, b)).decision();
	}

	@Test
	void theSameTownHallWrittenTwoWaysIsOnePlace() {
		assertThat(decide(place("Mairie de SOYAUX", "235 Avenue du General de Gaulle", 45.64, "21160374100011"),
				place("MAIRIE DE SOYAUX", "235 AV DU GENERAL DE GAULLE", 45.64, "21160374100011")))
			.isEqualTo(Decision.SAME_PLACE);
	}

	@Test
	void aFranceServicesNamedAfterItsHostIsOnePlace() {
		assertThat(decide(place("France services Omega Soyaux", "Place Jean-Jacques Rousseau", 45.64, null),
				place("OMEGA - SOYAUX", "Place Jean Jacques Rousseau", 45.64, "42017950900021")))
			.isEqualTo(Decision.SAME_PLACE);
	}

	@Test
	void aCentreKnownByItsInitialsInOneSourceAndByItsFullNameInAnotherIsOnePlace() {
		MergeCandidate initials = place("CSCS FLEP", "9 boulevard Léon Blum 16800 SOYAUX", 45.64, "78125600300034");
		MergeCandidate fullName = place("FOYER LAIQUE EDUCATION PERMANENTE", "7 Boulevard Leon Blum", 45.6402,
				"78125600300034");
		assertThat(decide(initials, fullName)).isEqualTo(Decision.SAME_PLACE);
		assertThat(DuplicateDetector.explain(initials, fullName)).contains(
				"« FLEP » est le sigle de « foyer laique education permanente »",
				"Même rue, numéros différents (9 et 7)", "Même SIRET");
	}

	@Test
	void lettersWrittenApartAreNotTheWordsOfAnAcronym() {
		MergeCandidate a = place("RIB", "1 rue du Port", 45.64, null);
		MergeCandidate b = place("R I B", "8 rue de la Gare", 45.64, null);
		assertThat(DuplicateDetector.findAcronym(a, b)).isEmpty();
	}

	@Test
	void initialsOfTwoLettersAreNotReadAsAnAcronym() {
		MergeCandidate a = place("CC Porte", "1 rue du Port", 45.64, null);
		MergeCandidate b = place("Centre Culturel", "8 rue de la Gare", 45.64, null);
		assertThat(DuplicateDetector.findAcronym(a, b)).isEmpty();
	}

	@Test
	void aNetworksPlaceUnderTwoNameVariantsAtTwoAddressesIsProposedWithItsReasons() {
		// as the Charente file gives them, 245 m apart
		MergeCandidate a = new MergeCandidate("fs-2009", "france-services", "France services Rouillacais",
				"Boulevard d’Encamp", "16170", "rouillac", "Rouillac", 45.7760, -0.0617, null);
		MergeCandidate b = new MergeCandidate("ac-1738", "aidants-connect", "Espace France Services Rouillac",
				"314 Avenue Jean Monnet 16170 Rouillac", "16170", "rouillac", "Rouillac", 45.7782, -0.0617,
				"24160030300051");
		assertThat(decide(a, b)).isEqualTo(Decision.TO_REVIEW);
		assertThat(DuplicateDetector.explain(a, b)).contains("Noms équivalents")
			.anySatisfy(reason -> assertThat(reason).startsWith("Adresses différentes"))
			.anySatisfy(reason -> assertThat(reason).contains("proposés à une personne"));
	}

	@Test
	void twoOrganisationsInTheSameBuildingAreNotMergedWithoutAPerson() {
		assertThat(decide(place("Espace Intérim", "142 rue Henri Fichon", 45.69, "43529334500011"),
				place("ADRESSE", "142 Rue Henri FICHON", 45.69, "34285725700014")))
			.isNotEqualTo(Decision.SAME_PLACE);
	}

	@Test
	void thePlaceholderPivotIsNotAnIdentity() {
		MergeCandidate a = place("Cyberbase", "Place Jean Jacques Rousseau", 45.64, "00000000000000");
		MergeCandidate b = place("La Poste Communale", "Place Jean Jacques Rousseau", 45.64, "00000000000000");
		assertThat(a.hasPivot()).isFalse();
		assertThat(DuplicateDetector.score(a, b)).isLessThan(DuplicateDetector.MERGE_THRESHOLD);
	}

	@Test
	void aDifferentHouseNumberWeighsAgainst() {
		assertThat(DuplicateDetector.streetSimilarity(place("A", "7 Boulevard Leon Blum", 45.64, null),
				place("B", "9 boulevard Léon Blum", 45.64, null)))
			.isEqualTo(0.6);
		assertThat(DuplicateDetector.streetSimilarity(place("A", "7 Bd Leon Blum", 45.64, null),
				place("B", "7 boulevard Léon Blum", 45.64, null)))
			.isEqualTo(1.0);
	}

	@Test
	void farApartInDifferentCommunesIsNeverCompared() {
		MergeCandidate a = place("APEJ", "72 Rue de Pons", 45.69, null);
		MergeCandidate b = new MergeCandidate("x", "test", "APEJ", "72 Rue de Pons", "16100", "cognac", "Cognac", 45.0,
				0.2, null);
		assertThat(DuplicateDetector.inSameBlock(a, b)).isFalse();
		assertThat(DuplicateDetector.findPairs(java.util.List.of(a, b))).isEmpty();
	}

}
