package fr.maillage.benchmarks;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;

import fr.maillage.opendata.importing.SourceImport;
import fr.maillage.places.printing.OutlineMaps;
import fr.maillage.places.printing.PdfDocuments;
import fr.maillage.places.printing.QrCodes;
import fr.maillage.territories.Territories;
import fr.maillage.territories.TerritoryLevel;
import fr.maillage.testing.CleanDatabase;
import fr.maillage.testing.IntegrationTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The paper of issue 17 on a Rhône of ≈ 500 places (real records of the region moved into
 * its communes, in proportion to population): the directory PDF (target ≤ 3 s), its large
 * print, and one place's poster (≤ 300 ms), through HTTP; then each stage apart — the
 * print HTML (query, QR codes, map), 500 QR codes, the outline map — and the floor of
 * openhtmltopdf: a document of the same number of pages holding one line each. Not a
 * test: {@code scripts/benchmark imprimables} (docs/performance.md).
 */
@IntegrationTest
class PrintablesBenchmark {

	private static final int PLACES = Integer.getInteger("bench.places", 500);

	private static final int RUNS = Integer.getInteger("bench.runs", 5);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SourceImport sourceImport;

	@Autowired
	PdfDocuments documents;

	@Autowired
	Territories territories;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void measurePrintables() throws Exception {
		CleanDatabase.empty(jdbc);
		Path file = writePlacesInTheRhone();
		int imported = sourceImport.importFile("bench", "bench.json", () -> Files.newInputStream(file)).acceptees();
		Files.delete(file);
		long inRhone = jdbc.sql("select count(*) from lieu where departement = '69'").query(Long.class).single();
		String placeId = jdbc.sql("select id from lieu where departement = '69' and horaires is not null limit 1")
			.query(String.class)
			.single();
		byte[] directory = get("/territoires/69/annuaire.pdf");
		int pages;
		try (PDDocument document = Loader.loadPDF(directory)) {
			pages = document.getNumberOfPages();
		}
		System.out.printf(Locale.ROOT,
				"BENCH imprimables: %d places imported, %d in the Rhône; directory %d pages, %d kB%n", imported,
				inRhone, pages, directory.length / 1024);
		measure("directory PDF /territoires/69/annuaire.pdf", () -> get("/territoires/69/annuaire.pdf"));
		if (Boolean.getBoolean("bench.directoryOnly")) {
			// for a profile (-XX:StartFlightRecording): the directory alone
			return;
		}
		measure("directory PDF, large print", () -> get("/territoires/69/annuaire.pdf?gros_caracteres=true"));
		measure("directory print HTML (query, QR codes, map; no PDF)", () -> get("/territoires/69/annuaire"));
		measure("poster PDF /lieux/{id}/affiche.pdf", () -> get("/lieux/" + placeId + "/affiche.pdf"));
		measure(PLACES + " QR codes as PNG", () -> {
			for (int i = 0; i < PLACES; i++) {
				QrCodes.pngDataUri("https://maillage.example.fr/lieux/" + java.util.UUID.randomUUID(), 4);
			}
			return null;
		});
		List<String> communes = territories.listCommuneCodes(TerritoryLevel.DEPARTEMENT, "69");
		measure("outline map of the Rhône as PNG (1400 × 1100)",
				() -> OutlineMaps.pngDataUri(territories.communesGeoJson(communes),
						new HashSet<>(communes.subList(0, 50)), List.of(new OutlineMaps.Point(45.76, 4.83)), 1400,
						1100));
		StringBuilder floor = new StringBuilder(
				"<html><head><style>@page { size: A4; } p { page-break-after: always; font-family: 'DejaVu Sans'; }</style></head><body>");
		for (int i = 0; i < pages; i++) {
			floor.append("<p>Page ").append(i + 1).append("</p>");
		}
		String floorHtml = floor.append("</body></html>").toString();
		measure("floor: openhtmltopdf, " + pages + " pages of one line", () -> documents.pdfOfHtml(floorHtml));
		measure("floor: openhtmltopdf, 1 page of one line", () -> documents
			.pdfOfHtml("<html><body><p style=\"font-family: 'DejaVu Sans'\">Une ligne</p></body></html>"));
	}

	private void measure(String what, Callable<?> task) throws Exception {
		task.call();
		List<Double> millis = new ArrayList<>();
		for (int run = 0; run < RUNS; run++) {
			long start = System.nanoTime();
			task.call();
			millis.add((System.nanoTime() - start) / 1e6);
		}
		List<Double> sorted = new ArrayList<>(millis);
		sorted.sort(null);
		System.out.printf(Locale.ROOT, "BENCH imprimables %s: median %.0f ms (runs %s)%n", what,
				sorted.get(sorted.size() / 2),
				millis.stream().map(m -> String.format(Locale.ROOT, "%.0f", m)).toList());
	}

	private byte[] get(String path) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("User-Agent", "maillage-benchmark bot")
			.build();
		HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(path + " answered " + response.statusCode());
		}
		return response.body();
	}

	private Path writePlacesInTheRhone() throws Exception {
		record Commune(String code, String name, String postcode, double lat, double lon, long population) {
		}
		List<Commune> communes = jdbc.sql("""
				select code, nom, codes_postaux[1], latitude, longitude, coalesce(population, 0) from commune
				where departement = '69' and type = 'commune-actuelle' and latitude is not null
				and cardinality(codes_postaux) > 0 order by code""")
			.query((rs, row) -> new Commune(rs.getString(1), rs.getString(2), rs.getString(3), rs.getDouble(4),
					rs.getDouble(5), rs.getLong(6)))
			.list();
		long[] cumulated = new long[communes.size()];
		long sum = 0;
		for (int i = 0; i < communes.size(); i++) {
			sum += communes.get(i).population() + 1;
			cumulated[i] = sum;
		}
		Random random = new Random(69);
		List<ObjectNode> records = RealRecords.all();
		Path file = Files.createTempFile("maillage-bench-imprimables-", ".json");
		var json = JsonMapper.builder().build();
		try (OutputStream out = Files.newOutputStream(file); JsonGenerator generator = json.createGenerator(out)) {
			generator.writeStartArray();
			for (int i = 0; i < PLACES; i++) {
				ObjectNode record = records.get(i * 7 % records.size()).deepCopy();
				int drawn = Arrays.binarySearch(cumulated, (long) (random.nextDouble() * sum) + 1);
				Commune commune = communes.get(drawn >= 0 ? drawn : -drawn - 1);
				record.put("id", "bench-" + i);
				record.put("code_insee", commune.code());
				record.put("code_postal", commune.postcode());
				record.put("commune", commune.name());
				record.put("latitude", BigDecimal.valueOf(commune.lat() + (random.nextDouble() * 2 - 1) * 0.01));
				record.put("longitude", BigDecimal.valueOf(commune.lon() + (random.nextDouble() * 2 - 1) * 0.01));
				json.writeValue(generator, record);
			}
			generator.writeEndArray();
		}
		return file;
	}

}
