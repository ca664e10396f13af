package fr.maillage.opendata;

import java.io.IOException;

import fr.maillage.opendata.importing.ImportReport;
import fr.maillage.opendata.importing.SourceImport;
import fr.maillage.places.PlaceDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * On first start (empty directory), loads the real Auvergne-Rhône-Alpes places of the
 * Hinaura hub so that a newcomer sees a real directory at once (data/SOURCES.md). Enabled
 * by {@code maillage.demo.enabled}.
 */
@Component
@ConditionalOnProperty(name = "maillage.demo.enabled", havingValue = "true")
class DemoData implements ApplicationRunner {

	static final String RESOURCE = "demo/hinaura-lieux-auvergne-rhone-alpes.json";

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final PlaceDirectory directory;

	private final SourceImport sourceImport;

	DemoData(PlaceDirectory directory, SourceImport sourceImport) {
		this.directory = directory;
		this.sourceImport = sourceImport;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		if (directory.countPlaces() > 0) {
			return;
		}
		ClassPathResource resource = new ClassPathResource(RESOURCE);
		ImportReport report = sourceImport.importFile("hinaura", resource.getFilename(), resource::getInputStream);
		log.info("Données de démonstration chargées : {} lieux Hinaura (Auvergne-Rhône-Alpes).", report.acceptees());
	}

}
