package fr.maillage.coordination.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Representativeness as a table: present structures and directory actors per type ( «
 * type:count » separated by spaces), the share of one type present and in the directory,
 * the gap in points, and the types never present.
 */
class RepresentativenessTest {

	@ParameterizedTest(name = "present {0}, directory {1}: {2} {3}/{4}, gap {5}, absent {6}")
	@CsvSource(delimiter = '|', nullValues = "-",
			textBlock = """
					mairie:1 association:1         | mairie:2 association:2 caf:1 | mairie      | 0.5    | 0.4    | 10.0  | caf
					mairie:1 association:1         | mairie:2 association:2 caf:1 | caf         | 0.0    | 0.2    | -20.0 | caf
					mairie:3                       | mairie:1 ccas:3              | mairie      | 1.0    | 0.25   | 75.0  | ccas
					-                              | mairie:1 ccas:3              | ccas        | 0.0    | 0.75   | -75.0 | mairie ccas
					autre:2                        | -                            | autre       | 1.0    | 0.0    | 100.0 | -
					mairie:1 association:1 caf:1   | mairie:1 association:1 caf:1 | association | 0.3333 | 0.3333 | 0.0   | -
					hub:1                          | hub:1 mairie:2               | hub         | 1.0    | 0.3333 | 66.7  | mairie
					""")
	void shares(String present, String directory, String type, double presentShare, double directoryShare, double gap,
			String absent) {
		Representativeness.Result result = Representativeness.compute(counts(present), counts(directory));

		Representativeness.Row row = result.rows()
			.stream()
			.filter(r -> r.type().code().equals(type))
			.findFirst()
			.orElseThrow();
		assertThat(row.presentShare()).isEqualTo(presentShare);
		assertThat(row.directoryShare()).isEqualTo(directoryShare);
		assertThat(row.gapPoints()).isEqualTo(gap);
		assertThat(result.absentTypes()).extracting(ActorType::code)
			.containsExactlyElementsOf(absent == null ? List.of() : List.of(absent.split(" ")));
	}

	@org.junit.jupiter.api.Test
	void typesNeitherPresentNorListedAreLeftOut() {
		Representativeness.Result result = Representativeness.compute(counts("mairie:1"), counts("mairie:1"));

		assertThat(result.rows()).extracting(Representativeness.Row::type).containsExactly(ActorType.MAIRIE);
		assertThat(Representativeness.compute(Map.of(), Map.of()).rows()).isEmpty();
	}

	private static Map<ActorType, Long> counts(String text) {
		Map<ActorType, Long> counts = new EnumMap<>(ActorType.class);
		if (text != null) {
			for (String pair : text.strip().split("\\s+")) {
				String[] parts = pair.split(":");
				counts.put(ActorType.findByCode(parts[0]).orElseThrow(), Long.parseLong(parts[1]));
			}
		}
		return counts;
	}

}
