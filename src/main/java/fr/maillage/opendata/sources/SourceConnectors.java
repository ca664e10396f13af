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
import fr.maillage.opendata.importing.ImportReport;
import fr.maillage.opendata.importing.SourceImport;
import fr.maillage.places.hours.OpeningHoursEvaluator;
import fr.maillage.shared.web.BadRequestException;
import fr.maillage.shared.web.NotFoundException;
import org.jspecify.annotations.Nullable;
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

	private final SourceImport sourceImport;

	private final Clock clock;

	private final Environment environment;

	SourceConnectors(SourceImport sourceImport, Clock clock, Environment environment, ObjectMapper json)
			throws IOException {
		this.sourceImport = sourceImport;
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

	/**
	 * @param content the uploaded file, or {@code null} to read the configured path
	 */
	public ImportReport run(String name, @Nullable String fileName, @Nullable FileContent content) {
		SourceMapping mapping = getSource(name);
		FileContent file = content;
		String shownName = fileName;
		if (file == null) {
			Path path = configuredPath(name).orElseThrow(() -> new BadRequestException("fichier_manquant",
					"Joignez le fichier de la source (champ « fichier ») : aucun chemin n'est configuré pour « " + name
							+ " » (maillage.sources." + name + ".chemin)."));
			if (!Files.isReadable(path)) {
				throw new BadRequestException("fichier_introuvable", "Le fichier configuré est introuvable : " + path);
			}
			file = () -> Files.newInputStream(path);
			shownName = path.getFileName().toString();
		}
		LocalDate received = LocalDate.now(clock.withZone(OpeningHoursEvaluator.PARIS));
		return sourceImport.importFile(mapping.name(), shownName, file, new MappedSource(mapping, received));
	}

	private Optional<Path> configuredPath(String name) {
		return Optional.ofNullable(environment.getProperty("maillage.sources." + name + ".chemin"))
			.filter(path -> !path.isBlank())
			.map(Path::of);
	}

}
