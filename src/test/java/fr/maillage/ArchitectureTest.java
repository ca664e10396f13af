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
			"fr.maillage.places.hours.." };

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

}
