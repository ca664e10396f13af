package fr.maillage.contributions;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import fr.maillage.accounts.AccountPrincipal;
import fr.maillage.accounts.Role;
import fr.maillage.accounts.TerritoryScope;
import fr.maillage.contributions.domain.LieuTerritory;
import fr.maillage.contributions.persistence.JdbcStructureRepository;
import fr.maillage.places.Place;
import fr.maillage.places.PlaceDirectory;
import fr.maillage.places.PlaceSummary;
import fr.maillage.territories.CommuneProfile;
import fr.maillage.territories.Territories;
import fr.maillage.territories.TerritoryLevel;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Where lieux lie and which lieux an account looks after, read through the {@code places}
 * and {@code territories} APIs: the same scope as the {@code EditingPolicy}, the Rhône's
 * collectivités 69D and 69M by their communes (a lieu's record says « 69 »).
 */
@Component
class LieuScopes {

	private final PlaceDirectory places;

	private final Territories territories;

	private final JdbcStructureRepository structures;

	LieuScopes(PlaceDirectory places, Territories territories, JdbcStructureRepository structures) {
		this.places = places;
		this.territories = territories;
		this.structures = structures;
	}

	LieuTerritory whereIs(Place place) {
		Optional<CommuneProfile> commune = place.codeInsee() == null ? Optional.empty()
				: territories.findCommuneProfile(place.codeInsee());
		return new LieuTerritory(place.departement(), commune.map(CommuneProfile::collectivite).orElse(null),
				commune.map(CommuneProfile::epci).orElse(null));
	}

	/** The structure the lieu is attached to, if any. */
	@Nullable String structureOf(Place place) {
		return structures.findStructureId(place.id()).orElse(null);
	}

	/**
	 * The lieux the account looks after: an administrator's all (or one département's), a
	 * member's those of its structures, a coordinator's those of its territories.
	 * @param departement an administrator's choice of one département (or 69D/69M);
	 * others see their whole scope
	 */
	List<PlaceSummary> listLookedAfter(AccountPrincipal account, @Nullable String departement) {
		if (account.role() == Role.ADMINISTRATEUR) {
			return departement == null ? places.listAllPlaceSummaries() : listInDepartement(departement);
		}
		if (account.role() == Role.MEMBRE) {
			List<String> ids = structures
				.listLieuIds(account.scopes("structure").stream().map(java.util.UUID::fromString).toList());
			return ids.isEmpty() ? List.of() : places.listPlaceSummaries(null, null, ids);
		}
		List<String> departements = new ArrayList<>();
		List<String> communes = new ArrayList<>();
		for (String code : account.scopes("departement")) {
			if (TerritoryScope.isCollectivite(code)) {
				communes.addAll(territories.listCommuneCodes(TerritoryLevel.DEPARTEMENT, code));
			}
			else {
				departements.add(code);
			}
		}
		account.scopes("epci")
			.forEach(siren -> communes.addAll(territories.listCommuneCodes(TerritoryLevel.EPCI, siren)));
		return places.listPlaceSummaries(departements, communes, null);
	}

	/** The lieux of a département, or of 69D / 69M by their communes. */
	List<PlaceSummary> listInDepartement(String departement) {
		if (TerritoryScope.isCollectivite(departement)) {
			return places.listPlaceSummaries(null,
					territories.listCommuneCodes(TerritoryLevel.DEPARTEMENT, departement), null);
		}
		return places.listPlaceSummaries(List.of(departement), null, null);
	}

}
