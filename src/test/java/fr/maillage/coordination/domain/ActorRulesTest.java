package fr.maillage.coordination.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import fr.maillage.shared.importing.ImportIssue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What an actor's entry must hold: one line per rule, with the field it is reported on.
 */
class ActorRulesTest {

	private static final Set<String> DEPARTEMENTS = Set.of("16", "69", "69D", "69M", "2A");

	private static Map<String, String> valid() {
		Map<String, String> fields = new HashMap<>();
		fields.put("nom", "Mairie de Villeurbanne");
		fields.put("type", "mairie");
		fields.put("departement", "69M");
		return fields;
	}

	@Test
	void anEntryWithANameATypeAndADepartementIsAccepted() {
		Map<String, String> fields = valid();
		fields.put("siret", "216 902 668 00013");
		fields.put("competences", "accompagnement_demarches | Formation_Aidants");
		fields.put("referent_nom", "Camille Martin");
		fields.put("referent_telephone", "04.78.03.67.67");
		fields.put("consentement_contact", "Oui");

		ActorRules.Reading reading = ActorRules.read(fields, 1, DEPARTEMENTS);

		assertThat(reading).isInstanceOfSatisfying(ActorRules.Reading.Accepted.class, accepted -> {
			ActorEntry entry = accepted.entry();
			assertThat(entry.siret()).isEqualTo("21690266800013");
			assertThat(entry.type()).isEqualTo(ActorType.MAIRIE);
			assertThat(entry.competences()).containsExactlyInAnyOrder(Competence.ACCOMPAGNEMENT_DEMARCHES,
					Competence.FORMATION_AIDANTS);
			assertThat(entry.referent()).isEqualTo(new ActorEntry.Referent("Camille Martin", null, "0478036767"));
			assertThat(entry.consents()).containsExactlyEntriesOf(Map.of(ConsentPurpose.PUBLICATION, true));
		});
	}

	@ParameterizedTest(name = "{0} = « {1} » → refused on {2}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			nom                  | -                    | nom
			type                 | centre_social        | type
			type                 | -                    | type
			departement          | 999                  | departement
			departement          | -                    | departement
			siret                | 12345678901234       | siret
			siret                | 123456789            | siret
			epci                 | 20004697             | epci
			competences          | cuisine              | competences
			referent_courriel    | pas-une-adresse      | referent_courriel
			referent_telephone   | 12                   | referent_telephone
			consentement_contact | peut-être            | consentement_contact
			consentement_invitations | si on veut       | consentement_invitations
			""")
	void aWrongValueIsRefusedOnItsField(String field, String value, String reportedOn) {
		Map<String, String> fields = valid();
		fields.put("referent_nom", "Sam");
		fields.put(field, value);

		ActorRules.Reading reading = ActorRules.read(fields, 7, DEPARTEMENTS);

		assertThat(reading).isInstanceOfSatisfying(ActorRules.Reading.Refused.class,
				refused -> assertThat(refused.issues()).singleElement().satisfies(issue -> {
					assertThat(issue.ligne()).isEqualTo(7);
					assertThat(issue.champ()).isEqualTo(reportedOn);
					assertThat(issue.message()).isNotBlank();
				}));
	}

	@Test
	void contactDetailsNeedTheReferentsNameAndStayPrivateWithoutConsent() {
		Map<String, String> fields = valid();
		fields.put("referent_courriel", "contact@mairie.fr");
		assertThat(ActorRules.read(fields, 1, DEPARTEMENTS)).isInstanceOfSatisfying(ActorRules.Reading.Refused.class,
				refused -> assertThat(refused.issues()).extracting(ImportIssue::champ).containsExactly("referent_nom"));

		fields.put("referent_nom", "Camille");
		assertThat(ActorRules.read(fields, 1, DEPARTEMENTS)).isInstanceOfSatisfying(ActorRules.Reading.Accepted.class,
				// no consent column: nothing stated, so nothing recorded (and nothing
				// withdrawn on an update)
				accepted -> assertThat(accepted.entry().consents()).isEmpty());

		fields.put("consentement_contact", "non");
		fields.put("consentement_invitations", "oui");
		assertThat(ActorRules.read(fields, 1, DEPARTEMENTS)).isInstanceOfSatisfying(ActorRules.Reading.Accepted.class,
				accepted -> assertThat(accepted.entry().consents())
					.isEqualTo(Map.of(ConsentPurpose.PUBLICATION, false, ConsentPurpose.INVITATIONS, true)));
	}

	@Test
	void aConsentNeedsAReferentToGiveIt() {
		Map<String, String> fields = valid();
		fields.put("consentement_contact", "oui");
		assertThat(ActorRules.read(fields, 4, DEPARTEMENTS)).isInstanceOfSatisfying(ActorRules.Reading.Refused.class,
				refused -> assertThat(refused.issues()).singleElement().satisfies(issue -> {
					assertThat(issue.champ()).isEqualTo("consentement_contact");
					assertThat(issue.message()).isEqualTo("Indiquez le nom du référent qui donne son accord.");
				}));
	}

	@Test
	void everyProblemOfARowIsReportedNotOnlyTheFirst() {
		Map<String, String> fields = Map.of("nom", "X", "type", "centre_social", "departement", "999", "competences",
				"cuisine");
		assertThat(ActorRules.read(fields, 3, DEPARTEMENTS)).isInstanceOfSatisfying(ActorRules.Reading.Refused.class,
				refused -> assertThat(refused.issues()).extracting(ImportIssue::champ)
					.containsExactly("type", "departement", "competences"));
	}

}
