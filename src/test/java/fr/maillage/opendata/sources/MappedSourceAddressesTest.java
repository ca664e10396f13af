package fr.maillage.opendata.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.maillage.opendata.importing.CommuneReferential;
import fr.maillage.opendata.importing.RawRecord;
import fr.maillage.opendata.importing.RecordMapping;
import fr.maillage.opendata.importing.RecordNormalizer;
import fr.maillage.opendata.importing.RecordOutcome;
import fr.maillage.places.Place;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: a source connector's mapped records meet the same rules as an import's, so a
 * producer's column holding a script address or a huge name gets no further.
 */
class MappedSourceAddressesTest {

	private static final SourceMapping MAPPING = new SourceMapping("bus", "Bus",
			Map.of("id", "ID", "nom", "Nom", "commune", "Ville", "code_postal", "CP", "adresse", "Adresse", "site_web",
					"Site", "prise_rdv", "RDV", "fiche_acces_libre", "Acces"),
			Map.of("pivot", "00000000000000", "date_maj", "2026-11-01"), Map.of(), Map.of(), Map.of(), "bus-", Map.of(),
			List.of(), false);

	private final RecordNormalizer normalizer = new RecordNormalizer(
			Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneId.of("Europe/Paris")), CommuneReferential.none());

	private RecordOutcome run(Map<String, Object> row) {
		RecordMapping.Result mapped = new MappedSource(MAPPING, LocalDate.of(2026, 11, 23))
			.map(new RawRecord(7, row, false));
		assertThat(mapped.refusal()).isNull();
		return normalizer.normalize(mapped.mapped(), "bus");
	}

	private static Map<String, Object> row() {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("ID", "1");
		row.put("Nom", "Bus France Services");
		row.put("Ville", "Angoulême");
		row.put("CP", "16000");
		row.put("Adresse", "Place de l'Hôtel de Ville");
		return row;
	}

	@Test
	void aScriptAddressInAProducersColumnIsDroppedWithItsLineAndField() {
		Map<String, Object> row = row();
		row.put("Site", "https://bus.example|JavaScript:alert(1)");
		row.put("RDV", "\t javascript:alert(2)");
		row.put("Acces", "data:text/html,<script>alert(3)</script>");

		RecordOutcome outcome = run(row);

		assertThat(outcome).isInstanceOf(RecordOutcome.Accepted.class);
		Place place = ((RecordOutcome.Accepted) outcome).place();
		assertThat(place.websites()).containsExactly("https://bus.example");
		assertThat(place.appointmentUrl()).isNull();
		assertThat(place.accessibilitySheetUrl()).isNull();
		assertThat(outcome.warnings()).filteredOn(w -> w.message().startsWith("Adresse web invalide"))
			.extracting(w -> w.champ() + "@" + w.ligne())
			.containsExactlyInAnyOrder("site_web@7", "prise_rdv@7", "fiche_acces_libre@7");
	}

	@Test
	void aHugeNameFromAProducerRejectsTheRow() {
		Map<String, Object> row = row();
		row.put("Nom", "B".repeat(1_000_000));

		RecordOutcome outcome = run(row);

		assertThat(outcome).isInstanceOf(RecordOutcome.Rejected.class);
		assertThat(((RecordOutcome.Rejected) outcome).errors()).singleElement()
			.satisfies(e -> assertThat(e.message()).contains("Texte trop long", "au plus 250"));
	}

}
