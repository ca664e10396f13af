package fr.maillage.opendata.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class FileReadingTest {

	private static FileContent content(byte[] bytes) {
		return () -> new ByteArrayInputStream(bytes);
	}

	private static List<RawRecord> readCsv(byte[] bytes) throws IOException {
		FileContent file = content(bytes);
		List<RawRecord> records = new ArrayList<>();
		try (Reader reader = TextEncoding.open(file, TextEncoding.detect(file));
				CsvRecordReader csv = new CsvRecordReader(reader)) {
			csv.forEachRemaining(records::add);
		}
		return records;
	}

	@Test
	void readsSemicolonSeparatedCsvWithAByteOrderMark() throws IOException {
		byte[] bom = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
		byte[] text = "id;nom\n1;Médiathèque; Espace \"Cyber\"\n".getBytes(StandardCharsets.UTF_8);
		byte[] bytes = new byte[bom.length + text.length];
		System.arraycopy(bom, 0, bytes, 0, 3);
		System.arraycopy(text, 0, bytes, 3, text.length);
		List<RawRecord> records = readCsv(bytes);
		assertThat(records).singleElement().satisfies(r -> {
			assertThat(r.values()).containsEntry("id", "1").containsEntry("nom", "Médiathèque");
			assertThat(r.line()).isEqualTo(2);
		});
	}

	@Test
	void readsCommaSeparatedCsvWithQuotedSemicolons() throws IOException {
		List<RawRecord> records = readCsv("\"id\",\"services\"\n\"a\",\"x;y|z\"\n".getBytes(StandardCharsets.UTF_8));
		assertThat(records.get(0).values()).containsEntry("services", "x;y|z");
	}

	@Test
	void detectsWindows1252AndTranscodesIt() throws IOException {
		byte[] bytes = "id;nom\n1;Médiathèque d'Écully\n".getBytes(TextEncoding.WINDOWS_1252);
		assertThat(TextEncoding.detect(content(bytes))).isEqualTo(TextEncoding.WINDOWS_1252);
		assertThat(readCsv(bytes).get(0).values()).containsEntry("nom", "Médiathèque d'Écully");
	}

	@Test
	void refusesBytesThatAreNeitherUtf8NorWindows1252() {
		byte[] bytes = { 'i', 'd', '\n', (byte) 0x81, (byte) 0x8D };
		assertThatThrownBy(() -> TextEncoding.detect(content(bytes))).isInstanceOf(ImportRefusedException.class)
			.hasMessageContaining("UTF-8");
	}

	@Test
	void readsAGeoJsonFeatureCollectionFeatureByFeature() throws IOException {
		String geojson = """
				{"type":"FeatureCollection","crs":{"type":"name"},"features":[
				 {"type":"Feature","properties":{"id":"a","nom":"A","latitude":null},
				  "geometry":{"type":"Point","coordinates":[3.19,50.69]}},
				 {"type":"Feature","properties":{"id":"b","services":["x","y"]},"geometry":null}]}""";
		List<RawRecord> records = new ArrayList<>();
		try (JsonRecordReader reader = new JsonRecordReader(new java.io.StringReader(geojson))) {
			reader.forEachRemaining(records::add);
			assertThat(reader.format()).isEqualTo("geojson");
			assertThat(reader.columns()).containsExactly("id", "nom", "latitude", "services");
		}
		assertThat(records).hasSize(2);
		assertThat(records.get(0).values()).containsKey(JsonRecordReader.GEOMETRY_LATITUDE)
			.doesNotContainKey("latitude");
		assertThat(RecordNormalizer.asText(records.get(1).values().get("services"))).isEqualTo("x|y");
		assertThat(records.get(1).line()).isEqualTo(2);
	}

	@Test
	void refusesATruncatedJsonFile() {
		assertThatThrownBy(() -> {
			try (JsonRecordReader reader = new JsonRecordReader(new java.io.StringReader("[{\"id\":\"a\"},{\"id\":"))) {
				reader.forEachRemaining(r -> {
				});
			}
		}).isInstanceOf(ImportRefusedException.class).hasMessageContaining("mal formé");
	}

}
