package fr.maillage.opendata.importing;

import java.util.List;
import java.util.Optional;

import fr.maillage.territories.CommuneRef;

/**
 * What the import needs of the administrative map, as a port so that
 * {@link RecordNormalizer} stays a pure function: the territories module in production, a
 * small table in unit tests.
 */
public interface CommuneReferential {

	Optional<CommuneRef> findCommune(String codeInsee);

	/**
	 * The current code of a commune merged since, or the code itself when it is current.
	 */
	Optional<String> findCurrentCode(String codeInsee);

	List<CommuneRef> listCommunesByPostalCode(String postalCode);

	/** No referential: no check, no derivation. */
	static CommuneReferential none() {
		return new CommuneReferential() {
			@Override
			public Optional<CommuneRef> findCommune(String codeInsee) {
				return Optional.empty();
			}

			@Override
			public Optional<String> findCurrentCode(String codeInsee) {
				return Optional.of(codeInsee);
			}

			@Override
			public List<CommuneRef> listCommunesByPostalCode(String postalCode) {
				return List.of();
			}
		};
	}

}
