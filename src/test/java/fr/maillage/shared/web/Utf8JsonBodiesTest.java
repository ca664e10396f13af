package fr.maillage.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class Utf8JsonBodiesTest {

	private static boolean wide(String json, Charset charset) {
		byte[] bytes = json.getBytes(charset);
		// the first bytes, as many as the body has
		return Utf8JsonBodies.isWideEncoding(Arrays.copyOf(bytes, Math.min(4, bytes.length)));
	}

	@Test
	void recognisesUtf16AndUtf32FromTheFirstBytes() {
		for (String json : new String[] { "{\"a\": 1}", "[1]", "5", "\"x\"" }) {
			assertThat(wide(json, StandardCharsets.UTF_16)).as(json).isTrue();
			assertThat(wide(json, StandardCharsets.UTF_16LE)).as(json).isTrue();
			assertThat(wide(json, StandardCharsets.UTF_16BE)).as(json).isTrue();
			assertThat(wide(json, Charset.forName("UTF-32LE"))).as(json).isTrue();
			assertThat(wide(json, StandardCharsets.UTF_8)).as(json).isFalse();
		}
		assertThat(Utf8JsonBodies.isWideEncoding(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{' })).isFalse();
		assertThat(Utf8JsonBodies.isWideEncoding(new byte[0])).isFalse();
	}

}
