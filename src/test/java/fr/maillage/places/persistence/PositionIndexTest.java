package fr.maillage.places.persistence;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import fr.maillage.places.PlaceQuery;
import fr.maillage.places.vocabulary.Fee;
import fr.maillage.places.vocabulary.Itinerance;
import fr.maillage.places.vocabulary.MediationService;
import fr.maillage.shared.geo.Coordinates;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PositionIndexTest {

	private static final Coordinates LYON = new Coordinates(45.7578, 4.8320);

	@Test
	void findsThePlacesWithinTheRadiusNearestFirst() {
		PositionIndex index = new PositionIndex(List.of(entry("far", 45.90, 4.83, 0), entry("near", 45.76, 4.84, 0),
				entry("nearer", 45.758, 4.833, 0), entry("other-side", 45.70, 4.83, 0)));

		List<PositionIndex.Hit> hits = index.within(LYON, 10, PositionIndex.Filter.NONE);

		assertThat(hits).extracting(PositionIndex.Hit::id).containsExactly("nearer", "near", "other-side");
		assertThat(hits.get(2).distanceKm()).isCloseTo(6.42, org.assertj.core.data.Offset.offset(0.01));
	}

	@Test
	void keepsAPlaceWhenItOffersAnyOfTheWantedValuesOfEachFilteredVocabulary() {
		long administrative = PositionIndex.bit(MediationService.ADMINISTRATIVE_PROCEDURES);
		long free = PositionIndex.bit(Fee.FREE);
		PositionIndex index = new PositionIndex(List.of(entry("both", 45.76, 4.84, administrative | free),
				entry("service-only", 45.76, 4.84, administrative), entry("free-only", 45.76, 4.84, free),
				entry("itinerant", 45.76, 4.84, administrative | PositionIndex.bit(Itinerance.ITINERANT))));

		assertThat(ids(index, query(List.of(MediationService.ADMINISTRATIVE_PROCEDURES), List.of(), false)))
			.containsExactlyInAnyOrder("both", "service-only", "itinerant");
		assertThat(ids(index, query(List.of(MediationService.ADMINISTRATIVE_PROCEDURES), List.of(Fee.FREE), false)))
			.containsExactly("both");
		assertThat(ids(index, query(List.of(), List.of(), true))).containsExactly("itinerant");
	}

	@Test
	void leavesTextAndTerritoryQueriesToTheDatabase() {
		PlaceQuery withText = new PlaceQuery("lyon", List.of(), List.of(), List.of(), null, List.of(), List.of(),
				List.of(), List.of(), List.of(), List.of(), false, new PlaceQuery.Near(LYON, 10), 1, 50);
		PlaceQuery withoutPoint = new PlaceQuery(null, List.of(), List.of(), List.of(), null, List.of(), List.of(),
				List.of(), List.of(), List.of(), List.of(), false, null, 1, 50);

		assertThat(PositionIndex.Filter.findFor(withText)).isEmpty();
		assertThat(PositionIndex.Filter.findFor(withoutPoint)).isEmpty();
	}

	@Property(tries = 200)
	void answersAsAScanOfEveryPlaceWould(@ForAll @IntRange(min = 0, max = 400) int count,
			@ForAll @DoubleRange(min = 0.5, max = 40) double radiusKm, @ForAll long seed) {
		Random random = new Random(seed);
		List<PositionIndex.Entry> entries = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			entries.add(entry(UUID.randomUUID().toString(), LYON.latitude() + (random.nextDouble() - 0.5),
					LYON.longitude() + (random.nextDouble() - 0.5), random.nextLong() & 0x1ff));
		}
		long wanted = random.nextInt(4) == 0 ? 0 : 1L << random.nextInt(9);
		PositionIndex.Filter filter = new PositionIndex.Filter(wanted == 0 ? new long[0] : new long[] { wanted });

		List<PositionIndex.Hit> expected = entries.stream()
			.filter(entry -> wanted == 0 || (entry.bits() & wanted) != 0)
			.map(entry -> new PositionIndex.Hit(entry.id(),
					LYON.distanceKmTo(new Coordinates(entry.latitude(), entry.longitude()))))
			.filter(hit -> hit.distanceKm() <= radiusKm)
			.sorted(Comparator.comparingDouble(PositionIndex.Hit::distanceKm).thenComparing(PositionIndex.Hit::id))
			.toList();

		assertThat(new PositionIndex(entries).within(LYON, radiusKm, filter)).isEqualTo(expected);
	}

	private static List<String> ids(PositionIndex index, PlaceQuery query) {
		return index.within(LYON, 5, PositionIndex.Filter.findFor(query).orElseThrow())
			.stream()
			.map(PositionIndex.Hit::id)
			.toList();
	}

	private static PlaceQuery query(List<MediationService> services, List<Fee> fees, boolean itinerant) {
		return new PlaceQuery(null, List.of(), List.of(), List.of(), null, services, List.of(), List.of(), fees,
				List.of(), List.of(), itinerant, new PlaceQuery.Near(LYON, 5), 1, 50);
	}

	private static PositionIndex.Entry entry(String id, double latitude, double longitude, long bits) {
		return new PositionIndex.Entry(id, latitude, longitude, bits);
	}

}
