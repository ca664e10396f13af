package fr.maillage.orientations.persistence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A request for a professional account, as stored (table {@code demande_compte}).
 *
 * @param territory « commune:16015 », « epci:… » or « departement:16 »
 * @param departements the départements it lies in
 * @param status en_attente, acceptee or refusee
 */
public record AccountRequestRow(UUID id, String name, String email, String structureName, String siret,
		String territory, String territoryName, List<String> departements, @Nullable String collectivite,
		@Nullable String epci, String status, Instant requestedAt, @Nullable Instant decidedAt,
		@Nullable String decidedBy, @Nullable String refusalReason) {

	public AccountRequestRow {
		departements = List.copyOf(departements);
	}

}
