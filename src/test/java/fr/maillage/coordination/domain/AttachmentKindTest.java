package fr.maillage.coordination.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

/** A file's kind is read from its bytes, whatever its name claims. */
class AttachmentKindTest {

	@Test
	void recognisesTheAcceptedKinds() throws IOException {
		assertThat(AttachmentKind.detect("%PDF-1.7\n...".getBytes(StandardCharsets.US_ASCII)))
			.contains(AttachmentKind.PDF);
		assertThat(AttachmentKind.detect(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0 }))
			.contains(AttachmentKind.PNG);
		assertThat(AttachmentKind.detect(new byte[] { (byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0 }))
			.contains(AttachmentKind.JPEG);
		assertThat(AttachmentKind.detect(odt())).contains(AttachmentKind.ODT);
		assertThat(AttachmentKind.detect(docx())).contains(AttachmentKind.DOCX);
	}

	@Test
	void refusesEverythingElse() throws IOException {
		assertThat(AttachmentKind.detect("<html>not a pdf</html>".getBytes(StandardCharsets.UTF_8))).isEmpty();
		assertThat(AttachmentKind.detect("MZ\u0090\u0000".getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
		assertThat(AttachmentKind.detect(new byte[0])).isEmpty();
		assertThat(AttachmentKind.detect(zip("mimetype", "application/vnd.oasis.opendocument.spreadsheet"))).isEmpty();
		assertThat(AttachmentKind.detect(zip("script.js", "alert(1)"))).isEmpty();
		assertThat(AttachmentKind.detect(new byte[] { 'P', 'K', 3, 4, 1, 2 })).isEmpty();
	}

	static byte[] odt() throws IOException {
		return zip("mimetype", "application/vnd.oasis.opendocument.text");
	}

	static byte[] docx() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
			zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
			zip.putNextEntry(new ZipEntry("word/document.xml"));
			zip.write("<w:document/>".getBytes(StandardCharsets.UTF_8));
		}
		return out.toByteArray();
	}

	static byte[] zip(String name, String content) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.putNextEntry(new ZipEntry(name));
			zip.write(content.getBytes(StandardCharsets.UTF_8));
		}
		return out.toByteArray();
	}

}
