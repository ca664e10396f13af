package fr.maillage.contributions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.maillage.accounts.AccountPrincipal;
import fr.maillage.accounts.Role;
import fr.maillage.shared.web.NotFoundException;
import fr.maillage.testing.EmptyDirectoryApiTest;
import fr.maillage.testing.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The lieu's history and the proposals, read and written through the persistence
 * repositories: confirmations, decided pairs and decided reports show in the history, a
 * rejected proposal is kept with its answer.
 */
class LieuHistoryIT extends EmptyDirectoryApiTest {

	private static final AccountPrincipal COORDINATOR = new AccountPrincipal(UUID.randomUUID().toString(),
			"coordination@exemple.fr", "Coordination 16", Role.COORDINATEUR, List.of("departement:16"));

	private static final AccountPrincipal MEMBER = new AccountPrincipal(UUID.randomUUID().toString(),
			"membre@exemple.fr", "Membre", Role.MEMBRE, List.of());

	@Autowired
	LieuHistory history;

	@Autowired
	LieuEditing editing;

	@Autowired
	Moderation moderation;

	private String lieuId;

	@BeforeEach
	void importCharente() {
		api.importFile("charente", Fixtures.CHARENTE, Fixtures.lieux(Fixtures.CHARENTE));
		lieuId = api.findLieuId("Service Info 16");
	}

	@Test
	void confirmationsAndDecisionsOnPairsAndReportsShowInTheHistory() {
		UUID lieu = UUID.fromString(lieuId);
		Instant confirmed = Instant.parse("2026-03-01T10:00:00Z");
		jdbc.sql("insert into confirmation_lieu (id, lieu_id, auteur, moment) values (:id, :lieu, 'Camille', :at)")
			.param("id", UUID.randomUUID())
			.param("lieu", lieu)
			.param("at", Timestamp.from(confirmed))
			.update();
		jdbc.sql("insert into signalement (id, lieu_id, champ, message, statut, cree_le, decide_par, decide_le, "
				+ "reponse) values (:id, :lieu, 'telephone', 'Numéro faux', 'rejetee', :at, 'Dominique', :at, "
				+ "'Le numéro est le bon')")
			.param("id", UUID.randomUUID())
			.param("lieu", lieu)
			.param("at", Timestamp.from(Instant.parse("2026-03-02T10:00:00Z")))
			.update();
		String member = jdbc.sql("select source_record_id::text from lieu_membre where lieu_id = :lieu limit 1")
			.param("lieu", lieu)
			.query(String.class)
			.single();
		String other = jdbc.sql("select id::text from lieu_source where id <> cast(:member as uuid) limit 1")
			.param("member", member)
			.query(String.class)
			.single();
		jdbc.sql("insert into doublon (id, lieu_a, lieu_b, score, statut, auteur, decide_le) "
				+ "values (:id, cast(:a as uuid), cast(:b as uuid), 40, 'distincts', 'Alex', :at)")
			.param("id", UUID.randomUUID())
			.param("a", member.compareTo(other) < 0 ? member : other)
			.param("b", member.compareTo(other) < 0 ? other : member)
			.param("at", Timestamp.from(Instant.parse("2026-03-03T10:00:00Z")))
			.update();

		List<LieuHistory.Event> all = history.listEvents(lieuId, COORDINATOR);

		// most recent first: the import's delivery (today), then the three decisions
		assertThat(all).extracting(LieuHistory.Event::kind)
			.containsExactly("source", "doublon", "signalement", "confirmation");
		List<LieuHistory.Event> events = all.subList(1, all.size());
		assertThat(events.get(0).summary()).startsWith("Lieux différents : charente (fiche ").contains(" et ");
		assertThat(events.get(0).author()).isEqualTo("Alex");
		assertThat(events.get(1).summary()).isEqualTo("Signalement « telephone » rejeté : Numéro faux");
		assertThat(events.get(1).reason()).isEqualTo("Le numéro est le bon");
		assertThat(events.get(2).at()).isEqualTo(confirmed);
		assertThat(events.get(2).author()).isEqualTo("Camille");
	}

	@Test
	void aRejectedProposalIsKeptWithItsAnswerAndAnUnknownOneIsNotFound() {
		assertThat(editing.propose(lieuId, Map.of("nom", "Service Info 16 bis"), "Nouveau nom", MEMBER)).isEmpty();
		List<Moderation.Proposal> proposals = moderation.listProposals(COORDINATOR);
		assertThat(proposals).singleElement().satisfies(proposal -> {
			assertThat(proposal.author()).isEqualTo("Membre");
			assertThat(proposal.reason()).isEqualTo("Nouveau nom");
			assertThat(proposal.changes())
				.containsExactly(new LieuHistory.Change("Nom", "Service Info 16", "Service Info 16 bis"));
		});

		moderation.decideProposal(proposals.get(0).id(), Moderation.REJECTED, "Le nom n'a pas changé", COORDINATOR);

		assertThat(jdbc.sql("select statut || ' ' || decide_par || ' ' || reponse from proposition_lieu")
			.query(String.class)
			.single()).isEqualTo("rejetee Coordination 16 <coordination@exemple.fr> Le nom n'a pas changé");
		assertThat(moderation.listProposals(COORDINATOR)).isEmpty();
		assertThatThrownBy(() -> moderation.decideProposal("pas-un-id", Moderation.REJECTED, "Non", COORDINATOR))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(
				() -> moderation.decideProposal(UUID.randomUUID().toString(), Moderation.REJECTED, "Non", COORDINATOR))
			.isInstanceOf(NotFoundException.class);
	}

}
