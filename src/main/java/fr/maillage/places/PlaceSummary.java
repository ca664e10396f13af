package fr.maillage.places;

import java.time.LocalDate;
import java.util.Set;

import fr.maillage.places.vocabulary.MediationService;
import org.jspecify.annotations.Nullable;

/**
 * A published place as a list of places to look after shows it: enough to filter, sort
 * and page thousands of them without reading whole records.
 *
 * @param updatedOn the producer's (or the last edit's) date, unknown when null
 * @param searchKey the place's name and commune folded as
 * {@link fr.maillage.shared.text.TextFolding#searchKey} folds a query
 */
public record PlaceSummary(String id, String name, String commune, @Nullable String codeInsee, String departement,
		Set<MediationService> services, @Nullable LocalDate updatedOn, String searchKey) {

	public PlaceSummary {
		services = Set.copyOf(services);
	}

}
