package fr.maillage.coordination.domain;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The kinds of files a meeting's minutes accept (PDF, ODT, DOCX, PNG, JPEG), recognised
 * from their first bytes (and, for the zipped office formats, their first entries), never
 * from the name or the type the browser claims.
 */
public enum AttachmentKind {

	PDF("application/pdf", "PDF"), ODT("application/vnd.oasis.opendocument.text", "ODT"),
	DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "DOCX"), PNG("image/png", "PNG"),
	JPEG("image/jpeg", "JPEG");

	private final String mediaType;

	private final String label;

	AttachmentKind(String mediaType, String label) {
		this.mediaType = mediaType;
		this.label = label;
	}

	public String mediaType() {
		return mediaType;
	}

	public String label() {
		return label;
	}

	/** What the content is, or empty when it is none of the accepted kinds. */
	public static Optional<AttachmentKind> detect(byte[] content) {
		if (startsWith(content, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
			return Optional.of(PDF);
		}
		if (startsWith(content, new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' })) {
			return Optional.of(PNG);
		}
		if (startsWith(content, new byte[] { (byte) 0xff, (byte) 0xd8, (byte) 0xff })) {
			return Optional.of(JPEG);
		}
		if (startsWith(content, new byte[] { 'P', 'K', 3, 4 })) {
			return zipped(content);
		}
		return Optional.empty();
	}

	/**
	 * An OpenDocument text starts with an uncompressed « mimetype » entry naming it; a
	 * DOCX holds [Content_Types].xml and a word/ folder.
	 */
	private static Optional<AttachmentKind> zipped(byte[] content) {
		boolean contentTypes = false;
		boolean word = false;
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
			ZipEntry entry;
			int read = 0;
			while ((entry = zip.getNextEntry()) != null && read++ < 200) {
				String name = entry.getName();
				if (name.equals("mimetype")) {
					String type = new String(zip.readNBytes(100), StandardCharsets.US_ASCII).strip();
					return type.equals(ODT.mediaType) ? Optional.of(ODT) : Optional.empty();
				}
				contentTypes |= name.equals("[Content_Types].xml");
				word |= name.startsWith("word/");
				if (contentTypes && word) {
					return Optional.of(DOCX);
				}
			}
		}
		catch (IOException | IllegalArgumentException unreadable) {
			return Optional.empty();
		}
		return Optional.empty();
	}

	private static boolean startsWith(byte[] content, byte[] prefix) {
		return content.length >= prefix.length && Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length);
	}

}
