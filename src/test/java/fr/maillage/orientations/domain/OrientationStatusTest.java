package fr.maillage.orientations.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import fr.maillage.orientations.domain.OrientationStatus.Actor;
import org.junit.jupiter.api.Test;

/**
 * Every pair of statuses (issue 16): the allowed moves as the issue says them, each with
 * who takes it; every other pair is refused, to everyone.
 */
class OrientationStatusTest {

	/** The allowed moves and who takes them; every other pair is refused. */
	private static final Map<String, Actor> ALLOWED = Map.of("ENVOYEE → ACCEPTEE", Actor.RECEIVER, "ENVOYEE → REFUSEE",
			Actor.RECEIVER, "ENVOYEE → ANNULEE", Actor.ORIENTEUR, "ENVOYEE → EXPIREE", Actor.SYSTEM, "ACCEPTEE → VENUE",
			Actor.RECEIVER, "ACCEPTEE → NON_VENUE", Actor.RECEIVER, "VENUE → ACCOMPAGNEMENT_TERMINE", Actor.RECEIVER);

	@Test
	void everyPairIsAllowedOnlyAsTheWorkflowSays() {
		int pairs = 0;
		for (OrientationStatus from : OrientationStatus.values()) {
			for (OrientationStatus to : OrientationStatus.values()) {
				String pair = from + " → " + to;
				assertThat(from.canBecome(to)).as(pair).isEqualTo(ALLOWED.containsKey(pair));
				pairs++;
			}
		}
		assertThat(pairs).isEqualTo(64);
	}

	@Test
	void everyPairIsAllowedOnlyToItsActor() {
		for (OrientationStatus from : OrientationStatus.values()) {
			for (OrientationStatus to : OrientationStatus.values()) {
				for (Actor actor : Actor.values()) {
					String pair = from + " → " + to;
					assertThat(from.mayBecome(to, actor)).as(pair + " by " + actor)
						.isEqualTo(ALLOWED.get(pair) == actor);
				}
			}
		}
	}

	@Test
	void finalStatusesAreTheOnesNothingLeaves() {
		assertThat(java.util.Arrays.stream(OrientationStatus.values()).filter(OrientationStatus::isFinal))
			.containsExactlyInAnyOrder(OrientationStatus.REFUSEE, OrientationStatus.ANNULEE, OrientationStatus.EXPIREE,
					OrientationStatus.NON_VENUE, OrientationStatus.ACCOMPAGNEMENT_TERMINE);
		assertThat(java.util.Arrays.stream(OrientationStatus.values()).filter(OrientationStatus::endedWithoutSupport))
			.containsExactlyInAnyOrder(OrientationStatus.REFUSEE, OrientationStatus.ANNULEE, OrientationStatus.EXPIREE,
					OrientationStatus.NON_VENUE);
	}

	@Test
	void codesAreTheIssuesWords() {
		assertThat(java.util.Arrays.stream(OrientationStatus.values()).map(OrientationStatus::code)).containsExactly(
				"envoyee", "acceptee", "refusee", "annulee", "expiree", "venue", "non_venue", "accompagnement_termine");
		for (OrientationStatus status : OrientationStatus.values()) {
			assertThat(OrientationStatus.findByCode(status.code())).contains(status);
			assertThat(status.label()).isNotBlank();
		}
		assertThat(OrientationStatus.findByCode("ENVOYEE")).isEmpty();
		assertThat(Set.of(RefusalReason.values())).allSatisfy(reason -> {
			assertThat(RefusalReason.findByCode(reason.code())).contains(reason);
			assertThat(reason.label()).isNotBlank();
		});
		assertThat(RefusalReason.findByCode("inconnu")).isEmpty();
	}

}
