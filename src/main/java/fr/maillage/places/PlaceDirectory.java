package fr.maillage.places;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import fr.maillage.places.persistence.JdbcPlaceRepository;
import org.jspecify.annotations.Nullable;
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

	/**
	 * How long the statements of one search may run: a search that slow holds a thread
	 * and a connection that other people are waiting for; it fails instead (issue 14).
	 */
	static final int SEARCH_TIMEOUT_SECONDS = 3;

	@Transactional(readOnly = true, timeout = SEARCH_TIMEOUT_SECONDS)
	public PlacePage searchPlaces(PlaceQuery query) {
		return repository.search(query);
	}

	/** Streams every match of the query, ignoring its paging, in a stable order. */
	@Transactional(readOnly = true)
	public void forEachPlace(PlaceQuery query, Consumer<Place> consumer) {
		repository.forEach(query, consumer);
	}

	/**
	 * Every place with coordinates, reduced to its point and services, in the given
	 * communes or everywhere ({@code null}); ordered by name.
	 */
	@Transactional(readOnly = true)
	public List<PlacePoint> listPlacePoints(@Nullable Collection<String> communes) {
		return repository.listPoints(communes);
	}

	/**
	 * The places of these départements, communes or ids (any of them; {@code null} for
	 * none of that kind), reduced to what a list of places to look after needs.
	 */
	@Transactional(readOnly = true)
	public List<PlaceSummary> listPlaceSummaries(@Nullable Collection<String> departements,
			@Nullable Collection<String> codesInsee, @Nullable Collection<String> ids) {
		if (departements == null && codesInsee == null && ids == null) {
			return List.of();
		}
		return repository.listSummaries(departements, codesInsee, ids);
	}

	/** Every place, reduced to what a list of places to look after needs. */
	@Transactional(readOnly = true)
	public List<PlaceSummary> listAllPlaceSummaries() {
		return repository.listSummaries(null, null, null);
	}

	@Transactional(readOnly = true)
	public Optional<Place> findPlace(String id) {
		return repository.findById(id);
	}

	public Place getPlace(String id) {
		return findPlace(id).orElseThrow(() -> new PlaceNotFoundException(id));
	}

	/**
	 * Counts one view of a place's page on that day (a single upsert, safe under
	 * concurrent views).
	 */
	public void countConsultation(String placeId, LocalDate day) {
		repository.countConsultation(placeId, day);
	}

	/** Page views of one place per day, oldest first. */
	public List<DailyConsultations> listConsultations(String placeId) {
		return repository.listConsultations(getPlace(placeId).id());
	}

	/**
	 * Page views between two days (inclusive) of every place matching the query (a
	 * territory, a service…).
	 */
	@Transactional(readOnly = true)
	public long sumConsultations(PlaceQuery query, LocalDate from, LocalDate to) {
		return repository.sumConsultations(query, from, to);
	}

	public long countPlaces() {
		return repository.count();
	}

	/**
	 * Inserts or updates source records by origin (same import source and producer id:
	 * same record); a record received again with the same content is left as it is. The
	 * published directory changes only with {@link #replacePublished}. Must join the
	 * caller's transaction so that an import is all or nothing.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public SavedPlaces savePlaces(List<Place> places) {
		return repository.upsertAll(places);
	}

	/**
	 * The version of a published lieu (its content fingerprint), for optimistic locking:
	 * whoever edits it says which version they started from.
	 */
	@Transactional(readOnly = true)
	public String getVersion(String publishedId) {
		return repository.findVersion(getPlace(publishedId).id()).orElse("");
	}

	/** The outline of every record of every source. */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<RecordOutline> listSourceOutlines() {
		return repository.listSourceOutlines();
	}

	/** The outlines of these source records; unknown ids are left out. */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<RecordOutline> listSourceOutlines(Collection<String> ids) {
		return repository.listSourceOutlines(ids);
	}

	/**
	 * The outlines of the source records with coordinates in one of these communes (or
	 * without a commune code, when asked), of one of these SIRET, or within the given
	 * degrees of latitude and longitude of one of these points: a superset of the records
	 * that may be duplicates of some records, read through indexes.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<RecordOutline> listSourceOutlinesAround(Collection<String> codesInsee, boolean withoutCodeInsee,
			Collection<String> pivots, List<fr.maillage.shared.geo.Coordinates> centres, double latitudeSpan,
			double longitudeSpan) {
		return repository.listSourceOutlinesAround(codesInsee, withoutCodeInsee, pivots, centres, latitudeSpan,
				longitudeSpan);
	}

	/**
	 * The source records published in the same lieu as one of these records, them
	 * included: record id → id of its lieu.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Map<String, String> mapLieuMates(Collection<String> recordIds) {
		return repository.mapLieuMates(recordIds);
	}

	/**
	 * Replaces the lieux of these source records only (whole lieux: every record
	 * published with one of them is among them), in the caller's transaction.
	 * @param records every record regrouped, each in {@code recordsAlone} or in a lieu of
	 * {@code merged}
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public PublishedChanges replacePublishedPart(Collection<String> records, List<String> recordsAlone,
			List<PublishedPlace> merged) {
		return repository.replacePublishedPart(records, recordsAlone, merged);
	}

	/**
	 * These published lieux by their own id (the changes feed); unknown ids are left out.
	 */
	@Transactional(readOnly = true)
	public Map<String, Place> mapPublished(Collection<String> ids) {
		return repository.mapPublished(ids);
	}

	/** These source records by id; unknown ids are left out. */
	@Transactional(readOnly = true)
	public Map<String, Place> mapSourceRecords(Collection<String> ids) {
		return repository.mapSourceRecords(ids);
	}

	/**
	 * The source records a published lieu merges (by its published id, as resolved by
	 * {@link #getPlace}).
	 */
	@Transactional(readOnly = true)
	public List<Place> listMemberRecords(String publishedId) {
		return repository.listMemberRecords(publishedId);
	}

	/**
	 * The source records ({@code import_source}, producer id) each of these lieux merges.
	 */
	@Transactional(readOnly = true)
	public Map<String, List<PlaceOrigin>> mapOrigins(Collection<String> publishedIds) {
		return repository.mapOrigins(publishedIds);
	}

	/**
	 * Makes these lieux the published directory, in the caller's transaction: readers see
	 * the previous directory until it commits.
	 * @param recordsAlone ids of the source records each published as it is, alone in its
	 * lieu
	 * @param merged the lieux that merge several source records
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public PublishedChanges replacePublished(List<String> recordsAlone, List<PublishedPlace> merged) {
		return repository.replacePublished(recordsAlone, merged);
	}

}
