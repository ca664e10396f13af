package fr.maillage.places;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import fr.maillage.places.persistence.JdbcPlaceRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The module's API: search and read places, and save normalised place records. */
@Service
public class PlaceDirectory {

	private final JdbcPlaceRepository repository;

	PlaceDirectory(JdbcPlaceRepository repository) {
		this.repository = repository;
	}

	@Transactional(readOnly = true)
	public PlacePage searchPlaces(PlaceQuery query) {
		return repository.search(query);
	}

	/** Streams every match of the query, ignoring its paging, in a stable order. */
	@Transactional(readOnly = true)
	public void forEachPlace(PlaceQuery query, Consumer<Place> consumer) {
		repository.forEach(query, consumer);
	}

	@Transactional(readOnly = true)
	public Optional<Place> findPlace(String id) {
		return repository.findById(id);
	}

	public Place getPlace(String id) {
		return findPlace(id).orElseThrow(() -> new PlaceNotFoundException(id));
	}

	public long countPlaces() {
		return repository.count();
	}

	/**
	 * Inserts or updates places by origin (same import source and producer id: same
	 * place). Must join the caller's transaction so that an import is all or nothing.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void savePlaces(List<Place> places) {
		repository.upsertAll(places);
	}

}
