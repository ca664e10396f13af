package fr.maillage;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Rules Spring Modulith does not check. Each rule first asserts that the packages it
 * names exist, so that it can fail (a rule over an empty package passes vacuously).
 */
class ArchitectureTest {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("fr.maillage");

	private static final String[] PLAIN_JAVA_PACKAGES = { "fr.maillage.places.vocabulary..",
			"fr.maillage.opendata.schema..", "fr.maillage.opendata.merging..", "fr.maillage.shared.text..",
			"fr.maillage.shared.geo..", "fr.maillage.coverage.domain..", "fr.maillage.fragility.domain..",
			"fr.maillage.places.hours..", "fr.maillage.contributions.domain..", "fr.maillage.coordination.domain..",
			"fr.maillage.orientations.domain.." };

	@Test
	void domainPackagesArePlainJava() {
		for (String pkg : PLAIN_JAVA_PACKAGES) {
			assertThat(CLASSES.that(com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage(pkg)))
				.as(pkg)
				.isNotEmpty();
		}
		noClasses().that()
			.resideInAnyPackage(PLAIN_JAVA_PACKAGES)
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework.beans..", "org.springframework.context..",
					"org.springframework.stereotype..", "org.springframework.jdbc..", "org.springframework.web..",
					"java.sql..", "jakarta.servlet..", "javax.sql..")
			.check(CLASSES);
	}

	@Test
	void theRecordNormalizerIsAPureFunction() {
		noClasses().that()
			.haveSimpleNameStartingWith("RecordNormalizer")
			.or()
			.haveSimpleName("PhoneNumbers")
			.or()
			.haveSimpleName("OpeningHoursSyntax")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "java.sql..", "jakarta.servlet..", "java.nio.file..")
			.check(CLASSES);
	}

	@Test
	void onlyWebAdaptersTouchTheServletApi() {
		noClasses().that()
			.resideOutsideOfPackages("..web..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("jakarta.servlet..", "org.springframework.web..")
			.check(CLASSES);
	}

	@Test
	void onlyPersistenceAdaptersTouchTheDatabase() {
		String[] persistence = { "..persistence..", "fr.maillage.shared.database.." };
		assertThat(CLASSES.that(com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage(persistence)))
			.isNotEmpty();
		noClasses().that()
			.resideOutsideOfPackages(persistence)
			.should()
			.dependOnClassesThat()
			.belongToAnyOf(org.springframework.jdbc.core.simple.JdbcClient.class,
					org.springframework.jdbc.core.JdbcTemplate.class,
					org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate.class,
					javax.sql.DataSource.class)
			.check(CLASSES);
	}

	/**
	 * No cycle between the packages of a module (issue 15): a module's layers depend one
	 * way — {@code web} on the root (the API), the root on {@code persistence}, both on
	 * the domain — so that a layer can be read, tested and replaced without the others.
	 */
	/**
	 * The package cycles the modules written before issue 15 still have: their
	 * persistence or importing packages use the root's records ({@code Place},
	 * {@code Account}…), which the root's services use in turn. To remove by moving those
	 * records into a {@code domain} package, as {@code contributions} does; never to add
	 * to: a new cycle, or one removed but still listed, fails the test.
	 */
	private static final java.util.Set<String> KNOWN_CYCLES = java.util.Set.of(
			"fr.maillage.accounts ⇄ fr.maillage.accounts.persistence",
			"fr.maillage.places ⇄ fr.maillage.places.persistence",
			"fr.maillage.territories ⇄ fr.maillage.territories.persistence",
			"fr.maillage.territories ⇄ fr.maillage.territories.search",
			"fr.maillage.territories.persistence ⇄ fr.maillage.territories.search");

	@Test
	void noCycleBetweenThePackagesOfAModule() {
		java.util.Map<String, java.util.Set<String>> edges = new java.util.TreeMap<>();
		for (com.tngtech.archunit.core.domain.JavaClass origin : CLASSES) {
			String from = origin.getPackageName();
			for (com.tngtech.archunit.core.domain.Dependency dependency : origin.getDirectDependenciesFromSelf()) {
				String to = dependency.getTargetClass().getPackageName();
				if (!to.equals(from) && to.startsWith("fr.maillage.") && module(to).equals(module(from))) {
					edges.computeIfAbsent(from, key -> new java.util.TreeSet<>()).add(to);
				}
			}
		}
		assertThat(edges).as("packages depending on another package of their module").isNotEmpty();
		java.util.List<String> cycles = new java.util.ArrayList<>();
		for (String from : edges.keySet()) {
			for (String to : edges.get(from)) {
				if (from.compareTo(to) < 0 && reaches(edges, to, from)) {
					cycles.add(from + " ⇄ " + to);
				}
			}
		}
		assertThat(cycles).as("package cycles inside a module").containsExactlyInAnyOrderElementsOf(KNOWN_CYCLES);
	}

	/** fr.maillage.places.persistence → places */
	private static String module(String packageName) {
		String rest = packageName.substring("fr.maillage.".length());
		int dot = rest.indexOf('.');
		return dot < 0 ? rest : rest.substring(0, dot);
	}

	private static boolean reaches(java.util.Map<String, java.util.Set<String>> edges, String from, String target) {
		java.util.Deque<String> todo = new java.util.ArrayDeque<>(java.util.List.of(from));
		java.util.Set<String> seen = new java.util.HashSet<>();
		while (!todo.isEmpty()) {
			String next = todo.pop();
			if (next.equals(target)) {
				return true;
			}
			if (seen.add(next)) {
				todo.addAll(edges.getOrDefault(next, java.util.Set.of()));
			}
		}
		return false;
	}

}
