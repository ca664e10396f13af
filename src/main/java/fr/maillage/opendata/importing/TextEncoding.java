package fr.maillage.opendata.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Finds out whether a file is UTF-8 (with or without BOM) or Windows-1252, streaming it
 * once. A file that decodes as UTF-8 is UTF-8; otherwise, if every byte is defined in
 * Windows-1252 (spreadsheets saved "CSV" on Windows), it is transcoded; otherwise it is
 * refused.
 */
final class TextEncoding {

	static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	private static final int[] UNDEFINED_IN_1252 = { 0x81, 0x8D, 0x8F, 0x90, 0x9D };

	private TextEncoding() {
	}

	static Charset detect(FileContent content) throws IOException {
		if (isUtf8(content)) {
			return StandardCharsets.UTF_8;
		}
		if (isWindows1252(content)) {
			return WINDOWS_1252;
		}
		throw new ImportRefusedException("encodage_inconnu",
				"L'encodage du fichier n'est pas reconnu : enregistrez-le en UTF-8 (ou Windows-1252) et réessayez.");
	}

	/** A reader over the decoded text, without the UTF-8 byte order mark. */
	static Reader open(FileContent content, Charset charset) throws IOException {
		PushbackInputStream in = new PushbackInputStream(content.open(), 3);
		if (charset.equals(StandardCharsets.UTF_8)) {
			byte[] head = in.readNBytes(3);
			boolean bom = head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB
					&& (head[2] & 0xFF) == 0xBF;
			if (!bom && head.length > 0) {
				in.unread(head);
			}
		}
		return new InputStreamReader(in,
				charset.newDecoder()
					.onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT));
	}

	private static boolean isUtf8(FileContent content) throws IOException {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		try (InputStream in = content.open()) {
			byte[] chunk = new byte[64 * 1024];
			ByteBuffer bytes = ByteBuffer.allocate(chunk.length + 8);
			CharBuffer chars = CharBuffer.allocate(chunk.length + 8);
			int read;
			while ((read = in.read(chunk)) != -1) {
				bytes.put(chunk, 0, read);
				bytes.flip();
				var result = decoder.decode(bytes, chars, false);
				if (result.isError()) {
					return false;
				}
				chars.clear();
				bytes.compact();
			}
			bytes.flip();
			var result = decoder.decode(bytes, chars, true);
			if (result.isError()) {
				return false;
			}
			return !decoder.flush(chars).isError() && !bytes.hasRemaining();
		}
	}

	private static boolean isWindows1252(FileContent content) throws IOException {
		try (InputStream in = content.open()) {
			byte[] chunk = new byte[64 * 1024];
			int read;
			while ((read = in.read(chunk)) != -1) {
				for (int i = 0; i < read; i++) {
					int b = chunk[i] & 0xFF;
					for (int undefined : UNDEFINED_IN_1252) {
						if (b == undefined) {
							return false;
						}
					}
				}
			}
			return true;
		}
	}

}
