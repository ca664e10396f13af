package fr.maillage.opendata.merging;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
		return group(records, candidates -> DuplicateGroups.analyse(candidates, decisions));
	}

	/**
	 * The grouping of records of which only some changed since the last one
	 * ({@link DuplicateGroups#analyseChanged}).
	 * @param changed ids of the records whose content or decisions changed
	 * @param lieuOf id of each record → the lieu it was last published in
	 */
	public static Grouping groupChanged(List<RecordOutline> records, Map<String, Boolean> decisions,
			Set<String> changed, Map<String, String> lieuOf) {
		return group(records, candidates -> DuplicateGroups.analyseChanged(candidates, decisions, changed, lieuOf));
	}

	private static Grouping group(List<RecordOutline> records,
			java.util.function.Function<List<MergeCandidate>, DuplicateGroups.Analysis> analyse) {
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
		DuplicateGroups.Analysis analysis = analyse.apply(candidates);
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

	/**
	 * Where the records a set of records may pair with are: every record sharing a
	 * blocking key of {@link DuplicateGroups} with one of them is in the same commune
	 * (INSEE code, else folded name), has the same SIRET, or lies within two cells of it.
	 * A superset is harmless (an incremental publication regroups whole lieux); missing
	 * one would not be.
	 *
	 * @param codesInsee communes of the records that have a code
	 * @param communesWithoutCode folded names of the communes of records without a code
	 * @param pivots SIRET/RIDET as given
	 * @param centres positions of the records
	 * @param latitudeSpan,longitudeSpan half sides, in degrees, of the box around each
	 * centre
	 */
	public record Neighbourhood(Set<String> codesInsee, Set<String> communesWithoutCode, Set<String> pivots,
			List<Coordinates> centres, double latitudeSpan, double longitudeSpan) {

		/**
		 * Whether a record may share a blocking key with one of the records: true for
		 * every record that does (and for some that do not).
		 */
		public boolean mayPairWith(RecordOutline other) {
			if (other.coordinates() == null) {
				// never compared with anything
				return false;
			}
			if (other.codeInsee() != null ? codesInsee.contains(other.codeInsee())
					: communesWithoutCode.contains(TextFolding.searchKey(other.commune()))) {
				return true;
			}
			if (other.pivot() != null && pivots.contains(other.pivot())) {
				return true;
			}
			for (Coordinates centre : centres) {
				if (Math.abs(other.coordinates().latitude() - centre.latitude()) <= latitudeSpan
						&& Math.abs(other.coordinates().longitude() - centre.longitude()) <= longitudeSpan) {
					return true;
				}
			}
			return false;
		}

	}

	/** The neighbourhood of these records (those without coordinates pair with none). */
	public static Neighbourhood neighbourhood(Collection<RecordOutline> records) {
		Set<String> codes = new HashSet<>();
		Set<String> names = new HashSet<>();
		Set<String> pivots = new HashSet<>();
		List<Coordinates> centres = new ArrayList<>();
		for (RecordOutline record : records) {
			if (record.coordinates() == null) {
				continue;
			}
			MergeCandidate candidate = asCandidate(record);
			if (record.codeInsee() != null) {
				codes.add(record.codeInsee());
			}
			else {
				names.add(candidate.communeKey());
			}
			if (candidate.hasPivot()) {
				pivots.add(record.pivot());
			}
			centres.add(record.coordinates());
		}
		// a record of a neighbouring cell is less than two cells away; the margin is for
		// the rounding of cell boundaries
		return new Neighbourhood(codes, names, pivots, centres, 2.01 * DuplicateGroups.CELL_DEGREES,
				2.01 * DuplicateGroups.LONGITUDE_CELL_DEGREES);
	}

}
