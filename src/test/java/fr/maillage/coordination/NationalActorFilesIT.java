package fr.maillage.coordination;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import fr.maillage.accounts.AccountPrincipal;
import fr.maillage.accounts.Role;
import fr.maillage.shared.importing.ImportIssue;
import fr.maillage.testing.EmptyDirectoryApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The two national files whole (issue 18: actors from real data), as published — 2 707
 * France Services, 5 227 Aidants Connect structures — imported by an administrator: every
 * row is entered, completes an actor already there, or is reported with its line, column
 * and reason; none is lost silently and none enters twice. The files are copied whole,
 * gzipped, in {@code fixtures/acteurs/nationaux} (data/SOURCES.md).
 */
class NationalActorFilesIT extends EmptyDirectoryApiTest {

	/** A whole national file, as published, from the test classpath. */
	private static String nationalFile(String name) throws java.io.IOException {
		try (java.io.InputStream in = new java.util.zip.GZIPInputStream(
				NationalActorFilesIT.class.getResourceAsStream("/fixtures/acteurs/nationaux/" + name + ".gz"))) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private static final AccountPrincipal ADMIN = new AccountPrincipal(UUID.randomUUID().toString(),
			"admin@maillage.fr", "Administration", Role.ADMINISTRATEUR, List.of());

	@Autowired
	Actors actors;

	@Test
	void bothNationalFilesWholeEveryRowAccountedFor() throws Exception {
		long start = System.nanoTime();
		Actors.ImportReport fs = actors.importCsv(nationalFile("france-services-2023.csv"), ADMIN);
		long fsMillis = (System.nanoTime() - start) / 1_000_000;
		assertThat(fs.read()).isEqualTo(2707);
		assertThat(fs.created() + fs.updated() + fs.unchanged() + rows(fs.refused())).isEqualTo(fs.read());
		// two names appear twice in a département (two sites of one Pimms): the second is
		// reported
		assertThat(fs.refused()).allSatisfy(issue -> assertThat(issue.message()).startsWith("Même nom"));

		start = System.nanoTime();
		Actors.ImportReport ac = actors.importCsv(nationalFile("aidants-connect-structures.csv"), ADMIN);
		long acMillis = (System.nanoTime() - start) / 1_000_000;
		assertThat(ac.read()).isEqualTo(5227);
		assertThat(ac.created() + ac.updated() + ac.unchanged() + rows(ac.refused())).isEqualTo(ac.read());
		Map<String, Long> reasons = ac.refused()
			.stream()
			.collect(Collectors.groupingBy(issue -> issue.champ() + ": " + issue.message().replaceAll("\\d+", "N"),
					Collectors.counting()));
		assertThat(reasons.keySet()).allSatisfy(reason -> assertThat(reason).doesNotContain("null"));
		assertThat(jdbc.sql("select count(*) from acteur").query(Long.class).single())
			.isEqualTo((long) fs.created() + ac.created());
		// the same SIRET never twice
		assertThat(jdbc
			.sql("select count(*) from (select siret from acteur where siret is not null "
					+ "group by siret having count(*) > 1) d")
			.query(Long.class)
			.single()).isZero();
		System.out.printf("France Services: %d read, %d created, %d refused rows, %d ms%n", fs.read(), fs.created(),
				rows(fs.refused()), fsMillis);
		System.out.printf("Aidants Connect: %d read, %d created, %d completed, %d unchanged, %d refused rows, %d ms%n",
				ac.read(), ac.created(), ac.updated(), ac.unchanged(), rows(ac.refused()), acMillis);
		reasons.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
			.forEach(reason -> System.out.println("  " + reason.getValue() + " × " + reason.getKey()));
	}

	/** Rows refused (a row may carry several problems). */
	private static long rows(List<ImportIssue> refused) {
		return refused.stream().map(ImportIssue::ligne).distinct().count();
	}

}
