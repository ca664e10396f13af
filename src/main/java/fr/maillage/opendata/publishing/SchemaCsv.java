package fr.maillage.opendata.publishing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

import fr.maillage.opendata.schema.SchemaField;
import fr.maillage.places.Place;
import fr.maillage.shared.csv.SpreadsheetSafe;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * Writes places as the schema's CSV: UTF-8, "," separator, every cell quoted, official
 * column order, "|" between list values, formula-looking cells neutralised.
 */
public final class SchemaCsv {

	static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.ALL).get();

	private final CSVPrinter printer;

	private SchemaCsv(CSVPrinter printer) {
		this.printer = printer;
	}

	public static SchemaCsv start(Writer writer) throws IOException {
		CSVPrinter printer = new CSVPrinter(writer, FORMAT);
		printer.printRecord(SchemaField.columnNames());
		return new SchemaCsv(printer);
	}

	public void write(Place place) {
		try {
			printer.printRecord(SchemaRecords.asText(place).values().stream().map(SpreadsheetSafe::cell).toList());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public void finish() throws IOException {
		printer.flush();
	}

}
