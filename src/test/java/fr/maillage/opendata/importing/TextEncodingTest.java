package fr.maillage.opendata.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** Encodings a producer's file may come in, and the bytes no text holds (issue 14). */
class TextEncodingTest {

	private static final String CSV = "id;nom;commune\n1;Médiathèque d'Écully;Écully\n2;Mairie;Lyon\n";

	private static Charset detect(byte[] bytes) throws IOException {
		return TextEncoding.detect(() -> new ByteArrayInputStream(bytes));
	}

	@Test
	void refusesUtf16AndUtf32WithOrWithoutByteOrderMarkAsUnsupported() {
		for (Charset charset : new Charset[] { StandardCharsets.UTF_16, StandardCharsets.UTF_16LE,
				StandardCharsets.UTF_16BE, Charset.forName("UTF-32BE") }) {
			byte[] bytes = charset.name().equals("UTF-32BE")
					? concat(new byte[] { 0, 0, (byte) 0xFE, (byte) 0xFF }, CSV.getBytes(charset))
					: CSV.getBytes(charset);
			assertThatThrownBy(() -> detect(bytes)).as(charset.name())
				.isInstanceOfSatisfying(ImportRefusedException.class,
						refused -> assertThat(refused.code()).isEqualTo("encodage_non_pris_en_charge"))
				.hasMessageContaining("UTF-16")
				.hasMessageContaining("enregistrez-le en UTF-8");
		}
		byte[] littleEndianWithMark = concat(new byte[] { (byte) 0xFF, (byte) 0xFE },
				CSV.getBytes(StandardCharsets.UTF_16LE));
		assertThatThrownBy(() -> detect(littleEndianWithMark)).isInstanceOf(ImportRefusedException.class)
			.hasMessageContaining("UTF-16");
	}

	@Test
	void refusesAZeroByteAndSaysOnWhichLine() {
		byte[] bytes = CSV.replace("Mairie", "Mai\0rie").getBytes(StandardCharsets.UTF_8);
		assertThatThrownBy(() -> detect(bytes))
			.isInstanceOfSatisfying(ImportRefusedException.class,
					refused -> assertThat(refused.code()).isEqualTo("caractere_nul"))
			.hasMessageContaining("ligne 3");
		byte[] windows1252 = CSV.replace("Mairie", "Mai\0rie").getBytes(TextEncoding.WINDOWS_1252);
		assertThatThrownBy(() -> detect(windows1252)).hasMessageContaining("caractère nul");
	}

	@Test
	void aZipFileIsNotMistakenForUtf16() {
		// an .xlsx sent by mistake: zeros on both parities, among bytes invalid in UTF-8
		byte[] zip = new byte[600];
		for (int i = 0; i < zip.length; i++) {
			zip[i] = (byte) (i % 3 == 0 ? 0 : 0x50 + i % 40);
		}
		assertThatThrownBy(() -> detect(zip)).isInstanceOfSatisfying(ImportRefusedException.class,
				refused -> assertThat(refused.code()).isEqualTo("caractere_nul"));
	}

	@Test
	void stillReadsUtf8WithOrWithoutMarkAndWindows1252() throws IOException {
		assertThat(detect(CSV.getBytes(StandardCharsets.UTF_8))).isEqualTo(StandardCharsets.UTF_8);
		assertThat(detect(
				concat(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }, CSV.getBytes(StandardCharsets.UTF_8))))
			.isEqualTo(StandardCharsets.UTF_8);
		assertThat(detect(CSV.getBytes(TextEncoding.WINDOWS_1252))).isEqualTo(TextEncoding.WINDOWS_1252);
		// a long file: the decision is not taken on the first chunk only
		byte[] large = new byte[200_000];
		Arrays.fill(large, (byte) 'a');
		large[150_000] = (byte) 0xE9;
		assertThat(detect(large)).isEqualTo(TextEncoding.WINDOWS_1252);
	}

	private static byte[] concat(byte[] first, byte[] second) {
		byte[] all = Arrays.copyOf(first, first.length + second.length);
		System.arraycopy(second, 0, all, first.length, second.length);
		return all;
	}

}
