package fr.maillage.opendata.sources;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import fr.maillage.opendata.importing.FileContent;
import fr.maillage.opendata.importing.ImportRefusedException;
import fr.maillage.opendata.importing.ImportReport;
import fr.maillage.opendata.importing.SourceImport;
import fr.maillage.opendata.persistence.JdbcSourceRunRepository;
import fr.maillage.opendata.persistence.JdbcSourceRunRepository.SourceRun;
import fr.maillage.places.hours.OpeningHoursEvaluator;
import fr.maillage.shared.web.BadRequestException;
import fr.maillage.shared.web.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;
import tools.jackson.databind.ObjectMapper;

/**
 * The declared source connectors ({@code resources/sources/*.json}) and their runs: a
 * producer's export goes through its mapping, then the usual import (same report, same
 * guarantees: all or nothing, every row left out kept). The file is the uploaded one or,
 * without upload, the path configured as {@code maillage.sources.<nom>.chemin}.
 */
@Service
public class SourceConnectors {

	private final Map<String, SourceMapping> mappings = new TreeMap<>();

	private static final Logger log = LoggerFactory.getLogger(SourceConnectors.class);

	private static final int PROGRESS_LOG_EVERY = 10_000;

	private final SourceImport sourceImport;

	private final JdbcSourceRunRepository runs;

	private final Clock clock;

	private final Environment environment;

	SourceConnectors(SourceImport sourceImport, JdbcSourceRunRepository runs, Clock clock, Environment environment,
			ObjectMapper json) throws IOException {
		this.sourceImport = sourceImport;
		this.runs = runs;
		this.clock = clock;
		this.environment = environment;
		for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath:sources/*.json")) {
			try (InputStream in = resource.getInputStream()) {
				SourceMapping mapping = json.readValue(in, SourceMapping.class);
				mappings.put(mapping.name(), mapping);
			}
		}
	}

	public List<SourceMapping> listSources() {
		return List.copyOf(mappings.values());
	}

	public SourceMapping getSource(String name) {
		SourceMapping mapping = mappings.get(name);
		if (mapping == null) {
			throw new NotFoundException("Source inconnue : « " + name + " ». Sources déclarées : "
					+ String.join(", ", mappings.keySet()) + ".");
		}
		return mapping;
	}

	/** A run's identifier and the report of its import. */
	public record RunResult(String executionId, ImportReport report) {
	}

	/**
	 * Runs a connector: the run is recorded with its progress while it runs, and with its
	 * report or the reason it failed (a failed run changes nothing).
	 * @param content the uploaded file, or {@code null} to read the configured path
	 * @param trigger {@code manuel} or {@code planifie}
	 */
	public RunResult run(String name, @Nullable String fileName, @Nullable FileContent content, String trigger) {
		SourceMapping mapping = getSource(name);
		String executionId = runs.start(name, trigger, clock.instant());
		int[] read = { 0 };
		try {
			FileContent file = content;
			String shownName = fileName;
			if (file == null) {
				Path path = configuredPath(name).orElseThrow(() -> new BadRequestException("fichier_manquant",
						"Joignez le fichier de la source (champ « fichier ») : aucun chemin n'est configuré pour « "
								+ name + " » (maillage.sources." + name + ".chemin)."));
				if (!Files.isReadable(path)) {
					throw new BadRequestException("fichier_introuvable",
							"Le fichier configuré est introuvable : " + path);
				}
				file = () -> Files.newInputStream(path);
				shownName = path.getFileName().toString();
			}
			LocalDate received = LocalDate.now(clock.withZone(OpeningHoursEvaluator.PARIS));
			// a producer publishing the national schema itself is imported as any schema
			// file
			ImportReport report = sourceImport.importFile(mapping.name(), shownName, file,
					mapping.isNationalSchema() ? null : new MappedSource(mapping, received), (stage, count) -> {
						if (count / PROGRESS_LOG_EVERY != read[0] / PROGRESS_LOG_EVERY || stage.equals("publication")) {
							log.info("Run {} of source '{}': {} records read, {}", executionId, name, count, stage);
						}
						read[0] = count;
						runs.progress(executionId, stage, count);
					});
			runs.finish(executionId, RunStatus.TERMINEE.code(), report.lues(), report.importId(), null,
					clock.instant());
			return new RunResult(executionId, report);
		}
		catch (BadRequestException | ImportRefusedException refused) {
			runs.finish(executionId, RunStatus.ECHOUEE.code(), read[0], null, refused.getMessage(), clock.instant());
			throw refused;
		}
		catch (RuntimeException unexpected) {
			log.error("Run {} of source '{}' failed", executionId, name, unexpected);
			runs.finish(executionId, RunStatus.ECHOUEE.code(), read[0], null,
					"Erreur inattendue pendant l'exécution : rien n'a été modifié. Consultez les journaux du serveur.",
					clock.instant());
			throw unexpected;
		}
	}

	public List<SourceRun> listRuns(String name) {
		getSource(name);
		return runs.listRuns(name, 50);
	}

	public SourceRun getRun(String name, String executionId) {
		getSource(name);
		return runs.findRun(name, executionId)
			.orElseThrow(() -> new NotFoundException(
					"Aucune exécution « " + executionId + " » de la source « " + name + " »."));
	}

	private Optional<Path> configuredPath(String name) {
		return Optional.ofNullable(environment.getProperty("maillage.sources." + name + ".chemin"))
			.filter(path -> !path.isBlank())
			.map(Path::of);
	}

}
