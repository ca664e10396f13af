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
 * refused. UTF-16 and UTF-32 (spreadsheets' "Unicode text"), with or without byte order
 * mark, are refused as such: their bytes would otherwise pass for Windows-1252 or for
 * UTF-8 strewn with zero bytes. A zero byte is refused in any file (ADR 0004, a
 * file-level problem): no text holds one, and PostgreSQL stores none.
 */
final class TextEncoding {

	static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	private static final boolean[] UNDEFINED_IN_1252 = new boolean[256];

	static {
		for (int undefined : new int[] { 0x81, 0x8D, 0x8F, 0x90, 0x9D }) {
			UNDEFINED_IN_1252[undefined] = true;
		}
	}

	/**
	 * How many first bytes tell UTF-16 without byte order mark from a stray zero byte.
	 */
	private static final int SAMPLE = 4096;

	private TextEncoding() {
	}

	static Charset detect(FileContent content) throws IOException {
		Scan scan = scan(content);
		if (scan.wide() || scan.utf16Pattern()) {
			throw new ImportRefusedException("encodage_non_pris_en_charge",
					"Le fichier est en UTF-16 (ou UTF-32), un encodage qui n'est pas pris en charge : "
							+ "enregistrez-le en UTF-8 (ou Windows-1252) et réessayez.");
		}
		if (scan.firstNulLine() > 0) {
			throw new ImportRefusedException("caractere_nul",
					"Le fichier contient un caractère nul (octet 0x00) à la ligne " + scan.firstNulLine()
							+ " : ce n'est pas du texte (fichier binaire ou abîmé ?) ; rien n'a été importé.");
		}
		if (scan.utf8()) {
			return StandardCharsets.UTF_8;
		}
		if (scan.windows1252()) {
			return WINDOWS_1252;
		}
		throw new ImportRefusedException("encodage_inconnu",
				"L'encodage du fichier n'est pas reconnu : enregistrez-le en UTF-8 (ou Windows-1252) et réessayez.");
	}

	/**
	 * What one pass over the file found.
	 *
	 * @param wide a UTF-16 or UTF-32 byte order mark begins the file
	 * @param utf16Pattern zero bytes on every other byte at the start (and hardly any on
	 * the others), as UTF-16 writes ASCII text
	 * @param firstNulLine the line of the first zero byte, 0 when none
	 */
	private record Scan(boolean wide, boolean utf16Pattern, long firstNulLine, boolean utf8, boolean windows1252) {
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

	private static Scan scan(FileContent content) throws IOException {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		boolean utf8 = true;
		boolean windows1252 = true;
		boolean wide = false;
		long position = 0;
		long line = 1;
		long firstNulLine = 0;
		int[] sampledNuls = new int[2];
		try (InputStream in = content.open()) {
			byte[] chunk = new byte[64 * 1024];
			ByteBuffer bytes = ByteBuffer.allocate(chunk.length + 8);
			CharBuffer chars = CharBuffer.allocate(chunk.length + 8);
			int read;
			while ((read = in.readNBytes(chunk, 0, chunk.length)) > 0) {
				if (position == 0) {
					wide = hasWideByteOrderMark(chunk, read);
				}
				for (int i = 0; i < read; i++) {
					int b = chunk[i] & 0xFF;
					if (b == 0) {
						if (firstNulLine == 0) {
							firstNulLine = line;
						}
						if (position + i < SAMPLE) {
							sampledNuls[(int) ((position + i) % 2)]++;
						}
					}
					else if (b == '\n' && firstNulLine == 0) {
						line++;
					}
					else if (UNDEFINED_IN_1252[b]) {
						windows1252 = false;
					}
				}
				if (utf8) {
					bytes.put(chunk, 0, read);
					bytes.flip();
					utf8 = !decoder.decode(bytes, chars, false).isError();
					chars.clear();
					bytes.compact();
				}
				position += read;
			}
			if (utf8) {
				bytes.flip();
				utf8 = !decoder.decode(bytes, chars, true).isError() && !decoder.flush(chars).isError()
						&& !bytes.hasRemaining();
			}
		}
		long sampled = Math.min(position, SAMPLE);
		boolean utf16Pattern = sampled >= 4
				&& (mostlyZero(sampledNuls[0], (sampled + 1) / 2) && hardlyZero(sampledNuls[1], sampled / 2)
						|| mostlyZero(sampledNuls[1], sampled / 2) && hardlyZero(sampledNuls[0], (sampled + 1) / 2));
		return new Scan(wide, utf16Pattern, firstNulLine, utf8, windows1252);
	}

	/** UTF-16 writes ASCII text with a zero byte on every other byte. */
	private static boolean mostlyZero(long zeros, long slots) {
		return zeros * 10 >= slots * 4;
	}

	/** …and non-zero bytes on the others; a binary file (zip, xlsx) has zeros on both. */
	private static boolean hardlyZero(long zeros, long slots) {
		return zeros * 20 <= slots;
	}

	private static boolean hasWideByteOrderMark(byte[] head, int length) {
		int first = length > 0 ? head[0] & 0xFF : -1;
		int second = length > 1 ? head[1] & 0xFF : -1;
		return first == 0xFF && second == 0xFE || first == 0xFE && second == 0xFF
				|| length >= 4 && first == 0 && second == 0 && (head[2] & 0xFF) == 0xFE && (head[3] & 0xFF) == 0xFF;
	}

}
