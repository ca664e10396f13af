package fr.maillage.opendata.merging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import fr.maillage.opendata.merging.MergedRecord.Contribution;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class MergePolicyTest {

	private static SourceRecord record(String source, String id, LocalDate updatedOn, String name, String services) {
		return new SourceRecord(source, id, updatedOn,
				Map.of("nom", name, "services", services, "date_maj", updatedOn == null ? "" : updatedOn.toString()));
	}

	@Test
	void theMostRecentValueWinsListsAreUnitedAndTheLoserStaysInTheProvenance() {
		MergedRecord merged = MergePolicy.merge(List.of(
				record("aidants-connect", "66", LocalDate.of(2023, 1, 10), "CSCS FLEP",
						"Aide aux démarches administratives"),
				record("conseiller-numerique", "41", LocalDate.of(2023, 6, 1), "FOYER LAIQUE EDUCATION PERMANENTE",
						"Maîtrise des outils numériques du quotidien")));
		assertThat(merged.fields()).containsEntry("nom", "FOYER LAIQUE EDUCATION PERMANENTE")
			.containsEntry("services", "Maîtrise des outils numériques du quotidien|Aide aux démarches administratives")
			.containsEntry("date_maj", "2023-06-01");
		assertThat(merged.provenance().get("nom")).extracting(Contribution::value, Contribution::kept)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("FOYER LAIQUE EDUCATION PERMANENTE", true),
					org.assertj.core.groups.Tuple.tuple("CSCS FLEP", false));
		assertThat(merged.sources()).extracting(MergedRecord.SourceRef::source)
			.containsExactly("conseiller-numerique", "aidants-connect");
	}

	@Test
	void aRecordWithoutDateLosesToADatedOneButGivesWhatOthersLack() {
		MergedRecord merged = MergePolicy
			.merge(List.of(new SourceRecord("a", "1", null, Map.of("nom", "Sans date", "telephone", "+33545000000")),
					new SourceRecord("b", "2", LocalDate.of(2024, 1, 1), Map.of("nom", "Daté"))));
		assertThat(merged.fields()).containsEntry("nom", "Daté").containsEntry("telephone", "+33545000000");
	}

	private static final Instant MONDAY = Instant.parse("2026-11-30T08:00:00Z");

	private static SourceRecord received(String source, String id, LocalDate updatedOn, Instant changedAt,
			Map<String, String> fields) {
		Map<String, String> withDate = new java.util.HashMap<>(fields);
		withDate.put("date_maj", updatedOn.toString());
		return new SourceRecord(source, id, updatedOn, changedAt, withDate);
	}

	@Test
	void anEditWinsOverASameDayRecordOfAnotherSourceReceivedBeforeIt() {
		LocalDate today = LocalDate.of(2026, 11, 30);
		// "aidants-connect" sorts before "saisie-maillage": by source name it would win
		MergedRecord merged = MergePolicy.merge(List.of(
				received("aidants-connect", "7", today, MONDAY, Map.of("code_postal", "69100", "nom", "Mairie")),
				received(MergePolicy.EDIT_SOURCE, "e1", today, MONDAY.plusSeconds(3600),
						Map.of("code_postal", "69120", "nom", "Mairie"))));
		assertThat(merged.fields()).containsEntry("code_postal", "69120");
		assertThat(merged.provenance().get("code_postal")).extracting(Contribution::value, Contribution::kept)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("69120", true),
					org.assertj.core.groups.Tuple.tuple("69100", false));
	}

	@Test
	void anEditWinsOverARecordOfALaterProducerDateReceivedBeforeIt() {
		MergedRecord merged = MergePolicy
			.merge(List.of(received("dora", "7", LocalDate.of(2027, 1, 1), MONDAY, Map.of("telephone", "+33400000000")),
					received(MergePolicy.EDIT_SOURCE, "e1", LocalDate.of(2026, 11, 30), MONDAY.plusSeconds(60),
							Map.of("telephone", "+33478000000"))));
		assertThat(merged.fields()).containsEntry("telephone", "+33478000000");
	}

	@Test
	void aRecordReceivedAfterAnEditWinsOverIt() {
		MergedRecord merged = MergePolicy.merge(List.of(
				received(MergePolicy.EDIT_SOURCE, "e1", LocalDate.of(2026, 11, 30), MONDAY,
						Map.of("telephone", "+33478000000")),
				received("dora", "7", LocalDate.of(2026, 10, 1), MONDAY.plusSeconds(86_400),
						Map.of("telephone", "+33400000000"))));
		assertThat(merged.fields()).containsEntry("telephone", "+33400000000");
	}

	@Test
	void aFieldAnEditEmptiedStaysEmptyThoughAnOlderSourceGivesIt() {
		MergedRecord merged = MergePolicy.merge(List.of(
				received("dora", "7", LocalDate.of(2026, 10, 1), MONDAY,
						Map.of("telephone", "+33400000000", "latitude", "45.76", "longitude", "4.88")),
				received(MergePolicy.EDIT_SOURCE, "e1", LocalDate.of(2026, 11, 30), MONDAY.plusSeconds(60),
						Map.of("telephone", "", "latitude", "", "longitude", ""))));
		assertThat(merged.fields()).containsEntry("telephone", "")
			// coordinates are never typed in an edit: the producer's stay
			.containsEntry("latitude", "45.76")
			.containsEntry("longitude", "4.88")
			.containsEntry("date_maj", "2026-11-30");
		assertThat(merged.provenance().get("telephone")).extracting(Contribution::value, Contribution::kept)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("+33400000000", false));
	}

	@Test
	void aServiceAnEditRemovedStaysRemovedAndTheProvenanceShowsWhoStillGivesIt() {
		MergedRecord merged = MergePolicy.merge(List.of(
				received("dora", "7", LocalDate.of(2026, 10, 1), MONDAY,
						Map.of("services",
								"Aide aux démarches administratives|Accès internet et matériel informatique")),
				received(MergePolicy.EDIT_SOURCE, "e1", LocalDate.of(2026, 11, 30), MONDAY.plusSeconds(60),
						Map.of("services", "Accès internet et matériel informatique")),
				received("aidants-connect", "9", LocalDate.of(2026, 12, 1), MONDAY.plusSeconds(120),
						Map.of("services", "Parentalité et éducation avec le numérique"))));
		assertThat(merged.fields()).containsEntry("services",
				"Parentalité et éducation avec le numérique|Accès internet et matériel informatique");
		assertThat(merged.provenance().get("services")).extracting(Contribution::source, Contribution::kept)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("aidants-connect", true),
					org.assertj.core.groups.Tuple.tuple(MergePolicy.EDIT_SOURCE, true),
					org.assertj.core.groups.Tuple.tuple("dora", false));
	}

	@Test
	void theLatestOfTwoEditsWinsAndRecordsReceivedBetweenThemRankBetweenThem() {
		MergedRecord merged = MergePolicy.merge(List.of(
				received(MergePolicy.EDIT_SOURCE, "e1", LocalDate.of(2026, 11, 1), MONDAY, Map.of("nom", "Premier")),
				received("dora", "7", LocalDate.of(2026, 11, 2), MONDAY.plusSeconds(60),
						Map.of("nom", "Dora", "telephone", "+33400000000")),
				received(MergePolicy.EDIT_SOURCE, "e2", LocalDate.of(2026, 11, 3), MONDAY.plusSeconds(120),
						Map.of("nom", "Second"))));
		assertThat(merged.sources()).extracting(MergedRecord.SourceRef::id).containsExactly("e2", "7", "e1");
		assertThat(merged.fields()).containsEntry("nom", "Second").containsEntry("telephone", "");
	}

	@Property
	void mergingDoesNotDependOnTheOrderOfTheRecords(@ForAll("records") List<SourceRecord> records) {
		List<SourceRecord> shuffled = new ArrayList<>(records);
		Collections.shuffle(shuffled, new Random(records.size()));
		assertThat(MergePolicy.merge(shuffled)).isEqualTo(MergePolicy.merge(records));
	}

	@Property
	void mergingIsIdempotent(@ForAll("records") List<SourceRecord> records) {
		List<SourceRecord> twice = new ArrayList<>(records);
		twice.addAll(records);
		assertThat(MergePolicy.merge(twice)).isEqualTo(MergePolicy.merge(records));
	}

	@Property
	void everyValueGivenIsInTheProvenance(@ForAll("records") List<SourceRecord> records) {
		MergedRecord merged = MergePolicy.merge(records);
		for (SourceRecord record : records) {
			record.fields().forEach((column, value) -> {
				if (!value.isBlank()) {
					assertThat(merged.provenance().get(column)).extracting(Contribution::value).contains(value);
				}
			});
		}
	}

	@Provide
	Arbitrary<List<SourceRecord>> records() {
		Arbitrary<LocalDate> dates = Arbitraries.of(LocalDate.of(2022, 1, 1), LocalDate.of(2023, 5, 1),
				LocalDate.of(2024, 9, 30));
		Arbitrary<String> names = Arbitraries.of("Mairie de Soyaux", "MAIRIE DE SOYAUX", "Espace Omega", "");
		Arbitrary<String> services = Arbitraries.of("Aide aux démarches administratives",
				"Aide aux démarches administratives|Parentalité et éducation avec le numérique",
				"Accès internet et matériel informatique", "");
		Arbitrary<Instant> changes = Arbitraries.of(MONDAY, MONDAY.plusSeconds(60), MONDAY.plusSeconds(120));
		Arbitrary<SourceRecord> record = Combinators
			.combine(Arbitraries.of("aidants-connect", "conseiller-numerique", "dora", MergePolicy.EDIT_SOURCE),
					Arbitraries.of("1", "2", "3"), dates.injectNull(0.2), changes.injectNull(0.2), names, services)
			.as((source, id, updatedOn, changedAt, name, service) -> {
				SourceRecord plain = record(source, id, updatedOn, name, service);
				return new SourceRecord(source, id, updatedOn, changedAt, plain.fields());
			});
		return record.list().ofMinSize(1).ofMaxSize(6).uniqueElements(r -> r.source() + r.sourceId());
	}

}
