package fr.maillage.coverage.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import fr.maillage.shared.geo.Coordinates;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;

class NearestSiteIndexProperties {

	/** The index answers what comparing every site would answer. */
	@Property(tries = 300)
	void findsTheSameDistanceAsComparingEverySite(@ForAll("sites") List<Site> sites,
			@ForAll @DoubleRange(min = 41, max = 51.5) double latitude,
			@ForAll @DoubleRange(min = -5.5, max = 9.7) double longitude) {
		Area area = new Area("00000", "quelque part", 100, latitude, longitude);
		NearestSiteIndex index = new NearestSiteIndex(sites);
		double expected = sites.stream()
			.mapToDouble(site -> new Coordinates(latitude, longitude)
				.distanceKmTo(new Coordinates(site.latitude(), site.longitude())))
			.min()
			.orElse(Double.NaN);
		if (sites.isEmpty()) {
			assertThat(index.findNearest(area)).isEmpty();
		}
		else {
			assertThat(index.findNearest(area).get().distanceKm()).isCloseTo(expected, within(1e-9));
		}
	}

	@Property(tries = 50)
	void aSiteInTheCommuneCountsAsZero(@ForAll("sites") List<Site> sites) {
		List<Site> withOne = new ArrayList<>(sites);
		withOne.add(new Site("ici", "Dans la commune", "69010", 45.9, 4.7));
		NearestSiteIndex.Nearest nearest = new NearestSiteIndex(withOne)
			.findNearest(new Area("69010", "L'Arbresle", 6537, 45.8364, 4.6073))
			.get();
		assertThat(nearest.distanceKm()).isZero();
		assertThat(nearest.inCommune()).isTrue();
		assertThat(nearest.site().id()).isEqualTo("ici");
	}

	@Provide
	Arbitrary<List<Site>> sites() {
		// metropolitan France, plus now and then a far-away site (overseas)
		Arbitrary<Site> near = Combinators
			.combine(Arbitraries.doubles().between(41, 51.5), Arbitraries.doubles().between(-5.5, 9.7))
			.as((lat, lon) -> new Site("s", "site", null, lat, lon));
		Arbitrary<Site> far = Arbitraries.of(new Site("run", "La Réunion", "97411", -20.88, 55.45),
				new Site("noumea", "Nouméa", "98818", -22.27, 166.44));
		return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(9, near), net.jqwik.api.Tuple.of(1, far))
			.list()
			.ofMaxSize(300);
	}

}
