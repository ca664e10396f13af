package fr.maillage.orientations;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import fr.maillage.accounts.AccountPrincipal;
import fr.maillage.accounts.Role;
import fr.maillage.contributions.LieuEditing;
import fr.maillage.contributions.Structures;
import fr.maillage.orientations.persistence.JdbcOrientationRepository;
import fr.maillage.places.Place;
import fr.maillage.places.PlaceDirectory;
import org.springframework.stereotype.Component;

/**
 * The lieux an account receives orientations for (its inbox), the same as
 * {@link LieuEditing#mayEdit} decides one by one, without asking it for every lieu that
 * ever received an orientation: a member receives for the lieux of her structures
 * ({@link Structures#listLieuxOf}, exactly what {@code EditingPolicy} lets a member
 * edit), an administrator for all of them; only a coordinator's lieux are still checked
 * one by one. Issue 16: the inbox of a structure with 10 000 orientations read
 * {@code findPlace} and {@code mayEdit} per distinct lieu of the whole country.
 */
@Component
class ReceivingLieux {

	private final JdbcOrientationRepository repository;

	private final PlaceDirectory places;

	private final LieuEditing editing;

	private final Structures structures;

	ReceivingLieux(JdbcOrientationRepository repository, PlaceDirectory places, LieuEditing editing,
			Structures structures) {
		this.repository = repository;
		this.places = places;
		this.editing = editing;
		this.structures = structures;
	}

	Set<UUID> of(AccountPrincipal account) {
		Set<UUID> lieux = new LinkedHashSet<>();
		if (account.role() == Role.MEMBRE) {
			structures.listLieuxOf(account).forEach(place -> lieux.add(UUID.fromString(place.id())));
			return lieux;
		}
		if (account.role() == Role.ADMINISTRATEUR) {
			lieux.addAll(repository.listReceivingLieux());
			return lieux;
		}
		for (UUID lieu : repository.listReceivingLieux()) {
			places.findPlace(lieu.toString())
				.filter(place -> editing.mayEdit(account, place))
				.map(Place::id)
				.ifPresent(id -> lieux.add(lieu));
		}
		return lieux;
	}

}
