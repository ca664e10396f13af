package fr.maillage.coordination.importing;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.function.BiConsumer;

import fr.maillage.coordination.domain.ActorEntry;
import fr.maillage.coordination.domain.ActorRules;
import fr.maillage.coordination.domain.ActorType;
import fr.maillage.coordination.domain.Competence;
import fr.maillage.coordination.domain.ConsentPurpose;
import fr.maillage.shared.csv.SpreadsheetSafe;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * Reads a CSV file of actors, one per row, with the columns of {@link ActorRules#FIELDS}
 * (in any order; the others are ignored), separated by « ; » or « , » as spreadsheets
 * write them. Each row goes to the consumer with its line number; a file that cannot be
 * read as a table is refused as a whole, with a French reason.
 */
public final class ActorsCsv {

	private ActorsCsv() {
	}

	/** The file cannot be read as a table of actors. */
	public static final class UnreadableException extends RuntimeException {

		public UnreadableException(String message) {
			super(message);
		}

	}

	/**
	 * @param text the file's text (already decoded)
	 * @param rows line number (of the file, header = 1) → field → value
	 */
	public static void read(String text, BiConsumer<Long, Map<String, String>> rows) {
		String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
		if (content.isBlank()) {
			throw new UnreadableException("Le fichier est vide.");
		}
		String header = content.lines().findFirst().orElse("");
		char separator = header.chars().filter(c -> c == ';').count() >= header.chars().filter(c -> c == ',').count()
				? ';' : ',';
		CSVFormat format = CSVFormat.DEFAULT.builder()
			.setDelimiter(separator)
			.setHeader()
			.setSkipHeaderRecord(true)
			.setIgnoreEmptyLines(true)
			.setTrim(true)
			.get();
		try (Reader reader = new StringReader(content); CSVParser parser = CSVParser.parse(reader, format)) {
			List<String> columns = parser.getHeaderNames().stream().map(ActorsCsv::column).toList();
			if (!columns.contains("nom")) {
				throw new UnreadableException("La colonne « nom » manque. Colonnes attendues : "
						+ String.join(separator + " ", ActorRules.FIELDS) + ".");
			}
			for (CSVRecord record : parser) {
				Map<String, String> fields = new LinkedHashMap<>();
				for (int i = 0; i < columns.size() && i < record.size(); i++) {
					fields.put(columns.get(i), record.get(i));
				}
				rows.accept(record.getRecordNumber() + 1, fields);
			}
		}
		catch (IOException | java.io.UncheckedIOException | IllegalArgumentException | IllegalStateException broken) {
			throw new UnreadableException(
					"Le fichier ne se lit pas comme un tableau CSV (guillemets non fermés ?) : " + broken.getMessage());
		}
	}

	/** An actor as a row of the export: the import's columns. */
	public record Row(String name, @Nullable String siret, ActorType type, String departement, @Nullable String epci,
			Set<Competence> competences, ActorEntry.@Nullable Referent referent, Set<ConsentPurpose> consents) {
	}

	/**
	 * The rows as a CSV file that {@link #read} reads back: « ; » separated (what French
	 * spreadsheets open), a BOM so that they see UTF-8, formulas defused.
	 */
	public static String write(List<Row> rows) {
		StringBuilder out = new StringBuilder("\uFEFF");
		CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(';').setRecordSeparator("\r\n").get();
		try (CSVPrinter printer = new CSVPrinter(out, format)) {
			printer.printRecord(ActorRules.FIELDS);
			for (Row row : rows) {
				ActorEntry.Referent referent = row.referent();
				printer.printRecord(cell(row.name()), cell(row.siret()), row.type().code(), row.departement(),
						cell(row.epci()),
						row.competences().stream().map(Competence::code).sorted().collect(Collectors.joining("|")),
						cell(referent == null ? null : referent.name()),
						cell(referent == null ? null : referent.email()),
						cell(referent == null ? null : referent.phone()),
						referent == null ? "" : (row.consents().contains(ConsentPurpose.PUBLICATION) ? "oui" : "non"),
						referent == null ? "" : (row.consents().contains(ConsentPurpose.INVITATIONS) ? "oui" : "non"));
			}
		}
		catch (IOException impossible) {
			throw new java.io.UncheckedIOException(impossible);
		}
		return out.toString();
	}

	/**
	 * A cell a spreadsheet would run as a formula is defused, as every CSV export does.
	 */
	private static String cell(@Nullable String value) {
		return value == null ? "" : SpreadsheetSafe.cell(value);
	}

	/** « Référent nom » and « referent_nom » name the same column. */
	private static String column(String header) {
		return java.text.Normalizer.normalize(header.strip(), java.text.Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.toLowerCase(Locale.ROOT)
			.replaceAll("[^a-z0-9]+", "_")
			.replaceAll("^_|_$", "");
	}

}
