package fr.maillage.opendata.merging;

import static org.assertj.core.api.Assertions.assertThat;

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
		Arbitrary<SourceRecord> record = Combinators
			.combine(Arbitraries.of("aidants-connect", "conseiller-numerique", "dora"), Arbitraries.of("1", "2", "3"),
					dates.injectNull(0.2), names, services)
			.as(MergePolicyTest::record);
		return record.list().ofMinSize(1).ofMaxSize(6).uniqueElements(r -> r.source() + r.sourceId());
	}

}
