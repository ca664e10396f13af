package fr.maillage.places.hours;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HoursInWordsTest {

	@ParameterizedTest(name = "{0} → « {1} »")
	@CsvSource(delimiter = '=',
			textBlock = """
					Mo-Fr 09:00-12:00                                  = du lundi au vendredi de 9 h à 12 h
					Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00      = du lundi au vendredi de 9 h à 12 h et de 14 h à 17 h ; le samedi de 9 h à 12 h
					Mo,Tu 08:30-12:15                                  = le lundi et le mardi de 8 h 30 à 12 h 15
					Mo,We,Fr 14:00-17:00                               = le lundi, le mercredi et le vendredi de 14 h à 17 h
					Mo-Su 10:00-18:00                                  = tous les jours de 10 h à 18 h
					10:00-18:00                                        = tous les jours de 10 h à 18 h
					Tu 09:05-12:00                                     = le mardi de 9 h 05 à 12 h
					Fr 19:00-02:00                                     = le vendredi de 19 h à 2 h
					Mo 00:00-24:00                                     = le lundi 24 h/24
					Mo                                                 = le lundi 24 h/24
					24/7                                               = 24 h/24, 7 j/7
					off                                                = fermé
					Mo-Fr 09:00-17:00; PH off                          = du lundi au vendredi de 9 h à 17 h ; fermé les jours fériés
					Mo-Sa 09:00-18:00; We off                          = du lundi au samedi de 9 h à 18 h ; fermé le mercredi
					PH 10:00-12:00                                     = les jours fériés de 10 h à 12 h
					Tu[1,3] 09:00-12:00                                = le 1er et 3e mardi du mois de 9 h à 12 h
					Sa[1-2] 09:00-12:00                                = le 1er et 2e samedi du mois de 9 h à 12 h
					Fr[-1] 14:00-17:00                                 = le dernier vendredi du mois de 14 h à 17 h
					""")
	void saysOsmHoursInPlainFrench(String osm, String words) {
		assertThat(HoursInWords.words(osm)).hasValue(words);
	}

	@ParameterizedTest(name = "{0}: shown as written")
	@ValueSource(strings = { "week 1-53/2 Tu 09:00-12:30; PH off", "Jan-Mar Mo 09:00-12:00",
			"Mo 09:00-12:00 \"sur rendez-vous\"", "sunrise-sunset", "Mo 14-17;9-12", "n'importe quoi", "" })
	void hasNoWordsForWhatItCannotSayFaithfully(String osm) {
		assertThat(HoursInWords.words(osm)).isEmpty();
	}

	@Test
	void whatItSaysTheReaderReadsBackToTheSameHours() {
		String osm = "Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00; PH off";
		HoursReading reading = FrenchHoursReader.read(HoursInWords.words(osm).orElseThrow());
		assertThat(reading).isEqualTo(new HoursReading.Understood(osm, HoursInWords.words(osm).orElseThrow()));
	}

}
