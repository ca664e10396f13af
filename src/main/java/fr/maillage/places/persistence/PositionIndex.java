package fr.maillage.places.persistence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import fr.maillage.places.PlaceQuery;
import fr.maillage.places.vocabulary.Fee;
import fr.maillage.places.vocabulary.Itinerance;
import fr.maillage.places.vocabulary.MediationService;
import fr.maillage.places.vocabulary.NationalProgram;
import fr.maillage.places.vocabulary.SpecificPublic;
import fr.maillage.places.vocabulary.SpecificSupport;
import fr.maillage.places.vocabulary.SupportMode;
import fr.maillage.places.vocabulary.Vocabulary;
import fr.maillage.shared.geo.Coordinates;

/**
 * Every published lieu with coordinates, reduced to its id, point and vocabulary values
 * as bits, sorted by latitude: a search around a point scans the latitude band of its box
 * instead of asking the database (docs/performance.md, ADR 0013). Immutable; a new
 * publication gives a new index.
 */
final class PositionIndex {

	/** The vocabularies a search around a point may filter on, each a range of bits. */
	static final List<Class<? extends Enum<?>>> VOCABULARIES = List.of(MediationService.class, SpecificPublic.class,
			SpecificSupport.class, Fee.class, SupportMode.class, NationalProgram.class, Itinerance.class);

	private static final int[] OFFSETS = new int[VOCABULARIES.size()];

	static {
		int offset = 0;
		for (int i = 0; i < VOCABULARIES.size(); i++) {
			OFFSETS[i] = offset;
			offset += VOCABULARIES.get(i).getEnumConstants().length;
		}
		if (offset > Long.SIZE) {
			throw new IllegalStateException("the vocabularies no longer fit in 64 bits: " + offset);
		}
	}

	/** Per vocabulary, the bit of each label as the database stores it. */
	private static final List<Map<String, Long>> BITS_BY_LABEL = VOCABULARIES.stream()
		.map(type -> Arrays.stream(type.getEnumConstants())
			.collect(Collectors.toUnmodifiableMap(value -> ((Vocabulary) value).label(), PositionIndex::bit)))
		.toList();

	/** A lieu as the index holds it. */
	record Entry(String id, double latitude, double longitude, long bits) {
	}

	/** A lieu within the radius and its distance. */
	record Hit(String id, double distanceKm) {

		/** Nearest first, then by id as the database orders uuids. */
		static final Comparator<Hit> NEAREST_FIRST = Comparator.comparingDouble(Hit::distanceKm).thenComparing(Hit::id);

	}

	private final String[] ids;

	private final double[] latitudes;

	private final double[] longitudes;

	private final long[] bits;

	PositionIndex(List<Entry> entries) {
		Entry[] sorted = entries.toArray(Entry[]::new);
		Arrays.sort(sorted, Comparator.comparingDouble(Entry::latitude));
		ids = new String[sorted.length];
		latitudes = new double[sorted.length];
		longitudes = new double[sorted.length];
		bits = new long[sorted.length];
		for (int i = 0; i < sorted.length; i++) {
			ids[i] = sorted[i].id();
			latitudes[i] = sorted[i].latitude();
			longitudes[i] = sorted[i].longitude();
			bits[i] = sorted[i].bits();
		}
	}

	/** The bit of a label of the vocabulary at that rank; 0 for an unknown label. */
	static long bitOf(int vocabulary, String label) {
		return BITS_BY_LABEL.get(vocabulary).getOrDefault(label, 0L);
	}

	/** The bit of one vocabulary value. */
	static long bit(Enum<?> value) {
		return 1L << (OFFSETS[VOCABULARIES.indexOf(value.getDeclaringClass())] + value.ordinal());
	}

	/**
	 * The lieux at most {@code radiusKm} from {@code centre} whose values meet the
	 * filter, nearest first (then by id, as the database orders uuids).
	 */
	List<Hit> within(Coordinates centre, double radiusKm, Filter filter) {
		double[] box = centre.boundingBox(radiusKm);
		List<Hit> hits = new ArrayList<>();
		for (int i = firstAtOrAbove(box[0]); i < latitudes.length && latitudes[i] <= box[1]; i++) {
			if (longitudes[i] < box[2] || longitudes[i] > box[3] || !filter.accepts(bits[i])) {
				continue;
			}
			double distance = centre.distanceKmTo(new Coordinates(latitudes[i], longitudes[i]));
			if (distance <= radiusKm) {
				hits.add(new Hit(ids[i], distance));
			}
		}
		hits.sort(Hit.NEAREST_FIRST);
		return hits;
	}

	private int firstAtOrAbove(double latitude) {
		int low = 0;
		int high = latitudes.length;
		while (low < high) {
			int middle = (low + high) >>> 1;
			if (latitudes[middle] < latitude) {
				low = middle + 1;
			}
			else {
				high = middle;
			}
		}
		return low;
	}

	/**
	 * The vocabulary filters of a query: within a vocabulary any wanted value will do,
	 * and every vocabulary with wanted values must match (as the SQL search's
	 * {@code &&}).
	 */
	record Filter(long[] wanted) {

		static final Filter NONE = new Filter(new long[0]);

		/**
		 * The filter of a query this index can answer: around a point, with no text and
		 * no territory; empty otherwise.
		 */
		static Optional<Filter> findFor(PlaceQuery query) {
			boolean territorial = (query.text() != null && !query.text().isBlank()) || !query.codesInsee().isEmpty()
					|| !query.postalCodes().isEmpty() || !query.departements().isEmpty()
					|| query.withinCommunes() != null;
			if (query.near() == null || territorial) {
				return Optional.empty();
			}
			List<Long> groups = new ArrayList<>();
			for (List<? extends Enum<?>> values : List.of(query.services(), query.publics(), query.specificSupports(),
					query.fees(), query.supportModes(), query.nationalPrograms(),
					query.itinerantOnly() ? List.of(Itinerance.ITINERANT) : List.<Itinerance>of())) {
				long group = 0;
				for (Enum<?> value : values) {
					group |= bit(value);
				}
				if (group != 0) {
					groups.add(group);
				}
			}
			return Optional.of(new Filter(groups.stream().mapToLong(Long::longValue).toArray()));
		}

		boolean accepts(long placeBits) {
			for (long group : wanted) {
				if ((placeBits & group) == 0) {
					return false;
				}
			}
			return true;
		}

	}

}
