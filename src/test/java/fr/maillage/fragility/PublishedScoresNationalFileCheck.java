package fr.maillage.fragility;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import fr.maillage.testing.ApiClient;
import fr.maillage.testing.CleanDatabase;
import fr.maillage.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Issue 14, item 5: La Mednum's national files of published IFN scores (communes, EPCI),
 * as published, through the real API route. They state no licence, so they are not in the
 * repository and this check is not part of the test suite (the suite checks the same
 * rules on {@code fixtures/fragilite/scores-publies-fusions-invente.csv}, made with the
 * national file's columns): {@code scripts/verifier-ifn COMMUNES.csv EPCI.csv} runs it on
 * files given by path (ADR 0008).
 */
@IntegrationTest
class PublishedScoresNationalFileCheck {

	private static final Path COMMUNES = given("ifn.communes");

	private static final Path EPCI = given("ifn.epci");

	private static Path given(String property) {
		String path = System.getProperty(property, "");
		return path.isBlank() ? Path.of("") : Path.of(path);
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void emptyInputs() {
		CleanDatabase.empty(jdbc);
	}

	@Test
	void theWholeNationalFileImportsWithOneCommunePerCurrentCodeAndAWarningPerMerge() throws IOException {
		assertThat(COMMUNES).as("-Difn.communes: the national file of communes").isRegularFile();
		byte[] content = Files.readAllBytes(COMMUNES);
		List<String> lines = Files.readAllLines(COMMUNES);
		int rows = lines.size() - 1;

		ApiClient.Response response = new ApiClient(port).postFile("/api/v1/fragilite/imports", Map.of(),
				COMMUNES.getFileName().toString(), content, ApiClient.ADMIN_TOKEN);

		assertThat(response.status()).as(response.body()).isEqualTo(201);
		JsonNode report = response.json();
		assertThat(report.get("type").asString()).isEqualTo("scores_publies");
		assertThat(report.get("lues").asInt()).isEqualTo(rows).isEqualTo(35_008);
		// Marseille (13055) and Les Trois Lacs (27058) are published without any score
		assertThat(report.get("acceptees").asInt()).isEqualTo(rows - 2);
		assertThat(report.get("rejets")).hasSize(2);
		assertThat(report.get("rejets").toString()).contains("13055", "27058", "Aucun score");
		assertThat(report.get("colonnes_ignorees")).isEmpty();
		assertThat(report.get("indicateurs")).hasSize(5);

		// every merge of the file is one warning, and its former codes are gone
		JsonNode warnings = report.get("avertissements");
		int formerRows = 0;
		List<String> merged = new ArrayList<>();
		for (JsonNode warning : warnings) {
			merged.add(warning.get("commune").asString());
			formerRows += warning.get("anciens_codes").size();
			// the reference populations cover every merge of this file
			assertThat(warning.get("ponderation").asString()).as(warning.toString()).isEqualTo("population");
		}
		assertThat(warnings).hasSize(74);
		assertThat(merged).doesNotHaveDuplicates().contains("69149", "01138");
		int communes = rows - 2 - formerRows + warnings.size();
		assertThat(jdbc.sql("select count(distinct code) from fragilite_score_publie where division = 'commune'")
			.query(Integer.class)
			.single()).isEqualTo(communes);
		assertThat(jdbc.sql("select count(*) from fragilite_score_publie where code = '69152'")
			.query(Integer.class)
			.single()).isZero();

		JsonNode oullins = warnings.valueStream()
			.filter(warning -> warning.get("commune").asString().equals("69149"))
			.findFirst()
			.orElseThrow();
		assertThat(oullins.get("anciens_codes").toString()).isEqualTo("[\"69149\",\"69152\"]");
		assertThat(oullins.get("message").asString()).contains("69149 Oullins", "69152 Pierre-Bénite");
		double oullinsTotal = total(lines, "69149");
		double pierreBeniteTotal = total(lines, "69152");
		double expected = (26994 * oullinsTotal + 10508 * pierreBeniteTotal) / 37502;
		JsonNode score = new ApiClient(port).get("/api/v1/fragilite/commune/69149").json();
		assertThat(score.get("origine").asString()).isEqualTo("scores_publies");
		assertThat(score.get("score").asDouble()).isCloseTo(expected, within(0.006));
	}

	@Test
	void theNationalEpciFileImportsToo() throws IOException {
		assertThat(EPCI).as("-Difn.epci: the national file of EPCI").isRegularFile();
		int rows = Files.readAllLines(EPCI).size() - 1;

		ApiClient.Response response = new ApiClient(port).postFile("/api/v1/fragilite/imports", Map.of(),
				EPCI.getFileName().toString(), Files.readAllBytes(EPCI), ApiClient.ADMIN_TOKEN);

		assertThat(response.status()).as(response.body()).isEqualTo(201);
		assertThat(response.json().get("lues").asInt()).isEqualTo(rows);
		// the last row gathers communes without EPCI under the code ZZZZZZZZZ
		assertThat(response.json().get("acceptees").asInt()).isEqualTo(rows - 1);
		assertThat(response.json().get("rejets").toString()).contains("ZZZZZZZZZ", "SIREN");
		assertThat(response.json().get("avertissements")).isEmpty();
	}

	/** The published total of a commune, read from the file's last column. */
	private static double total(List<String> lines, String code) {
		String line = lines.stream().filter(l -> l.contains(",city," + code + ",")).findFirst().orElseThrow();
		return Double.parseDouble(line.substring(line.lastIndexOf(',') + 1));
	}

}
