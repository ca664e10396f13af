package fr.maillage.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Real files copied from the shared data (data/SOURCES.md), read from the test classpath.
 */
public final class Fixtures {

	/**
	 * The real Charente file: 188 records from 5 producers (duplicates, moderation,
	 * editing).
	 */
	public static final String CHARENTE = "20230711-charente-lieux-de-mediation-numeriques-nouvelle-aquitaine.json";

	private Fixtures() {
	}

	public static byte[] bytes(String classpathResource) {
		try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(classpathResource)) {
			if (in == null) {
				throw new IllegalArgumentException("No fixture " + classpathResource);
			}
			return in.readAllBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public static byte[] lieux(String fileName) {
		return bytes("fixtures/lieux/" + fileName);
	}

	/**
	 * Imports the real Hinaura places shipped as demo data, under the source "hinaura".
	 */
	public static void importHinaura(fr.maillage.opendata.importing.SourceImport sourceImport) {
		org.springframework.core.io.ClassPathResource hinaura = new org.springframework.core.io.ClassPathResource(
				"demo/hinaura-lieux-auvergne-rhone-alpes.json");
		sourceImport.importFile("hinaura", "hinaura.json", hinaura::getInputStream);
	}

	/**
	 * Imports every real lieux file of the project through the API, each under its own
	 * source: the Hinaura demo file and the five fixtures (≈ 3 400 lieux), for the
	 * contracts checked on every real record (HSDS, data·inclusion).
	 * @return how many files were imported
	 */
	public static int importEveryRealLieuxFile(ApiClient api) {
		ApiClient.Response hinaura = api.importFile("hinaura", "hinaura.json",
				bytes("demo/hinaura-lieux-auvergne-rhone-alpes.json"));
		if (hinaura.status() != 201) {
			throw new IllegalStateException("hinaura: " + hinaura.status() + " " + hinaura.body());
		}
		java.util.List<String> files = java.util.List.of(CHARENTE,
				"20230517-hub-du-sud-lieux-de-mediation-numeriques-provence-alpes-cote-d-azur.json",
				"20231003-bus-france-services-en-charente-lieux-de-mediation-numeriques-nouvelle-aquitaine.json",
				"20240320-nouvelle-caledonie-lieux-de-mediation-numeriques-nouvelle-caledonie.json",
				"data-inclusion-hauts-de-france.geojson");
		for (String file : files) {
			ApiClient.Response response = api.importFile(file.substring(0, 12), file, lieux(file));
			if (response.status() != 201) {
				throw new IllegalStateException(file + ": " + response.status() + " " + response.body());
			}
		}
		return files.size() + 1;
	}

}
