package fr.maillage.orientations.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.maillage.places.vocabulary.MediationService;
import fr.maillage.places.vocabulary.SpecificSupport;
import fr.maillage.places.vocabulary.SupportMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The repérage's rule (issue 16, item 2) as a table: the answers at the counter (as the
 * form's codes) → the schema's services to look for, in order, the support mode, the
 * specific supports and the radius.
 */
class ScreeningRuleTest {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', nullValues = "-",
			textBlock = """
					# case                                   | answers (form codes)                                                          | services                                                                        | mode           | supports                          | km
					a procedure, nothing else said           | besoins=demarche                                                              | ADMINISTRATIVE_PROCEDURES                                                       | -              | -                                 | 15
					needs in the list's order, not the form's | besoins=emploi,courriel                                                      | EVERYDAY_DIGITAL_TOOLS PROFESSIONAL_INTEGRATION                                 | -              | -                                 | 15
					two needs, one service                   | besoins=courriel,appareil                                                     | EVERYDAY_DIGITAL_TOOLS                                                          | -              | -                                 | 15
					no internet at home: use it on the spot  | besoins=demarche;internet=non                                                 | ADMINISTRATIVE_PROCEDURES INTERNET_AND_EQUIPMENT_ACCESS                         | -              | -                                 | 15
					no device at all: access and cheap one   | besoins=demarche;equipement=aucun                                             | ADMINISTRATIVE_PROCEDURES INTERNET_AND_EQUIPMENT_ACCESS AFFORDABLE_EQUIPMENT    | -              | -                                 | 15
					a smartphone and internet: nothing added | besoins=demarche;equipement=smartphone;internet=oui                           | ADMINISTRATIVE_PROCEDURES                                                       | -              | -                                 | 15
					not at ease with e-mail: the basics      | besoins=emploi;courriel=pas_du_tout                                           | PROFESSIONAL_INTEGRATION EVERYDAY_DIGITAL_TOOLS                                 | -              | -                                 | 15
					at ease with help: nothing added         | besoins=emploi;courriel=avec_aide;formulaires=avec_aide                       | PROFESSIONAL_INTEGRATION                                                        | -              | -                                 | 15
					forms out of reach: basics too           | besoins=demarche;formulaires=pas_du_tout                                      | ADMINISTRATIVE_PROCEDURES EVERYDAY_DIGITAL_TOOLS                                | -              | -                                 | 15
					wants someone with her                   | besoins=securite;aide=avec_quelqu_un                                          | SAFE_DIGITAL_USE                                                                | INDIVIDUAL     | -                                 | 15
					a workshop                               | besoins=scolarite;aide=atelier                                                | PARENTING_AND_EDUCATION                                                         | GROUP_WORKSHOP | -                                 | 15
					any way                                  | besoins=scolarite;aide=peu_importe                                            | PARENTING_AND_EDUCATION                                                         | -              | -                                 | 15
					cannot travel: remote, wider radius      | besoins=demarche;mobilite=ne_se_deplace_pas                                   | ADMINISTRATIVE_PROCEDURES                                                       | REMOTE         | -                                 | 30
					cannot travel but wants a workshop       | besoins=demarche;mobilite=ne_se_deplace_pas;aide=atelier                      | ADMINISTRATIVE_PROCEDURES                                                       | GROUP_WORKSHOP | -                                 | 30
					on foot                                  | besoins=imprimer;mobilite=a_pied                                              | INTERNET_AND_EQUIPMENT_ACCESS                                                   | -              | -                                 | 3
					by bus                                   | besoins=imprimer;mobilite=transports                                          | INTERNET_AND_EQUIPMENT_ACCESS                                                   | -              | -                                 | 10
					by car                                   | besoins=materiel;mobilite=voiture                                             | AFFORDABLE_EQUIPMENT                                                            | -              | -                                 | 25
					little French, deaf                      | besoins=demarche;langue=autre_langue;handicap=surdite                         | ADMINISTRATIVE_PROCEDURES                                                       | -              | OTHER_LANGUAGES DEAFNESS          | 15
					reads with difficulty, two disabilities  | besoins=demarche;langue=lit_difficilement;handicap=moteur,vue                 | ADMINISTRATIVE_PROCEDURES                                                       | -              | ILLITERACY VISUAL_IMPAIRMENT MOTOR_DISABILITIES | 15
					reads French: no support asked           | besoins=demarche;langue=francais                                              | ADMINISTRATIVE_PROCEDURES                                                       | -              | -                                 | 15
					""")
	void answersGiveServicesAndCriteria(String description, String answers, String services, String mode,
			String supports, int radiusKm) {
		Screening screening = Screening.readLine(answers).screening();
		assertThat(screening).as(description).isNotNull();
		ScreeningRule.Suggestion suggestion = ScreeningRule.suggest(screening);
		assertThat(suggestion.serviceList()).as(description)
			.containsExactlyElementsOf(Arrays.stream(services.split(" +")).map(MediationService::valueOf).toList());
		assertThat(suggestion.supportMode()).as(description).isEqualTo(mode == null ? null : SupportMode.valueOf(mode));
		assertThat(suggestion.supports()).as(description)
			.containsExactlyInAnyOrderElementsOf(supports == null ? List.of()
					: Arrays.stream(supports.split(" +")).map(SpecificSupport::valueOf).toList());
		assertThat(suggestion.radiusKm()).as(description).isEqualTo(radiusKm);
		// every service says why, in words the agent can read aloud
		assertThat(suggestion.services().values()).allSatisfy(why -> assertThat(why).isNotBlank().endsWith("."));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			# case                                | answers                                        | problem field
			no need                               | internet=non                                   | besoins
			an unknown need                       | besoins=voyager                                | besoins
			two answers where one is asked        | besoins=demarche;internet=oui,non              | internet
			no device and a device                | besoins=demarche;equipement=aucun,tablette     | equipement
			an unknown day                        | besoins=demarche;jours=dimanche,jeudi,feriee   | jours
			""")
	void wrongAnswersAreSaidNotIgnored(String description, String answers, String field) {
		Screening.Reading reading = Screening.readLine(answers);
		assertThat(reading.screening()).as(description).isNull();
		assertThat(reading.problems()).as(description).containsKey(field);
	}

	@Test
	void theAnswersTravelAsOneLineAndComeBackTheSame() {
		Screening screening = Screening
			.readLine("jours=jeudi,mardi;besoins=securite,demarche;handicap=surdite;internet=non;moments=matin")
			.screening();
		assertThat(screening.codeLine())
			.isEqualTo("internet=non;besoins=demarche,securite;jours=mardi,jeudi;moments=matin;handicap=surdite");
		assertThat(Screening.readLine(screening.codeLine()).screening()).isEqualTo(screening);
		assertThat(screening.days()).containsExactlyInAnyOrder(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY);
		assertThat(screening.needsInWords())
			.isEqualTo("Faire une démarche en ligne (CAF, impôts, ANTS, retraite…) ; Se protéger des arnaques");
	}

	private static final List<List<String>> WEDNESDAY_MORNING = week(Map.of(3, List.of("9:00 – 12:00")));

	private static final List<List<String>> AFTERNOONS = week(
			Map.of(1, List.of("14:00 – 17:30"), 2, List.of("13:30 – 17:30"), 5, List.of("14:00 – 16:00")));

	private static final List<List<String>> NIGHT = week(Map.of(6, List.of("20:00 – 2:00")));

	private static List<List<String>> week(Map<Integer, List<String>> days) {
		Map<Integer, List<String>> table = new LinkedHashMap<>();
		for (int day = 1; day <= 7; day++) {
			table.put(day, days.getOrDefault(day, List.of()));
		}
		return List.copyOf(table.values());
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', nullValues = "-",
			textBlock = """
					# case                                     | hours              | days              | moments           | fits
					any day, any time                          | WEDNESDAY_MORNING  | -                 | -                 | true
					the day it opens                           | WEDNESDAY_MORNING  | mercredi          | -                 | true
					another day                                | WEDNESDAY_MORNING  | lundi,jeudi       | -                 | false
					its day, its moment                        | WEDNESDAY_MORNING  | mercredi          | matin             | true
					its day, not its moment                    | WEDNESDAY_MORNING  | mercredi          | apres_midi        | false
					afternoons only, she says afternoon        | AFTERNOONS         | vendredi          | apres_midi        | true
					afternoons only, she says morning          | AFTERNOONS         | -                 | matin             | false
					a span past midnight is an evening         | NIGHT              | samedi            | apres_midi        | true
					hours unknown, nothing asked               | UNKNOWN            | -                 | -                 | true
					hours unknown, a day asked: not sure       | UNKNOWN            | mardi             | -                 | false
					""")
	void aLieuFitsWhenOpenOnHerDaysAndMoments(String description, String hours, String days, String moments,
			boolean fits) {
		List<List<String>> week = switch (hours) {
			case "WEDNESDAY_MORNING" -> WEDNESDAY_MORNING;
			case "AFTERNOONS" -> AFTERNOONS;
			case "NIGHT" -> NIGHT;
			default -> List.of();
		};
		Screening screening = Screening
			.readLine("besoins=demarche" + (days == null ? "" : ";jours=" + days)
					+ (moments == null ? "" : ";moments=" + moments))
			.screening();
		assertThat(ScreeningRule.fits(week, screening.days(), screening.moments())).as(description).isEqualTo(fits);
	}

	@Test
	void everyNeedIsAServiceOfTheSchema() {
		assertThat(Arrays.stream(Screening.Need.values()).map(Screening.Need::service))
			.containsAll(Set.of(MediationService.ADMINISTRATIVE_PROCEDURES, MediationService.EVERYDAY_DIGITAL_TOOLS,
					MediationService.PROFESSIONAL_INTEGRATION, MediationService.SAFE_DIGITAL_USE,
					MediationService.PARENTING_AND_EDUCATION, MediationService.INTERNET_AND_EQUIPMENT_ACCESS,
					MediationService.AFFORDABLE_EQUIPMENT));
	}

}
