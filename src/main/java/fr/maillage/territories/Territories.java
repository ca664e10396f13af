package fr.maillage.territories;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import fr.maillage.shared.text.TextFolding;
import fr.maillage.territories.persistence.JdbcTerritoryRepository;
import fr.maillage.territories.persistence.LastKnownPopulations;
import fr.maillage.territories.search.TerritorySearchIndex;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The module's API: search territories by name, code or postcode, and read one with its
 * parents and members.
 */
@Service
public class Territories {

	public static final int MAX_HITS = 50;

	private final JdbcTerritoryRepository repository;

	private final TerritorySearchIndex index;

	private final Map<String, CommuneRef> communes = new HashMap<>();

	private final Map<String, List<CommuneRef>> communesByPostalCode = new HashMap<>();

	private final Map<String, String> formerCodes;

	private final Map<String, Long> lastKnownPopulations = LastKnownPopulations.load();

	private volatile @Nullable List<CommuneProfile> currentCommunes;

	private volatile @Nullable Map<String, CommuneProfile> currentCommunesByCode;

	Territories(JdbcTerritoryRepository repository) {
		this.repository = repository;
		this.index = new TerritorySearchIndex(repository.listSearchEntries());
		for (CommuneRef commune : repository.listCommuneRefs()) {
			communes.put(commune.code(), commune);
			commune.codesPostaux()
				.forEach(code -> communesByPostalCode.computeIfAbsent(code, c -> new ArrayList<>()).add(commune));
		}
		this.formerCodes = repository.mapFormerCodes();
	}

	/** Names of every EPCI (and EPT), département (and 69D/69M) or région, by code. */
	public Map<String, String> mapNames(TerritoryLevel level) {
		return repository.mapNames(level.name().toLowerCase(java.util.Locale.ROOT));
	}

	/**
	 * Every current commune (not arrondissements nor communes déléguées), ordered by
	 * code; read once, as the reference data only changes at startup.
	 */
	public List<CommuneProfile> listCurrentCommunes() {
		List<CommuneProfile> profiles = currentCommunes;
		if (profiles == null) {
			profiles = List.copyOf(repository.listCommuneProfiles());
			currentCommunes = profiles;
		}
		return profiles;
	}

	/** A current commune's profile (EPCI, population…) by INSEE code. */
	public Optional<CommuneProfile> findCommuneProfile(String codeInsee) {
		Map<String, CommuneProfile> byCode = currentCommunesByCode;
		if (byCode == null) {
			byCode = listCurrentCommunes().stream()
				.collect(java.util.stream.Collectors.toUnmodifiableMap(CommuneProfile::code, profile -> profile));
			currentCommunesByCode = byCode;
		}
		return Optional.ofNullable(byCode.get(codeInsee));
	}

	/**
	 * A current commune or arrondissement by INSEE code; a former code is not followed
	 * (see {@link #findCurrentCode}).
	 */
	public Optional<CommuneRef> findCommune(String codeInsee) {
		return Optional.ofNullable(communes.get(codeInsee));
	}

	/**
	 * The current code of a commune merged since, or the code itself when it is current.
	 */
	public Optional<String> findCurrentCode(String codeInsee) {
		if (communes.containsKey(codeInsee)) {
			return Optional.of(codeInsee);
		}
		return Optional.ofNullable(formerCodes.get(codeInsee)).filter(communes::containsKey);
	}

	/**
	 * The last population a commune that merged since had as a commune of its own, to
	 * weigh figures of files made before the merge: for a former code, its population
	 * before it disappeared; for a current commune that kept its code through a merge
	 * (Oullins 69149 in Oullins-Pierre-Bénite), its population before that merge. Empty
	 * for communes of no recent merge and when the older COG extracts read do not give it
	 * ({@code scripts/territoires/populations-anciennes.mjs}).
	 */
	public OptionalLong findLastKnownPopulation(String codeInsee) {
		Long population = lastKnownPopulations.get(codeInsee);
		return population == null ? OptionalLong.empty() : OptionalLong.of(population);
	}

	/** Communes and arrondissements served by a postcode. */
	public List<CommuneRef> listCommunesByPostalCode(String postalCode) {
		return communesByPostalCode.getOrDefault(postalCode, List.of());
	}

	/**
	 * INSEE codes of the communes (and arrondissements municipaux) of an EPCI, a
	 * département — including the collectivités 69D and 69M — or a région.
	 */
	public List<String> listCommuneCodes(TerritoryLevel level, String code) {
		return repository.listCommuneCodes(level.name().toLowerCase(), code);
	}

	/**
	 * Accent- and case-insensitive prefix search over names, codes and postcodes; best
	 * matches first.
	 */
	public List<TerritoryHit> searchTerritories(String query, int limit) {
		return index.search(query, Math.max(1, Math.min(limit, MAX_HITS)));
	}

	/**
	 * Whether a search hit was found only by a later word of its name (« Lyonn » →
	 * Cognat-Lyonne): not by its name's start, its code nor a postcode. Such a hit is a
	 * weaker guess than a name one letter away (Lyon).
	 */
	public boolean matchesOnlyALaterWord(String query, TerritoryHit hit) {
		String key = TextFolding.searchKey(query);
		if (key.isEmpty() || query.chars().anyMatch(Character::isDigit)) {
			return false;
		}
		return !TextFolding.searchKey(hit.nom()).startsWith(key);
	}

	/**
	 * Territories whose name is one or two letters away from a query that found nothing
	 * (« Villeurbane » → Villeurbanne), nearest spelling first.
	 */
	public List<TerritoryHit> suggestTerritories(String query, int limit) {
		return index.suggest(query, Math.max(1, Math.min(limit, MAX_HITS)));
	}

	/**
	 * Also answers a former commune code with the current commune
	 * ({@link TerritoryDetails#codeDemande()}).
	 */
	public TerritoryDetails getCommune(String codeInsee) {
		return repository.findCommune(codeInsee.toUpperCase())
			.orElseThrow(() -> new TerritoryNotFoundException("commune", codeInsee));
	}

	public TerritoryDetails getEpci(String siren) {
		return repository.findEpci(siren).orElseThrow(() -> new TerritoryNotFoundException("epci", siren));
	}

	/**
	 * Départements, and the collectivités à statut particulier usable as départements
	 * (69D, 69M).
	 */
	public TerritoryDetails getDepartement(String code) {
		return repository.findDepartement(code).orElseThrow(() -> new TerritoryNotFoundException("departement", code));
	}

	public TerritoryDetails getRegion(String code) {
		return repository.findRegion(code).orElseThrow(() -> new TerritoryNotFoundException("region", code));
	}

	/**
	 * All départements as GeoJSON (contours for metropolitan France, centres elsewhere).
	 */
	public String departementsGeoJson() {
		return repository.departementsGeoJson();
	}

	/** The communes of a département or of 69D/69M as GeoJSON. */
	public String getCommunesGeoJson(String departement) {
		return repository.communesGeoJson("departement", departement)
			.orElseThrow(() -> new TerritoryNotFoundException("departement", departement));
	}

	/** The member communes of an EPCI (or of an EPT of the Grand Paris) as GeoJSON. */
	public String getEpciCommunesGeoJson(String siren) {
		return repository.communesGeoJson("epci", siren)
			.orElseThrow(() -> new TerritoryNotFoundException("epci", siren));
	}

	/** One current commune as a GeoJSON collection of one feature. */
	public String getCommuneGeoJson(String codeInsee) {
		return repository.communesGeoJson("commune", codeInsee)
			.orElseThrow(() -> new TerritoryNotFoundException("commune", codeInsee));
	}

	/**
	 * The given current communes as GeoJSON (contour where Maillage has one, else the
	 * centre; name in {@code properties.nom}); unknown codes are left out, so the
	 * collection may be empty.
	 */
	public String communesGeoJson(java.util.Collection<String> codesInsee) {
		return repository.communesGeoJson(codesInsee);
	}

	/** Number of territories per level, as loaded. */
	public Map<String, Long> countByLevel() {
		return repository.countByLevel();
	}

}
