package fr.maillage.shared.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class TextDecodingTest {

	private static final String CSV = "code_insee;score\n69123;0,42\n";

	@Test
	void decodesUtf8WithoutItsMarkAndWindows1252() {
		assertThat(TextDecoding.decode(("\uFEFF" + CSV + "é").getBytes(StandardCharsets.UTF_8))).contains(CSV + "é");
		assertThat(TextDecoding.decode((CSV + "é").getBytes(Charset.forName("windows-1252")))).contains(CSV + "é");
	}

	@Test
	void refusesUtf16WithOrWithoutMarkAndZeroBytes() {
		assertThat(TextDecoding.decode(CSV.getBytes(StandardCharsets.UTF_16))).isEmpty();
		assertThat(TextDecoding.decode(CSV.getBytes(StandardCharsets.UTF_16LE))).isEmpty();
		assertThat(TextDecoding.decode(CSV.getBytes(StandardCharsets.UTF_16BE))).isEmpty();
		assertThat(TextDecoding.decode(CSV.replace("69123", "69\0" + "123").getBytes(StandardCharsets.UTF_8)))
			.isEmpty();
	}

}
