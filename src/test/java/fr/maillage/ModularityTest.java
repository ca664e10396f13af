package fr.maillage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module boundaries of ARCHITECTURE.md, checked: no cycles, only declared
 * dependencies, no internals used.
 */
class ModularityTest {

	private final ApplicationModules modules = ApplicationModules.of(MaillageApplication.class);

	@Test
	void modulesRespectTheirDeclaredBoundaries() {
		modules.verify();
	}

	@Test
	void theModulesOfTheArchitectureExist() {
		assertThat(modules.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
			.containsExactlyInAnyOrder("shared", "territories", "accounts", "places", "opendata", "contributions",
					"coordination", "fragility", "coverage", "orientations");
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}

}
