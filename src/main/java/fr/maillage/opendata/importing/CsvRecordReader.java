package fr.maillage.opendata.importing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV with a header row; the separator (",", ";" or tab) is the one the header uses most
 * outside quotes.
 */
final class CsvRecordReader implements RecordReader {

	private final CSVParser parser;

	private final Iterator<CSVRecord> records;

	private final List<String> columns;

	CsvRecordReader(Reader reader) throws IOException {
		BufferedReader buffered = new BufferedReader(reader, 64 * 1024);
		buffered.mark(64 * 1024);
		char delimiter = delimiterOf(headerLine(buffered));
		buffered.reset();
		this.parser = CSVFormat.RFC4180.builder()
			.setDelimiter(delimiter)
			.setHeader()
			.setSkipHeaderRecord(true)
			.setAllowMissingColumnNames(true)
			.setDuplicateHeaderMode(org.apache.commons.csv.DuplicateHeaderMode.ALLOW_ALL)
			.setIgnoreEmptyLines(true)
			.get()
			.parse(buffered);
		List<String> header = new ArrayList<>();
		for (String name : parser.getHeaderNames()) {
			header.add(name == null ? "" : name.strip());
		}
		this.columns = List.copyOf(header);
		this.records = parser.iterator();
	}

	private static String headerLine(BufferedReader reader) throws IOException {
		StringBuilder line = new StringBuilder();
		boolean quoted = false;
		int c;
		while ((c = reader.read()) != -1 && line.length() < 60_000) {
			if (c == '"') {
				quoted = !quoted;
			}
			if (!quoted && (c == '\n' || c == '\r')) {
				break;
			}
			line.append((char) c);
		}
		return line.toString();
	}

	static char delimiterOf(String header) {
		int commas = 0;
		int semicolons = 0;
		int tabs = 0;
		boolean quoted = false;
		for (char c : header.toCharArray()) {
			if (c == '"') {
				quoted = !quoted;
			}
			else if (!quoted) {
				commas += c == ',' ? 1 : 0;
				semicolons += c == ';' ? 1 : 0;
				tabs += c == '\t' ? 1 : 0;
			}
		}
		if (tabs > commas && tabs > semicolons) {
			return '\t';
		}
		return semicolons > commas ? ';' : ',';
	}

	@Override
	public String format() {
		return "csv";
	}

	@Override
	public List<String> columns() {
		return columns;
	}

	@Override
	public boolean hasNext() {
		try {
			return records.hasNext();
		}
		catch (UncheckedIOException | IllegalStateException e) {
			throw malformed(e);
		}
	}

	@Override
	public RawRecord next() {
		CSVRecord record;
		try {
			record = records.next();
		}
		catch (UncheckedIOException | IllegalStateException e) {
			throw malformed(e);
		}
		Map<String, Object> values = new LinkedHashMap<>();
		for (int i = 0; i < record.size(); i++) {
			String column = i < columns.size() ? columns.get(i) : "colonne_" + (i + 1);
			values.putIfAbsent(column, record.get(i));
		}
		return new RawRecord(record.getRecordNumber() + 1, values, false);
	}

	private static ImportRefusedException malformed(RuntimeException e) {
		Throwable cause = e.getCause() != null ? e.getCause() : e;
		if (cause instanceof java.nio.charset.CharacterCodingException) {
			return new ImportRefusedException("encodage_inconnu",
					"Caractères illisibles dans le fichier : enregistrez-le en UTF-8 et réessayez.");
		}
		return new ImportRefusedException("csv_mal_forme",
				"Le fichier CSV est mal formé (guillemet non refermé ?) : rien n'a été importé. " + cause.getMessage());
	}

	@Override
	public void close() throws IOException {
		parser.close();
	}

}
