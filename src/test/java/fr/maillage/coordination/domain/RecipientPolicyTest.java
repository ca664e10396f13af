package fr.maillage.coordination.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Who receives a list's announcements, as tables (ADR 0027): the referent with an e-mail
 * and a consent « invitations » in force; everyone else left out with one reason, the
 * first that applies. Then which actors a list's criteria select, and the message's
 * subject and text.
 */
class RecipientPolicyTest {

	@ParameterizedTest(name = "referent {0}, e-mail {1}, consent {2}, unsubscribed by link {3} → {4}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			true  | true  | true  | false | -
			# a consent given again after an unsubscription counts
			true  | true  | true  | true  | -
			false | false | false | false | NO_REFERENT
			false | true  | true  | false | NO_REFERENT
			true  | false | true  | false | NO_EMAIL
			true  | false | false | true  | NO_EMAIL
			true  | true  | false | false | NO_CONSENT
			true  | true  | false | true  | UNSUBSCRIBED
			""")
	void whoIsLeftOutAndWhy(boolean referent, boolean email, boolean consent, boolean unsubscribed,
			RecipientPolicy.Exclusion expected) {
		assertThat(RecipientPolicy.exclusion(referent, email, consent, unsubscribed).orElse(null)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "list {0}/{1} types {2} competences {3}; actor {4}/{5} {6} {7} → {8}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			69  | -         | -       | -                   | 69   | -         | MAIRIE | -                   | true
			69  | -         | -       | -                   | 69M  | 200046977 | MAIRIE | -                   | true
			69  | -         | -       | -                   | 69D  | -         | CCAS   | -                   | true
			69M | -         | -       | -                   | 69   | -         | MAIRIE | -                   | false
			69M | -         | -       | -                   | 69D  | -         | MAIRIE | -                   | false
			16  | -         | -       | -                   | 69   | -         | MAIRIE | -                   | false
			69  | 200046977 | -       | -                   | 69M  | 200046977 | MAIRIE | -                   | true
			69  | 200046977 | -       | -                   | 69M  | -         | MAIRIE | -                   | false
			69  | -         | MAIRIE  | -                   | 69   | -         | CCAS   | -                   | false
			69  | -         | MAIRIE  | -                   | 69   | -         | MAIRIE | -                   | true
			69  | -         | -       | FORMATION_AIDANTS   | 69   | -         | MAIRIE | -                   | false
			69  | -         | -       | FORMATION_AIDANTS   | 69   | -         | MAIRIE | FORMATION_AIDANTS   | true
			69  | -         | MAIRIE  | FORMATION_AIDANTS   | 69   | -         | CCAS   | FORMATION_AIDANTS   | false
			""")
	void whichActorsAListSelects(String departement, String epci, ActorType type, Competence competence,
			String actorDepartement, String actorEpci, ActorType actorType, Competence actorCompetence,
			boolean matches) {
		MailingCriteria criteria = new MailingCriteria("Liste", departement, epci,
				type == null ? Set.of() : EnumSet.of(type), competence == null ? Set.of() : EnumSet.of(competence));

		assertThat(criteria.matches(actorDepartement, actorEpci, actorType,
				actorCompetence == null ? Set.of() : EnumSet.of(actorCompetence)))
			.isEqualTo(matches);
	}

	@Test
	void aListNeedsANameAndAKnownTerritory() {
		assertThat(MailingCriteria.problems(" ", "", null, Set.of("69"), Set.of())).extracting(issue -> issue.champ())
			.containsExactly("nom", "departement");
		assertThat(MailingCriteria.problems("Mairies", "999", "123", Set.of("69"), Set.of("200046977")))
			.extracting(issue -> issue.champ())
			.containsExactly("departement", "epci");
		assertThat(MailingCriteria.problems("Mairies", "69", "200046977", Set.of("69"), Set.of("200046977"))).isEmpty();
	}

	@Test
	void anAnnouncementNeedsASubjectOnOneLineAndAText() {
		assertThat(AnnouncementMessage.problems("  ", "")).containsOnlyKeys("objet", "texte");
		assertThat(AnnouncementMessage.problems("x".repeat(151), "Bonjour")).containsOnlyKeys("objet");
		assertThat(AnnouncementMessage.problems("Réunion\r\ndu 12", "Bonjour")).isEmpty();
		assertThat(AnnouncementMessage.subject("Réunion\r\ndu 12 ")).isEqualTo("Réunion du 12");
	}

	@Test
	void theMessageEndsWithWhyAndThePersonalLink() {
		String body = AnnouncementMessage.body("Bonjour,\r\nla plénière a lieu le 12.\n",
				List.of("CCAS de Vénissieux", "Mairie de Vénissieux"),
				"https://maillage.exemple.fr/diffusion/desinscription/abc");

		assertThat(body).startsWith("Bonjour,\nla plénière a lieu le 12.\n\n-- \n")
			.contains("« CCAS de Vénissieux », « Mairie de Vénissieux »")
			.endsWith(
					"Pour ne plus les recevoir, un clic suffit : https://maillage.exemple.fr/diffusion/desinscription/abc\n");
	}

}
