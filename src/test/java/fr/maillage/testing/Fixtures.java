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

}
