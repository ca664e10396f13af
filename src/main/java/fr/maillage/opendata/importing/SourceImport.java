package fr.maillage.opendata.importing;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import fr.maillage.shared.importing.ImportIssue;
import fr.maillage.opendata.persistence.JdbcImportRepository;
import fr.maillage.opendata.persistence.JdbcImportRepository.RejectedRow;
import fr.maillage.opendata.persistence.JdbcImportRepository.Run;
import fr.maillage.opendata.schema.LegacyMapping;
import fr.maillage.opendata.schema.SchemaField;
import fr.maillage.places.Place;
import fr.maillage.places.PlaceDirectory;
import fr.maillage.places.SavedPlaces;
import fr.maillage.territories.Territories;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports one producer file into the directory. All or nothing: the accepted rows, the
 * report and the rejected rows are written in one transaction, so a failure at any point
 * leaves the previous directory as it was. Idempotent: a record is identified by the
 * import source and its {@code id}, so importing the same file again updates the same
 * places. Streams records in batches so memory does not grow with the file.
 */
@Service
public class SourceImport {

	/**
	 * How many warnings and rejections the JSON answer lists; the CSV downloads have them
	 * all.
	 */
	public static final int LISTED_ISSUES_LIMIT = 1000;

	static final String WARNING = "avertissement";

	static final String REJECTION = "rejet";

	private static final Logger log = LoggerFactory.getLogger(SourceImport.class);

	private static final Pattern SOURCE_NAME = Pattern.compile("^[\\p{L}\\p{N}][\\p{L}\\p{N} ._'-]{0,99}$");

	private static final int BATCH_SIZE = 1000;

	private static final Set<String> V1_ONLY_COLUMNS = Set.of("courriels", "publics_specifiquement_adresses",
			"prise_en_charge_specifique", "frais_a_charge", "dispositif_programmes_nationaux", "formations_labels",
			"autres_formations_labels", "modalites_acces", "itinerance", "fiche_acces_libre");

	private static final Set<String> V01_ONLY_COLUMNS = Set.of("courriel", "publics_accueillis", "conditions_acces",
			"labels_nationaux", "labels_autres", "accessibilite", "cle_ban");

	private final PlaceDirectory directory;

	private final JdbcImportRepository imports;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final RecordNormalizer normalizer;

	private final DirectoryPublication published;

	SourceImport(PlaceDirectory directory, DirectoryPublication published, JdbcImportRepository imports,
			TransactionTemplate transaction, Clock clock, Territories territories) {
		this.directory = directory;
		this.published = published;
		this.imports = imports;
		this.transaction = transaction;
		this.clock = clock;
		this.normalizer = new RecordNormalizer(clock, new TerritoryCommunes(territories));
	}

	/**
	 * @throws ImportRefusedException when the file as a whole cannot be imported; nothing
	 * is changed then
	 */
	public ImportReport importFile(String source, @Nullable String fileName, FileContent content) {
		return importFile(source, fileName, content, null);
	}

	/**
	 * A producer's own export, turned into schema records by a mapping (source
	 * connectors); otherwise as {@link #importFile(String, String, FileContent)}.
	 */
	public ImportReport importFile(String source, @Nullable String fileName, FileContent content,
			@Nullable RecordMapping mapping) {
		return importFile(source, fileName, content, mapping, ImportProgress.NONE);
	}

	/**
	 * As {@link #importFile(String, String, FileContent, RecordMapping)}, telling its
	 * progress.
	 */
	public ImportReport importFile(String source, @Nullable String fileName, FileContent content,
			@Nullable RecordMapping mapping, ImportProgress progress) {
		String sourceName = checkSourceName(source);
		try {
			Charset charset = TextEncoding.detect(content);
			return transaction.execute(status -> {
				try (RecordReader reader = openReader(content, charset, fileName)) {
					return new Execution(sourceName, fileName, reader, charset, mapping, progress).execute();
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			});
		}
		catch (IOException | UncheckedIOException e) {
			throw new ImportRefusedException("lecture_impossible",
					"Le fichier n'a pas pu être lu jusqu'au bout : rien n'a été importé.");
		}
	}

	private static String checkSourceName(@Nullable String source) {
		String name = source == null ? "" : source.strip();
		if (!SOURCE_NAME.matcher(name).matches()) {
			throw new ImportRefusedException("source_invalide",
					"Le champ « source » est obligatoire : un nom court (lettres, chiffres, espaces, . _ ' -) qui "
							+ "désigne le producteur du fichier, par exemple « hinaura ».");
		}
		return name;
	}

	private static RecordReader openReader(FileContent content, Charset charset, @Nullable String fileName)
			throws IOException {
		Reader reader = TextEncoding.open(content, charset);
		PushbackReader pushback = new PushbackReader(reader, 1);
		int first;
		do {
			first = pushback.read();
		}
		while (first != -1 && Character.isWhitespace(first));
		if (first == -1) {
			pushback.close();
			throw new ImportRefusedException("fichier_vide", "Le fichier est vide.");
		}
		pushback.unread(first);
		String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
		boolean json = first == '[' || first == '{' || name.endsWith(".json") || name.endsWith(".geojson");
		return json ? new JsonRecordReader(pushback) : new CsvRecordReader(pushback);
	}

	/** One execution of an import, inside the transaction. */
	private final class Execution {

		private final UUID id = UUID.randomUUID();

		private final Instant startedAt = clock.instant();

		private final String source;

		private final @Nullable String fileName;

		private final RecordReader reader;

		private final Charset charset;

		private final List<Place> accepted = new ArrayList<>();

		/**
		 * Ids of the records accepted, while few enough for an incremental publication.
		 */
		private final java.util.Set<String> acceptedIds = new java.util.HashSet<>();

		private final List<ImportIssue> pendingWarnings = new ArrayList<>();

		private final List<ImportIssue> pendingRejections = new ArrayList<>();

		private final List<RejectedRow> pendingRows = new ArrayList<>();

		private final List<ImportIssue> listedWarnings = new ArrayList<>();

		private final List<ImportIssue> listedRejections = new ArrayList<>();

		private final Map<String, Long> lineOfId = new HashMap<>();

		private int read;

		private int acceptedCount;

		private SavedPlaces saved = SavedPlaces.NONE;

		private int rejectedCount;

		private int warningCount;

		private int rejectionCount;

		private final @Nullable RecordMapping mapping;

		private final ImportProgress progress;

		Execution(String source, @Nullable String fileName, RecordReader reader, Charset charset,
				@Nullable RecordMapping mapping, ImportProgress progress) {
			this.mapping = mapping;
			this.progress = progress;
			this.source = source;
			this.fileName = fileName;
			this.reader = reader;
			this.charset = charset;
		}

		ImportReport execute() {
			published.lockForWriting();
			imports.insertRun(new Run(id, source, fileName, reader.format(), "", startedAt, startedAt, 0, 0, 0, 0, 0, 0,
					List.of()));
			if (!charset.name().equals("UTF-8")) {
				warnFile(null, "Fichier encodé en " + charset.name() + " : converti en UTF-8.");
			}
			if (mapping != null) {
				requireColumns(mapping.schemaColumns());
				if (reader.format().equals("csv")) {
					requireSourceColumns(reader.columns());
				}
			}
			else if (reader.format().equals("csv")) {
				requireColumns(reader.columns());
				reportUnknownColumns(reader.columns());
			}
			try (NormalizedBatches batches = new NormalizedBatches(reader, normalizer, source, BATCH_SIZE, mapping)) {
				for (List<NormalizedBatches.Normalized> batch = batches.next(); !batch.isEmpty(); batch = batches
					.next()) {
					batch.forEach(item -> handle(item.record(), item.outcome()));
					flush();
					progress.update("lecture", read);
				}
			}
			if (read == 0) {
				throw new ImportRefusedException("fichier_vide", "Le fichier ne contient aucun lieu.");
			}
			if (mapping != null && !reader.format().equals("csv")) {
				requireSourceColumns(reader.columns());
			}
			if (mapping == null && !reader.format().equals("csv")) {
				requireColumns(reader.columns());
				reportUnknownColumns(reader.columns());
			}
			// the file-level warnings of a JSON file are only known once it is read
			flush();
			if (saved.added() + saved.changed() > 0) {
				// after any import that changed a record, the directory is the merge of
				// all sources; beyond a few records, rebuilt whole
				published.publishChanged(acceptedIds);
			}
			String version = schemaVersion(mapping != null ? mapping.schemaColumns() : reader.columns());
			imports.finishRun(new Run(id, source, fileName, reader.format(), version, startedAt, clock.instant(), read,
					acceptedCount, rejectedCount, saved.added(), saved.changed(), saved.unchanged(), reader.columns()));
			log.info(
					"Import {} of source '{}' ({}): {} read, {} accepted ({} new, {} changed, {} unchanged), {} rejected, {} warnings",
					id, source, fileName, read, acceptedCount, saved.added(), saved.changed(), saved.unchanged(),
					rejectedCount, warningCount);
			return new ImportReport(id.toString(), source, fileName, reader.format(), version, startedAt, read,
					acceptedCount, rejectedCount, saved.added(), saved.changed(), saved.unchanged(), warningCount,
					warningCount > LISTED_ISSUES_LIMIT || rejectionCount > LISTED_ISSUES_LIMIT, listedWarnings,
					listedRejections);
		}

		private void handle(RawRecord record, RecordOutcome outcome) {
			read++;
			if (outcome instanceof RecordOutcome.Accepted ok) {
				Long firstLine = lineOfId.putIfAbsent(ok.place().origin().sourceId(), record.line());
				if (firstLine != null) {
					reject(record, List.of(new ImportIssue(record.line(), "id", ok.place().origin().sourceId(),
							"Identifiant déjà utilisé ligne " + firstLine + " de ce fichier : ligne écartée.")));
					return;
				}
				acceptedCount++;
				accepted.add(ok.place());
				ok.warnings().forEach(this::warn);
			}
			else if (outcome instanceof RecordOutcome.Rejected rejected) {
				reject(record, rejected.errors());
			}
			if (read % 50_000 == 0) {
				log.info("Import {}: {} records read", id, read);
			}
		}

		private void reject(RawRecord record, List<ImportIssue> errors) {
			rejectedCount++;
			for (ImportIssue error : errors) {
				rejectionCount++;
				pendingRejections.add(error);
				if (listedRejections.size() < LISTED_ISSUES_LIMIT) {
					listedRejections.add(error);
				}
			}
			Map<String, String> raw = new LinkedHashMap<>();
			record.values().forEach((column, value) -> {
				if (!column.startsWith("__")) {
					raw.put(column, RecordNormalizer.asText(value));
				}
			});
			pendingRows.add(new RejectedRow(record.line(), raw,
					errors.stream().map(ImportIssue::message).collect(Collectors.joining(" "))));
		}

		private void warn(ImportIssue warning) {
			warningCount++;
			pendingWarnings.add(warning);
			if (listedWarnings.size() < LISTED_ISSUES_LIMIT) {
				listedWarnings.add(warning);
			}
		}

		private void warnFile(@Nullable String field, String message) {
			warn(ImportIssue.ofFile(field, message));
		}

		private void requireColumns(List<String> columns) {
			List<String> missing = new ArrayList<>();
			for (SchemaField field : SchemaField.values()) {
				if (field.required() && !columns.contains(field.columnName())) {
					missing.add(field.columnName());
				}
			}
			if (!missing.isEmpty()) {
				throw new ImportRefusedException("colonnes_manquantes", "Colonnes obligatoires absentes du fichier : "
						+ String.join(", ", missing) + ". Rien n'a été importé.", missing);
			}
		}

		private void requireSourceColumns(List<String> columns) {
			List<String> missing = mapping.requiredSourceColumns()
				.stream()
				.filter(column -> !columns.contains(column))
				.toList();
			if (!missing.isEmpty()) {
				throw new ImportRefusedException(
						"colonnes_manquantes", "Ce fichier n'est pas un export de la source « " + source
								+ " » : colonnes absentes : " + String.join(", ", missing) + ". Rien n'a été importé.",
						missing);
			}
		}

		private void reportUnknownColumns(List<String> columns) {
			for (String column : columns) {
				boolean known = SchemaField.findByColumnName(column).isPresent() || V01_ONLY_COLUMNS.contains(column)
						|| LegacyMapping.RENAMED_COLUMNS.containsKey(column);
				if (!known) {
					warnFile(column, "Colonne inconnue du standard : ignorée.");
				}
			}
		}

		private void flush() {
			int warningsBefore = warningCount - pendingWarnings.size();
			int rejectionsBefore = rejectionCount - pendingRejections.size();
			saved = saved.plus(directory.savePlaces(accepted));
			for (Place place : accepted) {
				if (acceptedIds.size() > DirectoryPublication.INCREMENTAL_LIMIT) {
					break;
				}
				acceptedIds.add(place.id());
			}
			imports.insertIssues(id, WARNING, warningsBefore, pendingWarnings);
			imports.insertIssues(id, REJECTION, rejectionsBefore, pendingRejections);
			imports.insertRejectedRows(id, pendingRows);
			accepted.clear();
			pendingWarnings.clear();
			pendingRejections.clear();
			pendingRows.clear();
		}

	}

	private static String schemaVersion(List<String> columns) {
		boolean v1 = columns.stream().anyMatch(V1_ONLY_COLUMNS::contains);
		boolean v01 = columns.stream().anyMatch(V01_ONLY_COLUMNS::contains);
		if (v1 && v01) {
			return "mixte (1.0 et 0.1)";
		}
		return v01 ? "0.1" : "1.0";
	}

}
