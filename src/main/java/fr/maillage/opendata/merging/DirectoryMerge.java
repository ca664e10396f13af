package fr.maillage.opendata.merging;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import fr.maillage.places.Place;
import fr.maillage.places.PublishedPlace;
import fr.maillage.places.RecordOutline;
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

	private static final Comparator<RecordOutline> OUTLINE_EARLIEST_FIRST = Comparator
		.comparing((RecordOutline record) -> record.receivedAt() == null ? Instant.MAX : record.receivedAt())
		.thenComparing(RecordOutline::id);

	static final Comparator<Place> EARLIEST_FIRST = Comparator.comparing(RecordOutline::of, OUTLINE_EARLIEST_FIRST);

	private DirectoryMerge() {
	}

	/** The directory, and the pairs between the thresholds that nobody decided yet. */
	public record Result(List<PublishedPlace> published, List<DuplicateDetector.ScoredPair> toReview) {
	}

	/**
	 * Which records make one lieu.
	 *
	 * @param groups ids of the records of each lieu, earliest received first (the first
	 * gives the lieu its id)
	 * @param toReview pairs between the thresholds that nobody decided yet
	 */
	public record Grouping(List<List<String>> groups, List<DuplicateDetector.ScoredPair> toReview) {
	}

	/**
	 * @param decisions people's decisions by {@link DuplicateGroups#pairKey} of record
	 * ids
	 */
	public static Grouping group(List<RecordOutline> records, Map<String, Boolean> decisions) {
		Map<String, RecordOutline> byId = new HashMap<>();
		List<MergeCandidate> candidates = new ArrayList<>();
		List<List<String>> groups = new ArrayList<>();
		for (RecordOutline record : records) {
			byId.put(record.id(), record);
			if (record.coordinates() == null) {
				// nowhere to compare it with: it stays on its own
				groups.add(List.of(record.id()));
			}
			else {
				candidates.add(asCandidate(record));
			}
		}
		DuplicateGroups.Analysis analysis = DuplicateGroups.analyse(candidates, decisions);
		for (List<MergeCandidate> group : analysis.groups()) {
			groups.add(group.stream()
				.map(candidate -> byId.get(candidate.id()))
				.sorted(OUTLINE_EARLIEST_FIRST)
				.map(RecordOutline::id)
				.toList());
		}
		return new Grouping(groups, analysis.toReview());
	}

	/**
	 * The directory from records held in memory (tests and small sets; a publication
	 * reads full records only for the lieux that merge several).
	 */
	public static Result merge(List<Place> records, Map<String, Boolean> decisions) {
		Map<String, Place> byId = new HashMap<>();
		records.forEach(record -> byId.put(record.id(), record));
		Grouping grouping = group(records.stream().map(RecordOutline::of).toList(), decisions);
		List<PublishedPlace> published = new ArrayList<>(grouping.groups().size());
		for (List<String> group : grouping.groups()) {
			published.add(publish(group.stream().map(byId::get).toList()));
		}
		published.sort(Comparator.comparing(place -> place.place().id()));
		return new Result(published, grouping.toReview());
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
		return asCandidate(RecordOutline.of(record));
	}

	static MergeCandidate asCandidate(RecordOutline record) {
		Coordinates point = record.coordinates() == null ? new Coordinates(0, 0) : record.coordinates();
		return new MergeCandidate(record.id(), record.importSource(), record.name(), record.address(),
				record.postalCode(),
				record.codeInsee() != null ? record.codeInsee() : TextFolding.searchKey(record.commune()),
				record.commune(), point.latitude(), point.longitude(), record.pivot());
	}

}
