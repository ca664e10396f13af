package fr.maillage.coordination.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a meeting's entry accepts, as a table: one change to a valid entry, and its
 * outcome.
 */
class MeetingRulesTest {

	private static final Set<String> DEPARTEMENTS = Set.of("69", "69D", "69M", "16", "2A");

	private static Map<String, String> valid() {
		Map<String, String> fields = new HashMap<>();
		fields.put("titre", "Comité technique de juin");
		fields.put("departement", "69");
		fields.put("debut", "2026-06-15T14:00");
		fields.put("fin", "2026-06-15T16:00");
		fields.put("adresse", "Hôtel du Département, 29-31 cours de la Liberté, Lyon");
		return fields;
	}

	@ParameterizedTest(name = "{0} = «{1}» → error on {2}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			titre        | -                                 | titre
			titre        | '   '                             | titre
			departement  | -                                 | departement
			departement  | 999                               | departement
			departement  | 69m                               | -
			epci         | 2000469                           | epci
			epci         | 200 046 977                       | -
			debut        | -                                 | debut
			debut        | 15/06/2026 14h                    | debut
			debut        | 2026-06-15 13:00                  | -
			debut        | 2026-06-15T16:00                  | fin
			debut        | 2026-06-15T17:00                  | fin
			fin          | 2026-06-19T16:00                  | fin
			fin          | 2026-06-15T16:00:00+02:00         | -
			fin          | 1999-06-15T16:00                  | fin
			adresse      | -                                 | adresse
			lien_visio   | http://visio.exemple.fr/comite    | lien_visio
			lien_visio   | https://visio.exemple.fr/comite   | -
			lien_visio   | https://localhost/x               | lien_visio
			lien_visio   | javascript:alert(1)               | lien_visio
			lien_visio   | https://visio exemple             | lien_visio
			rencontre_annuelle   | peut-être                 | rencontre_annuelle
			inscription_publique | oui                       | -
			""")
	void oneChangeToAValidMeeting(String field, String value, String error) {
		Map<String, String> fields = valid();
		fields.put(field, value);

		MeetingRules.Reading reading = MeetingRules.read(fields, DEPARTEMENTS);

		if (error == null) {
			assertThat(reading).isInstanceOf(MeetingRules.Reading.Accepted.class);
		}
		else {
			assertThat(reading).isInstanceOf(MeetingRules.Reading.Refused.class);
			assertThat(((MeetingRules.Reading.Refused) reading).errors()).containsKey(error);
		}
	}

	@Test
	void neitherAddressNorVideoLinkIsRefused() {
		Map<String, String> fields = valid();
		fields.remove("adresse");

		assertThat(((MeetingRules.Reading.Refused) MeetingRules.read(fields, DEPARTEMENTS)).errors())
			.containsOnlyKeys("adresse");
	}

	@Test
	void timesAreTypedInParisLocalTimeSummerAndWinter() {
		Map<String, String> summer = valid();
		MeetingEntry june = ((MeetingRules.Reading.Accepted) MeetingRules.read(summer, DEPARTEMENTS)).entry();
		assertThat(june.start()).isEqualTo(Instant.parse("2026-06-15T12:00:00Z"));

		Map<String, String> winter = valid();
		winter.put("debut", "2027-01-18T14:00");
		winter.put("fin", "2027-01-18T16:30");
		MeetingEntry january = ((MeetingRules.Reading.Accepted) MeetingRules.read(winter, DEPARTEMENTS)).entry();
		assertThat(january.start()).isEqualTo(Instant.parse("2027-01-18T13:00:00Z"));
		assertThat(MeetingRules.local(january.end())).isEqualTo("2027-01-18T16:30");
		assertThat(january.departement()).isEqualTo("69");
		assertThat(january.annual()).isFalse();
	}

	@Test
	void everyProblemIsSaidAtOnceInFrench() {
		MeetingRules.Reading reading = MeetingRules.read(Map.of("lien_visio", "http://x.fr"), DEPARTEMENTS);

		assertThat(((MeetingRules.Reading.Refused) reading).errors()).containsOnlyKeys("titre", "departement", "debut",
				"fin", "lien_visio");
		assertThat(((MeetingRules.Reading.Refused) reading).errors().get("lien_visio")).contains("https://");
	}

}
