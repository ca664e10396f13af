package fr.maillage.contributions.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.maillage.contributions.FreshnessReminders;
import fr.maillage.testing.EmptyDirectoryApiTest;
import fr.maillage.testing.Fixtures;
import fr.maillage.testing.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Members are reminded of their stale lieux once a month, and can stop it (issue 6). */
class FreshnessRemindersIT extends EmptyDirectoryApiTest {

	@Autowired
	FreshnessReminders reminders;

	private long mailsTo(String email) {
		return jdbc.sql("select count(*) from courriel_sortant where destinataire = :to")
			.param("to", email)
			.query(Long.class)
			.single();
	}

	@Test
	void aMemberIsRemindedOncePerMonthUntilItOptsOut() throws Exception {
		api.importFile("charente", Fixtures.CHARENTE, Fixtures.lieux(Fixtures.CHARENTE));
		String lieuId = api.findLieuId("Service Info 16");
		WebSession coordinator = WebSession.signedIn(port, jdbc, "coordinateur", "departement:16");
		String editPage = "/espace/lieux/" + lieuId + "/modifier";
		coordinator.submit(editPage, "/espace/lieux/" + lieuId + "/structure", Map.of("nom", "SI16"));
		coordinator.submit(editPage, "/espace/lieux/" + lieuId + "/membres",
				Map.of("courriel", "accueil@si16.fr", "nom", "Dominique"));
		String link = WebSession.lastLink(jdbc, "accueil@si16.fr");
		WebSession member = new WebSession(port);
		member.submit(link, link,
				Map.of("mot_de_passe", "un mot de passe assez long", "confirmation", "un mot de passe assez long"));
		long invitation = mailsTo("accueil@si16.fr");

		assertThat(reminders.sendReminders(YearMonth.of(2026, 12))).isEqualTo(1);
		assertThat(reminders.sendReminders(YearMonth.of(2026, 12))).as("once per month").isZero();
		assertThat(mailsTo("accueil@si16.fr")).isEqualTo(invitation + 1);
		String mail = jdbc.sql(
				"select corps from courriel_sortant where destinataire = 'accueil@si16.fr' order by cree_le desc limit 1")
			.query(String.class)
			.single();
		assertThat(mail).contains("Service Info 16", "/espace/lieux/" + lieuId + "/modifier");

		Matcher optOut = Pattern.compile("https?://[^/]+(/rappels/desinscription/\\S+)").matcher(mail);
		assertThat(optOut.find()).isTrue();
		WebSession anyone = new WebSession(port);
		assertThat(anyone.get(optOut.group(1)).body()).contains("Ne plus recevoir ces rappels");
		assertThat(anyone.submit(optOut.group(1), optOut.group(1), Map.of()).body()).contains("C'est fait");

		assertThat(reminders.sendReminders(YearMonth.of(2027, 1))).isZero();
	}

}
