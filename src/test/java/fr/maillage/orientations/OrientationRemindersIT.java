package fr.maillage.orientations;

import static fr.maillage.orientations.UnattendedLieux.CHAMP_DE_MARS;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import fr.maillage.testing.EmptyDirectoryApiTest;
import fr.maillage.testing.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Reminders (issue 16) at fixed moments: 3 and 7 days after an orientation was sent and
 * while it stays « envoyee », each once — to the members of the lieu's structure, or to
 * the lieu's address with a signed link when nobody is attached; nothing of the person in
 * them.
 */
class OrientationRemindersIT extends EmptyDirectoryApiTest {

	@Autowired
	OrientationReminders reminders;

	private String champDeMars;

	private String alpha;

	private String member;

	private WebSession orienteur;

	@BeforeEach
	void oneLieuWithAMemberOneWithNobody() throws Exception {
		UnattendedLieux.importThem(api);
		champDeMars = api.findLieuId("Espace numérique du Champ de Mars");
		alpha = api.findLieuId("Médiathèque Alpha");
		WebSession charente = WebSession.signedIn(port, jdbc, "coordinateur", "departement:16");
		charente.submit("/espace/lieux/" + alpha + "/modifier", "/espace/lieux/" + alpha + "/structure",
				Map.of("nom", "Médiathèque Alpha"));
		String structure = jdbc.sql("select structure_id::text from structure_lieu where lieu_id = :id::uuid")
			.param("id", alpha)
			.query(String.class)
			.single();
		member = WebSession.newAccount(port, jdbc, "Dominique Accueil", "membre", "structure:" + structure);
		orienteur = WebSession.signedIn(port, jdbc, "coordinateur", "departement:69");
	}

	private Instant sentAt(String id) {
		return jdbc.sql("select envoyee_le from orientation where id = :id::uuid")
			.param("id", id)
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant();
	}

	@Test
	void unansweredOrientationsAreRemindedOnceAfterThreeAndAfterSevenDays() throws Exception {
		String toMember = UnattendedLieux.send(orienteur, alpha, "Zoé", "06 12 34 56 78");
		String toLink = UnattendedLieux.send(orienteur, champDeMars, "Yanis", "07 98 76 54 32");
		String answered = UnattendedLieux.send(orienteur, alpha, "Inès", "");
		WebSession receiver = new WebSession(port);
		receiver.submit("/connexion", "/connexion", Map.of("courriel", member, "mot_de_passe", WebSession.PASSWORD));
		receiver.submit("/espace", "/espace/orientations/" + answered + "/statut", Map.of("statut", "acceptee"));
		Instant sent = sentAt(toLink);
		String firstLink = UnattendedLieux.lastLink(jdbc, CHAMP_DE_MARS);
		Instant firstExpiry = jdbc.sql("select expire_le from orientation_lien")
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant();
		long memberMails = UnattendedLieux.mails(jdbc, member);

		assertThat(reminders.run(sent.plus(Duration.ofDays(2)))).isEqualTo(new OrientationReminders.Report(0, 0));
		Instant threeDays = sent.plus(Duration.ofDays(3)).plus(Duration.ofMinutes(1));
		assertThat(reminders.run(threeDays)).isEqualTo(new OrientationReminders.Report(2, 0));
		assertThat(reminders.run(threeDays)).as("once").isEqualTo(new OrientationReminders.Report(0, 0));
		// the member: a link to the orientation, nothing of the person
		assertThat(UnattendedLieux.mails(jdbc, member)).isEqualTo(memberMails + 1);
		assertThat(UnattendedLieux.lastMail(jdbc, member))
			.contains("rappel", "il y a 3 jours", "/espace/orientations/" + toMember)
			.doesNotContain("Zoé")
			.doesNotContain("06 12")
			.doesNotContain(answered);
		// the lieu with nobody: a new link to the same orientation, ending when the first
		// does
		String reminderLink = UnattendedLieux.lastLink(jdbc, CHAMP_DE_MARS);
		assertThat(reminderLink).isNotEqualTo(firstLink);
		assertThat(UnattendedLieux.lastMail(jdbc, CHAMP_DE_MARS)).contains("rappel").doesNotContain("Yanis");
		assertThat(jdbc.sql("select count(*) from orientation_lien where expire_le = :expiry")
			.param("expiry", java.sql.Timestamp.from(firstExpiry))
			.query(Long.class)
			.single()).isEqualTo(2);
		assertThat(new WebSession(port).get(reminderLink).body()).contains("Orientation de Yanis");
		assertThat(new WebSession(port).get(firstLink).statusCode()).isEqualTo(200);

		assertThat(reminders.run(sent.plus(Duration.ofDays(6)))).isEqualTo(new OrientationReminders.Report(0, 0));
		Instant sevenDays = sent.plus(Duration.ofDays(7)).plus(Duration.ofMinutes(1));
		assertThat(reminders.run(sevenDays)).isEqualTo(new OrientationReminders.Report(0, 2));
		assertThat(UnattendedLieux.lastMail(jdbc, member)).contains("il y a 7 jours");
		assertThat(reminders.run(sent.plus(Duration.ofDays(12)))).isEqualTo(new OrientationReminders.Report(0, 0));
		assertThat(jdbc.sql("select count(*) from orientation_rappel where orientation_id = :id::uuid")
			.param("id", answered)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void whenBothAreDueOnlyTheLaterIsSent() throws Exception {
		String id = UnattendedLieux.send(orienteur, alpha, "Zoé", "06 12 34 56 78");
		long before = UnattendedLieux.mails(jdbc, member);
		assertThat(reminders.run(sentAt(id).plus(Duration.ofDays(8)))).isEqualTo(new OrientationReminders.Report(0, 1));
		assertThat(UnattendedLieux.mails(jdbc, member)).isEqualTo(before + 1);
		assertThat(reminders.run(sentAt(id).plus(Duration.ofDays(9)))).isEqualTo(new OrientationReminders.Report(0, 0));
	}

}
