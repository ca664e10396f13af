package fr.maillage.places.hours;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;

import ch.poole.openinghoursparser.OpeningHoursParser;
import ch.poole.openinghoursparser.Util;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FrenchHoursReaderTest {

	@ParameterizedTest(name = "« {0} » → {1}")
	@CsvSource(delimiter = '=',
			textBlock = """
					# the issue's examples
					Lundi 10h30-12h, mercredi 14h-17h                       = Mo 10:30-12:00; We 14:00-17:00
					du lundi au vendredi de 9h à 12h                        = Mo-Fr 09:00-12:00
					# day names and abbreviations, any case, with or without accents
					lundi 9h-12h                                            = Mo 09:00-12:00
					LUN. 9h-12h                                             = Mo 09:00-12:00
					Lu 9h-12h                                               = Mo 09:00-12:00
					Mercredi 9h-12h                                         = We 09:00-12:00
					mer 9h-12h                                              = We 09:00-12:00
					Sam. 9h-12h                                             = Sa 09:00-12:00
					les samedis de 9h à 12h                                 = Sa 09:00-12:00
					# ranges of days
					lundi-vendredi 9h-12h                                   = Mo-Fr 09:00-12:00
					lun au ven 9h-12h                                       = Mo-Fr 09:00-12:00
					du lundi au jeudi 9h-12h                                = Mo-Th 09:00-12:00
					du vendredi au lundi 9h-12h                             = Mo 09:00-12:00; Fr-Su 09:00-12:00
					# lists of days
					lundi, mardi et jeudi de 9h à 12h                       = Mo,Tu 09:00-12:00; Th 09:00-12:00
					lundi et mercredi 9h-12h                                = Mo 09:00-12:00; We 09:00-12:00
					# times
					lundi 9h-12h30                                          = Mo 09:00-12:30
					lundi 9:30-12:00                                        = Mo 09:30-12:00
					lundi 09h00-12h00                                       = Mo 09:00-12:00
					lundi de 9 h 30 à 12 h                                  = Mo 09:30-12:00
					lundi de 9h à midi                                      = Mo 09:00-12:00
					lundi 9h/12h                                            = Mo 09:00-12:00
					lundi entre 9h et 12h                                   = Mo 09:00-12:00
					lundi de 9 à 12h                                        = Mo 09:00-12:00
					lundi 9h jusqu'à 12h                                    = Mo 09:00-12:00
					vendredi 19h-2h                                         = Fr 19:00-02:00
					samedi 20h-minuit                                       = Sa 20:00-24:00
					# morning and afternoon
					du lundi au vendredi 9h-12h et 14h-17h                  = Mo-Fr 09:00-12:00,14:00-17:00
					du lundi au vendredi 9h-12h / 14h-17h                   = Mo-Fr 09:00-12:00,14:00-17:00
					du lundi au vendredi de 9h à 12h et de 14h à 17h        = Mo-Fr 09:00-12:00,14:00-17:00
					du lundi au vendredi 14h-17h et 9h-12h                  = Mo-Fr 09:00-12:00,14:00-17:00
					# times first
					9h-12h du lundi au vendredi                             = Mo-Fr 09:00-12:00
					de 9h à 12h le lundi, de 14h à 17h le mardi             = Mo 09:00-12:00; Tu 14:00-17:00
					# separators: ; , newline |
					lundi 9h-12h ; mardi 14h-17h                            = Mo 09:00-12:00; Tu 14:00-17:00
					lundi 9h-12h | mardi 14h-17h                            = Mo 09:00-12:00; Tu 14:00-17:00
					'lundi 9h-12h\nmardi 14h-17h'                           = Mo 09:00-12:00; Tu 14:00-17:00
					Lundi : 9h-12h. Mardi : 14h-17h.                        = Mo 09:00-12:00; Tu 14:00-17:00
					# closed days, "sauf", every day
					du lundi au samedi 9h-18h, fermé le mercredi            = Mo,Tu 09:00-18:00; Th-Sa 09:00-18:00
					lundi fermé, mardi 9h-12h                               = Tu 09:00-12:00
					du lundi au vendredi sauf le mercredi 9h-12h            = Mo,Tu 09:00-12:00; Th,Fr 09:00-12:00
					tous les jours 9h-18h sauf le lundi                     = Tu-Su 09:00-18:00
					tous les jours de 10h à 18h                             = Mo-Su 10:00-18:00
					7j/7 de 8h à 20h                                        = Mo-Su 08:00-20:00
					24h/24 7j/7                                             = 24/7
					tous les jours 24h/24                                   = 24/7
					lundi 24h/24                                            = Mo 00:00-24:00
					Fermé                                                   = off
					# a later rule about fewer days overrides; as many days add up
					tous les jours 9h-18h, samedi 9h-12h                    = Mo-Fr 09:00-18:00; Sa 09:00-12:00; Su 09:00-18:00
					lundi 9h-12h, lundi 14h-17h                             = Mo 09:00-12:00,14:00-17:00
					# public holidays
					du lundi au vendredi 9h-17h, fermé les jours fériés     = Mo-Fr 09:00-17:00; PH off
					du lundi au vendredi 9h-17h, jours fériés fermés        = Mo-Fr 09:00-17:00; PH off
					du lundi au vendredi 9h-17h sauf jours fériés           = Mo-Fr 09:00-17:00; PH off
					fermé le dimanche et les jours fériés ; lundi 9h-12h    = Mo 09:00-12:00; PH off
					# days of the month
					1er et 3e mardi du mois de 9h à 12h                     = Tu[1,3] 09:00-12:00
					le premier samedi du mois 9h-12h                        = Sa[1] 09:00-12:00
					le dernier vendredi du mois 14h-17h                     = Fr[-1] 14:00-17:00
					# OSM as people copy it
					Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00; PH off   = Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00; PH off
					""")
	void understands(String text, String osm) {
		HoursReading reading = FrenchHoursReader.read(text.replace("\\n", "\n"));
		assertThat(reading).isInstanceOf(HoursReading.Understood.class);
		HoursReading.Understood understood = (HoursReading.Understood) reading;
		assertThat(understood.osm()).isEqualTo(osm);
		// the value is OSM, the evaluator takes it, and the words say it back
		assertThat(isValidOsm(osm)).isTrue();
		assertThat(OpeningHours.parse(osm).isSupported() || isDayOfMonth(osm)).isTrue();
		assertThat(FrenchHoursReader.read(understood.words())).isEqualTo(reading);
	}

	@ParameterizedTest(name = "« {0} » refused: {1}")
	@CsvSource(delimiter = '=', textBlock = """
			# which days?
			9h-17h                                       = Précisez les jours
			# which hours?
			lundi et mardi                               = Précisez les heures
			le matin                                     = Matin
			lundi matin                                  = Matin
			du lundi au vendredi l'après-midi            = Matin
			# not opening hours
			sur rendez-vous                              = rendez-vous
			lundi 9h-12h sur RDV                         = rendez-vous
			# unknown words, broken times
			lundi 9h-12h semaines paires                 = Mot non compris : « semaines »
			lundi 9h                                     = n'a pas de fin
			lundi 9h-12h-14h                             = n'a pas de fin
			lundi 25h-26h                                = n'existe pas
			lundi 14-17                                  = Nombre non compris
			lundi 9h-9h                                  = est vide
			'   '                                        = Aucun horaire
			du lundi au vendredi sauf                    = Sauf
			""")
	void refusesWithTheReasonAndAnExample(String text, String reason) {
		HoursReading reading = FrenchHoursReader.read(text);
		assertThat(reading).isInstanceOf(HoursReading.Refused.class);
		HoursReading.Refused refused = (HoursReading.Refused) reading;
		assertThat(refused.reason()).contains(reason);
		assertThat(refused.example()).isEqualTo(FrenchHoursReader.EXAMPLE);
		assertThat(refused.message()).contains(reason, "Exemple accepté", FrenchHoursReader.EXAMPLE);
		assertThat(FrenchHoursReader.read(refused.example())).isInstanceOf(HoursReading.Understood.class);
	}

	/**
	 * Valid as the imports check it: the strict parser accepts it, or the lenient one
	 * reads it back unchanged (spans past midnight).
	 */
	static boolean isValidOsm(String osm) {
		try {
			new OpeningHoursParser(new StringReader(osm)).rules(true);
			return true;
		}
		catch (Exception strictFailure) {
			try {
				return Util.rulesToOpeningHoursString(new OpeningHoursParser(new StringReader(osm)).rules(false))
					.replace(" ", "")
					.equals(osm.replace(" ", ""));
			}
			catch (Exception e) {
				return false;
			}
		}
	}

	/**
	 * "Tu[1,3]": valid OSM that {@link OpeningHours} does not evaluate yet (shown as
	 * written, never as closed).
	 */
	static boolean isDayOfMonth(String osm) {
		return osm.contains("[");
	}

}
