package fr.maillage.opendata.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SourceScheduleTest {

	private static final List<String> SOURCES = List.of("aidants-connect", "france-services");

	@Test
	void onlySourcesWithAScheduleAreRunOnOne() {
		Map<String, String> settings = Map.of("maillage.sources.france-services.planification", "0 0 3 * * *",
				"maillage.sources.france-services.chemin", "/data/france-services.csv");

		assertThat(SourceSchedule.plan(SOURCES, settings::get))
			.containsExactly(new SourceSchedule.Planned("france-services", "0 0 3 * * *"));
	}

	@Test
	void aScheduleThatIsNotACronExpressionStopsTheStartUp() {
		Map<String, String> settings = Map.of("maillage.sources.france-services.planification", "chaque nuit",
				"maillage.sources.france-services.chemin", "/data/france-services.csv");

		assertThatThrownBy(() -> SourceSchedule.plan(SOURCES, settings::get))
			.hasMessageContaining("maillage.sources.france-services.planification")
			.hasMessageContaining("chaque nuit");
	}

	@Test
	void aScheduleWithoutAFileToReadStopsTheStartUp() {
		Map<String, String> settings = Map.of("maillage.sources.aidants-connect.planification", "0 30 2 * * MON");

		assertThatThrownBy(() -> SourceSchedule.plan(SOURCES, settings::get))
			.hasMessageContaining("maillage.sources.aidants-connect.chemin");
	}

}
