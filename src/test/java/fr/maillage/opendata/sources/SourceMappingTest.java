package fr.maillage.opendata.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import fr.maillage.opendata.importing.RecordMapping;
import org.junit.jupiter.api.Test;

class SourceMappingTest {

	private static final SourceMapping AIDANTS_CONNECT = new SourceMapping("aidants-connect", "Aidants Connect",
			Map.of("id", "ID", "nom", "Name", "adresse", "Address", "code_postal", "Zip Code", "pivot", "Siret"),
			Map.of("pivot", "00000000000000", "dispositif_programmes_nationaux", "Aidants Connect"), Map.of(), Map.of(),
			Map.of("Is Active", "true"), "ac-", Map.of(), List.of(), false);

	/** Nouvelle-Calédonie's raw export: lists in free text, no ids. */
	private static final SourceMapping CALEDONIA = new SourceMapping("nc", "NC",
			Map.of("nom", "nom", "services", "services"), Map.of(),
			Map.of("services",
					Map.of("Accès-libre à un espace équipé ou connecté", "Accès internet et matériel informatique",
							"Ateliers collectif ou formations",
							"Maîtrise des outils numériques du quotidien|Compréhension du monde numérique",
							"Accompagnement individuel", "")),
			Map.of(), Map.of(), "nc-", Map.of("services", ",\\s*\\n|\\n|;"), List.of("nom", "commune"), false);

	@Test
	void listItemsGoThroughTheDictionaryOneByOne() {
		Map<String, Object> fields = CALEDONIA.apply(Map.of("nom", "Espace municipal", "commune", "Nouméa", "services",
				"Accès-libre à un espace équipé ou connecté,\nAccompagnement individuel,\nAteliers collectif ou formations"),
				RECEIVED)
			.fields();

		assertThat(fields).containsEntry("services",
				"Accès internet et matériel informatique|Maîtrise des outils numériques du quotidien|Compréhension du monde numérique");
	}

	@Test
	void aProducerWithoutIdsGetsTheSameIdOnEveryRun() {
		Map<String, String> row = Map.of("nom", "Espace municipal de Rivière Salée", "commune", "Nouméa");
		Object id = CALEDONIA.apply(row, RECEIVED).fields().get("id");

		assertThat(id).asString().startsWith("nc-").hasSize(15);
		assertThat(CALEDONIA.apply(Map.of("nom", "ESPACE MUNICIPAL DE RIVIERE SALEE", "commune", "Noumea"), RECEIVED)
			.fields()
			.get("id")).as("same place written differently").isEqualTo(id);
		assertThat(CALEDONIA.apply(Map.of("nom", "Médiathèque", "commune", "Nouméa"), RECEIVED).fields().get("id"))
			.isNotEqualTo(id);
	}

	private static final LocalDate RECEIVED = LocalDate.of(2026, 11, 23);

	@Test
	void mapsColumnsAddsConstantsAndCleansWhatSpreadsheetsDid() {
		Map<String, Object> fields = AIDANTS_CONNECT
			.apply(Map.of("ID", "1", "Name", "BetaGouv", "Address", "20 Avenue de Ségur, 75007 Paris", "Zip Code",
					"75007", "Siret", "13002603200016.0", "Is Active", "true"), RECEIVED)
			.fields();
		assertThat(fields).containsEntry("id", "ac-1")
			.containsEntry("adresse", "20 Avenue de Ségur")
			.containsEntry("pivot", "13002603200016")
			.containsEntry("dispositif_programmes_nationaux", "Aidants Connect")
			// Aidants Connect gives no date per record: unknown, not the day the file
			// came
			.containsEntry("date_maj", RecordMapping.UNKNOWN_DATE);
	}

	@Test
	void aMissingSiretFallsBackToTheSchemasPlaceholder() {
		assertThat(AIDANTS_CONNECT
			.apply(Map.of("ID", "2", "Name", "X", "Address", "1 rue", "Zip Code", "64680", "Is Active", "true"),
					RECEIVED)
			.fields()).containsEntry("pivot", "00000000000000");
	}

	@Test
	void rowsTheSourceMarksInactiveAreLeftOutWithTheReason() {
		SourceMapping.Outcome outcome = AIDANTS_CONNECT.apply(Map.of("ID", "3", "Is Active", "false"), RECEIVED);
		assertThat(outcome.fields()).isNull();
		assertThat(outcome.refusal()).contains("Is Active", "false");
	}

}
