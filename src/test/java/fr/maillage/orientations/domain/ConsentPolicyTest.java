package fr.maillage.orientations.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import fr.maillage.orientations.domain.ConsentPolicy.Problem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * When a consent allows sending an orientation (issue 16), as a table: one line per case.
 */
class ConsentPolicyTest {

	private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', nullValues = "-",
			textBlock = """
					# case                                | purpose  | notice  | recorder | recorded at          | months | revoked at           | problems
					valid, just recorded                  | ORIENT   | CURRENT | Agent    | 2026-12-01T09:58:00Z | 24     | -                    | -
					valid, recorded on paper a month ago  | ORIENT   | CURRENT | Agent    | 2026-11-01T09:00:00Z | 24     | -                    | -
					revoked                               | ORIENT   | CURRENT | Agent    | 2026-12-01T09:58:00Z | 24     | 2026-12-01T09:59:00Z | REVOKED
					for another purpose                   | Newsletter | CURRENT | Agent  | 2026-12-01T09:58:00Z | 24     | -                    | OTHER_PURPOSE
					on an older notice                    | ORIENT   | 2025-01 | Agent    | 2026-12-01T09:58:00Z | 24     | -                    | OLD_NOTICE
					nobody recorded it                    | ORIENT   | CURRENT | ' '      | 2026-12-01T09:58:00Z | 24     | -                    | NO_RECORDER
					a phone a little ahead of the server  | ORIENT   | CURRENT | Agent    | 2026-12-01T10:04:00Z | 24     | -                    | -
					in the future                         | ORIENT   | CURRENT | Agent    | 2026-12-02T10:00:00Z | 24     | -                    | IN_THE_FUTURE
					past its duration                     | ORIENT   | CURRENT | Agent    | 2024-11-30T10:00:00Z | 24     | -                    | EXPIRED
					without duration                      | ORIENT   | CURRENT | Agent    | 2026-12-01T09:58:00Z | 0      | -                    | NO_DURATION
					everything wrong at once              | Autre    | 2025-01 | ' '      | 2026-12-01T09:58:00Z | 24     | 2026-12-01T09:59:00Z | REVOKED OTHER_PURPOSE OLD_NOTICE NO_RECORDER
					""")
	void aConsentAllowsSendingOnlyWhenValid(String description, String purpose, String notice, String recorder,
			String recordedAt, int months, String revokedAt, String problems) {
		Consent consent = new Consent("ORIENT".equals(purpose) ? InformationNotice.PURPOSE : purpose,
				InformationNotice.DATA_SHARED, "L'équipe du lieu", months, ConsentMode.ORAL_AU_GUICHET, recorder,
				Instant.parse(recordedAt), "CURRENT".equals(notice) ? InformationNotice.VERSION : notice,
				revokedAt == null ? null : Instant.parse(revokedAt));
		List<Problem> expected = problems == null ? List.of()
				: Arrays.stream(problems.split(" ")).map(Problem::valueOf).toList();
		assertThat(ConsentPolicy.problems(consent, NOW)).containsExactlyElementsOf(expected);
		assertThat(ConsentPolicy.allowsSending(consent, NOW)).isEqualTo(expected.isEmpty());
	}

	@ParameterizedTest(name = "no consent")
	@CsvSource("-")
	void noConsentNeverAllowsSending(String ignored) {
		assertThat(ConsentPolicy.problems(null, NOW)).containsExactly(Problem.MISSING);
		assertThat(ConsentPolicy.allowsSending(null, NOW)).isFalse();
		assertThat(Arrays.stream(Problem.values()).map(Problem::message))
			.allSatisfy(message -> assertThat(message).isNotBlank().endsWith("."));
	}

}
