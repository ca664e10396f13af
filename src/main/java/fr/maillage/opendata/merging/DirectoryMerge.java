package fr.maillage.opendata.merging;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import fr.maillage.places.Place;
import fr.maillage.places.PublishedPlace;
import fr.maillage.shared.geo.Coordinates;
import fr.maillage.shared.text.TextFolding;

/**
 * The published directory as a function of every source record and of people's decisions:
 * records are grouped ({@link DuplicateGroups}), each group merged field by field
 * ({@link MergePolicy}). A group takes the id of its earliest received record (then the
 * smallest id), so a lieu keeps its id when records join it, and the same inputs always
 * give the same directory.
 */
public final class DirectoryMerge {

	static final Comparator<Place> EARLIEST_FIRST = Comparator
		.comparing((Place place) -> place.receivedAt() == null ? Instant.MAX : place.receivedAt())
		.thenComparing(Place::id);

	private DirectoryMerge() {
	}

	/** The directory, and the pairs between the thresholds that nobody decided yet. */
	public record Result(List<PublishedPlace> published, List<DuplicateDetector.ScoredPair> toReview) {
	}

	/**
	 * @param decisions people's decisions by {@link DuplicateGroups#pairKey} of record
	 * ids
	 */
	public static Result merge(List<Place> records, Map<String, Boolean> decisions) {
		Map<String, Place> byId = new HashMap<>();
		List<MergeCandidate> candidates = new ArrayList<>();
		List<List<Place>> groups = new ArrayList<>();
		for (Place record : records) {
			byId.put(record.id(), record);
			if (record.coordinates() == null) {
				// nowhere to compare it with: it stays on its own
				groups.add(List.of(record));
			}
			else {
				candidates.add(asCandidate(record));
			}
		}
		DuplicateGroups.Analysis analysis = DuplicateGroups.analyse(candidates, decisions);
		for (List<MergeCandidate> group : analysis.groups()) {
			groups.add(group.stream().map(candidate -> byId.get(candidate.id())).toList());
		}
		List<PublishedPlace> published = new ArrayList<>(groups.size());
		for (List<Place> group : groups) {
			published.add(publish(group));
		}
		published.sort(Comparator.comparing(place -> place.place().id()));
		return new Result(published, analysis.toReview());
	}

	/** One lieu from the records of one place. */
	public static PublishedPlace publish(List<Place> group) {
		List<Place> members = new ArrayList<>(group);
		members.sort(EARLIEST_FIRST);
		Place representative = members.get(0);
		List<String> ids = members.stream().map(Place::id).toList();
		if (members.size() == 1) {
			return new PublishedPlace(representative, ids);
		}
		MergedRecord merged = MergePolicy.merge(members.stream().map(MergedPlaces::asSourceRecord).toList());
		return new PublishedPlace(MergedPlaces.asPlace(merged, representative, members), ids);
	}

	/**
	 * What deduplication compares of a record; a record without coordinates is put at (0,
	 * 0), far from any other, so only its name, address and SIRET count.
	 */
	public static MergeCandidate asCandidate(Place record) {
		Coordinates point = record.coordinates() == null ? new Coordinates(0, 0) : record.coordinates();
		return new MergeCandidate(record.id(), record.origin().importSource(), record.name(), record.address(),
				record.postalCode(),
				record.codeInsee() != null ? record.codeInsee() : TextFolding.searchKey(record.commune()),
				record.commune(), point.latitude(), point.longitude(), record.pivot());
	}

}
