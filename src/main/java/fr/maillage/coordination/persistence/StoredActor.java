package fr.maillage.coordination.persistence;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import fr.maillage.coordination.domain.ActorType;
import fr.maillage.coordination.domain.Competence;
import fr.maillage.coordination.domain.ConsentPurpose;
import org.jspecify.annotations.Nullable;

/**
 * An actor as stored: its referent still encrypted, and the consents in force with the
 * date each was given.
 */
public record StoredActor(String id, String name, @Nullable String siret, ActorType type, String departement,
		@Nullable String epci, Set<Competence> competences, @Nullable EncryptedReferent referent,
		Map<ConsentPurpose, Instant> consentsInForce) {

	public StoredActor {
		competences = Set.copyOf(competences);
		consentsInForce = Map.copyOf(consentsInForce);
	}

}
