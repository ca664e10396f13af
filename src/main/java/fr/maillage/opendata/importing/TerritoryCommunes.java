package fr.maillage.opendata.importing;

import java.util.List;
import java.util.Optional;

import fr.maillage.territories.CommuneRef;
import fr.maillage.territories.Territories;

/** The administrative map as the normalizer's port. */
public record TerritoryCommunes(Territories territories) implements CommuneReferential {

	@Override
	public Optional<CommuneRef> findCommune(String codeInsee) {
		return territories.findCommune(codeInsee);
	}

	@Override
	public Optional<String> findCurrentCode(String codeInsee) {
		return territories.findCurrentCode(codeInsee);
	}

	@Override
	public List<CommuneRef> listCommunesByPostalCode(String postalCode) {
		return territories.listCommunesByPostalCode(postalCode);
	}

}
