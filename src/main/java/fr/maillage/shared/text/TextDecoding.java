package fr.maillage.shared.text;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Decodes a small file held in memory: UTF-8 (its byte order mark dropped) when it is
 * valid UTF-8, otherwise Windows-1252 (spreadsheets saved as CSV on Windows) when every
 * byte is defined there; empty when it is neither. UTF-16 and UTF-32 ("Unicode text" of
 * spreadsheets) are not supported: with a byte order mark they would pass for
 * Windows-1252, without one for UTF-8, each ASCII character followed or preceded by zero
 * bytes. No text holds a zero byte (and PostgreSQL stores none), so a file with one is
 * empty too. Large files are streamed by the opendata import instead.
 */
public final class TextDecoding {

	private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	private TextDecoding() {
	}

	public static Optional<String> decode(byte[] bytes) {
		if (hasWideByteOrderMark(bytes) || holdsZeroByte(bytes)) {
			return Optional.empty();
		}
		int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
				&& (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
		Optional<String> utf8 = strictly(StandardCharsets.UTF_8, bytes, start);
		return utf8.isPresent() ? utf8 : strictly(WINDOWS_1252, bytes, 0);
	}

	private static boolean hasWideByteOrderMark(byte[] bytes) {
		return bytes.length >= 2 && ((bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE
				|| (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF);
	}

	private static boolean holdsZeroByte(byte[] bytes) {
		for (byte b : bytes) {
			if (b == 0) {
				return true;
			}
		}
		return false;
	}

	private static Optional<String> strictly(Charset charset, byte[] bytes, int start) {
		try {
			CharBuffer text = charset.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes, start, bytes.length - start));
			return Optional.of(text.toString());
		}
		catch (CharacterCodingException notThisCharset) {
			return Optional.empty();
		}
	}

}
