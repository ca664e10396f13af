package fr.maillage.territories;

import java.util.List;
import java.util.Map;

import fr.maillage.territories.persistence.JdbcTerritoryRepository;
import fr.maillage.territories.search.TerritorySearchIndex;
import org.springframework.stereotype.Service;

/** The module's API: search territories by name, code or postcode, and read one with its parents and members. */
@Service
public class Territories {

	public static final int MAX_HITS = 50;

	private final JdbcTerritoryRepository repository;

	private final TerritorySearchIndex index;

	Territories(JdbcTerritoryRepository repository) {
		this.repository = repository;
		this.index = new TerritorySearchIndex(repository.listSearchEntries());
	}

	/** Accent- and case-insensitive prefix search over names, codes and postcodes; best matches first. */
	public List<TerritoryHit> searchTerritories(String query, int limit) {
		return index.search(query, Math.max(1, Math.min(limit, MAX_HITS)));
	}

	/** Also answers a former commune code with the current commune ({@link TerritoryDetails#codeDemande()}). */
	public TerritoryDetails getCommune(String codeInsee) {
		return repository.findCommune(codeInsee.toUpperCase())
			.orElseThrow(() -> new TerritoryNotFoundException("commune", codeInsee));
	}

	public TerritoryDetails getEpci(String siren) {
		return repository.findEpci(siren).orElseThrow(() -> new TerritoryNotFoundException("epci", siren));
	}

	/** Départements, and the collectivités à statut particulier usable as départements (69D, 69M). */
	public TerritoryDetails getDepartement(String code) {
		return repository.findDepartement(code).orElseThrow(() -> new TerritoryNotFoundException("departement", code));
	}

	public TerritoryDetails getRegion(String code) {
		return repository.findRegion(code).orElseThrow(() -> new TerritoryNotFoundException("region", code));
	}

	/** Number of territories per level, as loaded. */
	public Map<String, Long> countByLevel() {
		return repository.countByLevel();
	}

}
