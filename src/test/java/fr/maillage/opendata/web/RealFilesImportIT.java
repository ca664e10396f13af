package fr.maillage.opendata.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Stream;

import fr.maillage.testing.ApiClient;
import fr.maillage.testing.Fixtures;
import fr.maillage.testing.EmptyDirectoryApiTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Every real file of the shared data, imported through the API. Expected counts were
 * checked by hand against the files (a separate script counted placeholder pivots and
 * dates, stray spaces, coordinates written as text, too-long summaries; the few invalid
 * opening hours, phones and URLs were read one by one): see docs/donnees-reelles.md. The
 * published lieux are fewer where a file holds several records of one place (the Charente
 * file merges 5 sources): DirectoryMergeIT shows them.
 */
class RealFilesImportIT extends EmptyDirectoryApiTest {

	/**
	 * The last count is of published lieux; since issue 15 acronyms join their expansion:
	 * a CCAS in Nouvelle-Calédonie, five (CCAS, EPN, MJC, AJR) in Hauts-de-France, each
	 * checked by hand.
	 */
	static Stream<Arguments> realFiles() {
		return Stream.of(
				Arguments.of("20230517-hub-du-sud-lieux-de-mediation-numeriques-provence-alpes-cote-d-azur.json",
						"mixte (1.0 et 0.1)", 646, 646, 0, 765, 646, 99, 5, 644),
				Arguments.of("20230711-charente-lieux-de-mediation-numeriques-nouvelle-aquitaine.json",
						"mixte (1.0 et 0.1)", 188, 188, 0, 72, 67, 1, 0, 171),
				Arguments.of(
						"20231003-bus-france-services-en-charente-lieux-de-mediation-numeriques-nouvelle-aquitaine.json",
						"0.1", 12, 12, 0, 25, 12, 12, 0, 12),
				Arguments.of("20240320-nouvelle-caledonie-lieux-de-mediation-numeriques-nouvelle-caledonie.json",
						"mixte (1.0 et 0.1)", 90, 90, 0, 179, 90, 6, 0, 87),
				Arguments.of("data-inclusion-hauts-de-france.geojson", "0.1", 1741, 1741, 0, 5257, 1741, 0, 0, 1558));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("realFiles")
	void importsARealFileWithTheCountsCheckedByHand(String file, String version, int read, int accepted, int rejected,
			int warnings, int placeholderPivots, int placeholderDates, int invalidHours, int published) {
		ApiClient.Response response = api.importFile("reel", file, Fixtures.lieux(file));

		assertThat(response.status()).isEqualTo(201);
		JsonNode report = response.json();
		assertThat(report.get("versionSchema").asString()).isEqualTo(version);
		assertThat(report.get("lues").asInt()).isEqualTo(read);
		assertThat(report.get("acceptees").asInt()).isEqualTo(accepted);
		assertThat(report.get("rejetees").asInt()).isEqualTo(rejected);
		assertThat(report.get("nombreAvertissements").asInt()).isEqualTo(warnings);
		String issues = api.getAsAdmin("/api/v1/imports/" + report.get("importId").asString() + "/avertissements.csv")
			.body();
		assertThat(count(issues, ",pivot,")).isEqualTo(placeholderPivots);
		assertThat(count(issues, ",date_maj,")).isEqualTo(placeholderDates);
		assertThat(count(issues, ",horaires,")).isEqualTo(invalidHours);
		assertThat(jdbc.sql("select count(*) from lieu_source").query(Integer.class).single()).isEqualTo(accepted);
		assertThat(jdbc.sql("select count(*) from lieu").query(Integer.class).single()).isEqualTo(published);
	}

	@Test
	void importsTheHinauraDemoFile() {
		ApiClient.Response response = api.importFile("hinaura", "hinaura.json",
				Fixtures.bytes("demo/hinaura-lieux-auvergne-rhone-alpes.json"));
		JsonNode report = response.json();
		assertThat(report.get("versionSchema").asString()).isEqualTo("0.1");
		assertThat(report.get("lues").asInt()).isEqualTo(687);
		assertThat(report.get("acceptees").asInt()).isEqualTo(687);
		// the last one: « biblio@mainoyve.fr.fto », a domain that does not exist (kept,
		// warned)
		assertThat(report.get("nombreAvertissements").asInt()).isEqualTo(687 + 11 + 1 + 1);
	}

	@Test
	void importingTheSameFileTwiceUpdatesInsteadOfDuplicating() {
		String file = "20230711-charente-lieux-de-mediation-numeriques-nouvelle-aquitaine.json";
		api.importFile("charente", file, Fixtures.lieux(file));
		var idsBefore = jdbc.sql("select id from lieu order by id").query(String.class).list();

		api.importFile("charente", file, Fixtures.lieux(file));

		assertThat(jdbc.sql("select id from lieu order by id").query(String.class).list()).isEqualTo(idsBefore);
		api.importFile("une-autre-source", file, Fixtures.lieux(file));
		assertThat(jdbc.sql("select count(*) from lieu_source").query(Integer.class).single()).isEqualTo(2 * 188);
		// another source bringing the same records adds no lieu: each merges with the
		// first source's record, whose id the lieu keeps
		assertThat(jdbc.sql("select id from lieu order by id").query(String.class).list()).isEqualTo(idsBefore);
	}

	private static int count(String text, String needle) {
		return (int) Arrays.stream(text.split("\n")).filter(line -> line.contains(needle)).count();
	}

	@Test
	void filtersByNationalSchemeAndItinerance() {
		String file = "20230711-charente-lieux-de-mediation-numeriques-nouvelle-aquitaine.json";
		api.importFile("charente", file, Fixtures.lieux(file));
		api.importFile("exemple", "exemple-valide.csv", Fixtures.bytes("fixtures/schema/v1.0.2/exemple-valide.csv"));

		// counted on the file: 83 records labelled "France Services", 109 "CNFS" or
		// "Conseillers numériques" (+1 in the example); published, the records of one
		// place are one lieu, so fewer lieux carry each label
		assertThat(
				api.get("/api/v1/lieux?dispositifs=" + ApiClient.encode("France Services")).json().get("total").asInt())
			.isEqualTo(80);
		assertThat(api.get("/api/v1/lieux?dispositifs=" + ApiClient.encode("Conseillers numériques"))
			.json()
			.get("total")
			.asInt()).isEqualTo(101);
		// only the standard's example says "Itinérant"
		assertThat(api.get("/api/v1/lieux?itinerant=true").json().get("total").asInt()).isEqualTo(1);
	}

}
