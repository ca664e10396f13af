package fr.maillage.opendata.importing;

import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import fr.maillage.shared.importing.ImportIssue;
import fr.maillage.opendata.persistence.JdbcImportRepository;
import fr.maillage.opendata.persistence.JdbcImportRepository.RejectedRow;
import fr.maillage.opendata.persistence.JdbcImportRepository.Run;
import fr.maillage.shared.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads back past imports: their report, every issue and every rejected row with its
 * original values.
 */
@Service
public class ImportReports {

	private final JdbcImportRepository imports;

	ImportReports(JdbcImportRepository imports) {
		this.imports = imports;
	}

	public Run getRun(UUID id) {
		return imports.findRun(id)
			.orElseThrow(() -> new NotFoundException("Aucun import ne porte l'identifiant « " + id + " »."));
	}

	@Transactional(readOnly = true)
	public ImportReport getReport(UUID id) {
		Run run = getRun(id);
		int warnings = imports.countIssues(id, SourceImport.WARNING);
		int rejections = imports.countIssues(id, SourceImport.REJECTION);
		return new ImportReport(id.toString(), run.importSource(), run.fileName(), run.fileFormat(),
				run.schemaVersion(), run.startedAt(), run.lues(), run.acceptees(), run.rejetees(), run.nouvelles(),
				run.modifiees(), run.inchangees(), warnings,
				warnings > SourceImport.LISTED_ISSUES_LIMIT || rejections > SourceImport.LISTED_ISSUES_LIMIT,
				imports.listIssues(id, SourceImport.WARNING, SourceImport.LISTED_ISSUES_LIMIT),
				imports.listIssues(id, SourceImport.REJECTION, SourceImport.LISTED_ISSUES_LIMIT));
	}

	@Transactional(readOnly = true)
	public void forEachRejectedRow(UUID id, Consumer<RejectedRow> consumer) {
		imports.forEachRejectedRow(id, consumer);
	}

	@Transactional(readOnly = true)
	public void forEachIssue(UUID id, BiConsumer<String, ImportIssue> consumer) {
		imports.forEachIssue(id, entry -> consumer.accept(entry.getKey(), entry.getValue()));
	}

}
