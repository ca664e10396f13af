package fr.maillage.opendata;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.maillage.opendata.importing.DirectoryPublication;
import fr.maillage.opendata.merging.DirectoryMerge;
import fr.maillage.opendata.merging.MergePolicy;
import fr.maillage.opendata.merging.MergedPlaces;
import fr.maillage.opendata.merging.MergedRecord;
import fr.maillage.opendata.persistence.JdbcDirectoryLock;
import fr.maillage.opendata.persistence.JdbcDuplicateRepository;
import fr.maillage.opendata.persistence.JdbcPlaceEditRepository;
import fr.maillage.places.Place;
import fr.maillage.places.PlaceDirectory;
import fr.maillage.places.PublishedChanges;
import fr.maillage.places.PublishedPlace;
import fr.maillage.places.RecordOutline;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The published directory is the merge of every source (issue 5, ADR 0011): after each
 * import, run or decision, it is rebuilt from all source records and people's decisions
 * in the writer's transaction, so readers switch from the previous directory to the new
 * one at commit, and a failure leaves the previous one in place.
 */
@Service
public class PublishedDirectory implements DirectoryPublication {

	private static final Logger log = LoggerFactory.getLogger(PublishedDirectory.class);

	/**
	 * Beyond this many changed records, a full publication: reading whole tables once
	 * costs less than looking up the neighbourhood of each (docs/performance.md).
	 */
	public static final int INCREMENTAL_LIMIT = DirectoryPublication.INCREMENTAL_LIMIT;

	private final PlaceDirectory places;

	private final JdbcDuplicateRepository duplicates;

	private final JdbcDirectoryLock lock;

	private final JdbcPlaceEditRepository edits;

	private final Clock clock;

	PublishedDirectory(PlaceDirectory places, JdbcDuplicateRepository duplicates, JdbcDirectoryLock lock,
			JdbcPlaceEditRepository edits, Clock clock) {
		this.places = places;
		this.duplicates = duplicates;
		this.lock = lock;
		this.edits = edits;
		this.clock = clock;
	}

	/**
	 * Waits until no other transaction writes the directory, on any instance; held until
	 * the caller's transaction ends.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	@Override
	public void lockForWriting() {
		lock.lockForWriting();
	}

	/** Rebuilds the published directory and the review queue from every source record. */
	@Transactional
	public PublishedChanges publish() {
		lockForWriting();
		long start = System.nanoTime();
		List<RecordOutline> outlines = places.listSourceOutlines();
		long read = System.nanoTime();
		DirectoryMerge.Grouping grouping = DirectoryMerge.group(outlines, duplicates.mapDecisions());
		Lieux lieux = merge(grouping);
		long mergedAt = System.nanoTime();
		PublishedChanges changes = places.replacePublished(lieux.alone(), lieux.merged());
		duplicates.replaceQueue(grouping.toReview(), clock.instant());
		long end = System.nanoTime();
		log.info(
				"Directory published: {} source records -> {} lieux ({} written, {} merged away), {} pairs to review;"
						+ " read {} ms, merged {} ms, written {} ms",
				outlines.size(), changes.published(), changes.written(), changes.removed(), grouping.toReview().size(),
				(read - start) / 1_000_000, (mergedAt - read) / 1_000_000, (end - mergedAt) / 1_000_000);
		return changes;
	}

	/**
	 * Publishes a change to a few source records (an edit, a decision about a pair of
	 * them, a small import): only the lieux they may be in are regrouped and written
	 * (issue 15, ADR 0011). A lieu is a connected component of the pairs that merge, so a
	 * change to records R can only affect the current lieux of R and of the records that
	 * may pair with R (same commune, same SIRET, nearby): those records are regrouped
	 * alone, with the decisions about them, and the rest of the directory is left as it
	 * is. Beyond {@link #INCREMENTAL_LIMIT} records, a full publication.
	 * @param changed ids of the source records whose content changed or that a new
	 * decision concerns (both records of a pair)
	 */
	@Transactional
	@Override
	public void publishChanged(Collection<String> changedRecords) {
		publishChanges(changedRecords);
	}

	public PublishedChanges publishChanges(Collection<String> changed) {
		if (changed.size() > INCREMENTAL_LIMIT) {
			return publish();
		}
		lockForWriting();
		long start = System.nanoTime();
		Set<String> seeds = new HashSet<>(changed);
		Map<String, RecordOutline> outlines = new HashMap<>();
		places.listSourceOutlines(seeds).forEach(outline -> outlines.put(outline.id(), outline));
		DirectoryMerge.Neighbourhood around = DirectoryMerge.neighbourhood(outlines.values());
		Set<String> scope = new HashSet<>(seeds);
		places
			.listSourceOutlinesAround(around.codesInsee(), !around.communesWithoutCode().isEmpty(), around.pivots(),
					around.centres(), around.latitudeSpan(), around.longitudeSpan())
			.stream()
			// the records without a commune code were read all: those of other communes
			// are left out
			.filter(around::mayPairWith)
			.forEach(outline -> {
				outlines.put(outline.id(), outline);
				scope.add(outline.id());
			});
		// whole lieux: a record that leaves a lieu may split it, one that joins a lieu
		// brings it whole
		Map<String, String> lieuOf = places.mapLieuMates(scope);
		scope.addAll(lieuOf.keySet());
		List<String> unread = scope.stream().filter(id -> !outlines.containsKey(id)).toList();
		places.listSourceOutlines(unread).forEach(outline -> outlines.put(outline.id(), outline));
		// a record removed since is no longer published (a seed that does not exist)
		scope.retainAll(outlines.keySet());
		// a record never published (saved without a publication) is regrouped as a change
		Set<String> fresh = new HashSet<>(seeds);
		scope.stream().filter(id -> !lieuOf.containsKey(id)).forEach(fresh::add);
		fresh.retainAll(scope);
		long read = System.nanoTime();
		List<RecordOutline> regrouped = scope.stream().sorted().map(outlines::get).toList();
		DirectoryMerge.Grouping grouping = DirectoryMerge.groupChanged(regrouped, duplicates.mapDecisions(scope), fresh,
				lieuOf);
		// a lieu without any changed record, neither joined nor split, stays as it is:
		// only the others are read whole, merged and written
		Map<String, Integer> lieuSizes = new HashMap<>();
		lieuOf.values().forEach(lieu -> lieuSizes.merge(lieu, 1, Integer::sum));
		List<List<String>> changedGroups = grouping.groups()
			.stream()
			.filter(group -> !isUnchanged(group, fresh, lieuOf, lieuSizes))
			.toList();
		Map<String, String> newLieuOf = new HashMap<>();
		changedGroups.forEach(group -> group.forEach(id -> newLieuOf.put(id, group.get(0))));
		Lieux lieux = merge(new DirectoryMerge.Grouping(changedGroups, grouping.toReview()));
		long mergedAt = System.nanoTime();
		PublishedChanges changes = places.replacePublishedPart(newLieuOf.keySet(), lieux.alone(), lieux.merged());
		duplicates.replaceQueuePart(newLieuOf, fresh, grouping.toReview(), clock.instant());
		long end = System.nanoTime();
		log.info(
				"Directory published incrementally: {} changed source records, {} regrouped -> {} lieux ({} written,"
						+ " {} merged away), {} pairs to review among them; read {} ms, merged {} ms, written {} ms",
				seeds.size(), scope.size(), lieux.alone().size() + lieux.merged().size(), changes.written(),
				changes.removed(), grouping.toReview().size(), (read - start) / 1_000_000,
				(mergedAt - read) / 1_000_000, (end - mergedAt) / 1_000_000);
		return changes;
	}

	/**
	 * Whether a group is exactly a lieu as last published, none of its records changed.
	 */
	private static boolean isUnchanged(List<String> group, Set<String> fresh, Map<String, String> lieuOf,
			Map<String, Integer> lieuSizes) {
		String lieu = lieuOf.get(group.get(0));
		if (lieu == null || !lieu.equals(group.get(0)) || lieuSizes.get(lieu) != group.size()) {
			return false;
		}
		return group.stream().allMatch(id -> !fresh.contains(id) && lieu.equals(lieuOf.get(id)));
	}

	/** Lieux of one record, published as they are, and lieux that merge several. */
	private record Lieux(List<String> alone, List<PublishedPlace> merged) {
	}

	private Lieux merge(DirectoryMerge.Grouping grouping) {
		List<String> alone = new ArrayList<>();
		List<List<String>> together = new ArrayList<>();
		for (List<String> group : grouping.groups()) {
			if (group.size() == 1) {
				alone.add(group.get(0));
			}
			else {
				together.add(group);
			}
		}
		Map<String, Place> records = places.mapSourceRecords(together.stream().flatMap(List::stream).toList());
		List<PublishedPlace> merged = together.stream()
			.map(group -> DirectoryMerge.publish(group.stream().map(records::get).toList()))
			.toList();
		return new Lieux(alone, merged);
	}

	/**
	 * Where each field of a published lieu comes from: the merge of its source records,
	 * every value given and whether it was kept.
	 * @throws fr.maillage.places.PlaceNotFoundException when no lieu has that id
	 */
	@Transactional(readOnly = true)
	public Provenance getProvenance(String id) {
		Place place = places.getPlace(id);
		List<Place> members = places.listMemberRecords(place.id());
		MergedRecord merged = MergePolicy.merge(members.stream().map(MergedPlaces::asSourceRecord).toList());
		// an edit made in Maillage is signed with its author's name (not the address)
		String editor = edits.findLastEditor(place.id())
			.map(author -> author.replaceAll("\\s*<[^>]*>$", ""))
			.orElse(null);
		return new Provenance(place.id(), members, merged, editor);
	}

	/** A published lieu's source records and the merge of them. */
	/**
	 * @param editor who last edited the lieu in Maillage, if anyone did
	 */
	public record Provenance(String id, List<Place> records, MergedRecord merge, @Nullable String editor) {
	}

}
