package fr.maillage.opendata.merging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import fr.maillage.places.Geocoding;
import fr.maillage.places.Place;
import fr.maillage.places.PlaceOrigin;
import fr.maillage.places.PublishedPlace;
import fr.maillage.places.vocabulary.MediationService;
import fr.maillage.shared.geo.Coordinates;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class DirectoryMergeTest {

	private static final Instant MONDAY = Instant.parse("2026-11-02T08:00:00Z");

	private static final Instant TUESDAY = Instant.parse("2026-11-03T08:00:00Z");

	static Place record(String source, String id, String name, String address, @Nullable Coordinates point,
			@Nullable LocalDate updatedOn, Instant receivedAt, List<MediationService> services) {
		return new Place(new PlaceOrigin(source, id), null, name, "Soyaux", "16800", "16374", address, null, point,
				List.of(), null, List.of(), List.of(), null, null, null, null, List.of(), null, updatedOn, services,
				List.of(), List.of(), List.of(), List.of(), List.of(), null, List.of(), List.of(), null, null, null,
				receivedAt);
	}

	private static final Coordinates TOWN_HALL = new Coordinates(45.641629, 0.192714);

	private final Place hubRecord = record("hub", "1", "Mairie de Soyaux", "235 avenue du Général de Gaulle", TOWN_HALL,
			LocalDate.of(2023, 1, 10), MONDAY, List.of(MediationService.ADMINISTRATIVE_PROCEDURES));

	private final Place aidantsRecord = record("aidants-connect", "a7", "MAIRIE DE SOYAUX",
			"235 AV DU GENERAL DE GAULLE", TOWN_HALL, LocalDate.of(2023, 6, 1), TUESDAY,
			List.of(MediationService.INTERNET_AND_EQUIPMENT_ACCESS));

	private final Place library = record("hub", "2", "Médiathèque Françoise Sagan", "5 rue Gutenberg",
			new Coordinates(45.6488, 0.1848), LocalDate.of(2022, 5, 3), MONDAY, List.of());

	@Test
	void aPlaceGivenByTwoSourcesIsOneLieuWithTheIdOfItsEarliestRecord() {
		DirectoryMerge.Result result = DirectoryMerge.merge(List.of(aidantsRecord, hubRecord, library), Map.of());

		assertThat(result.published()).hasSize(2);
		PublishedPlace townHall = result.published()
			.stream()
			.filter(place -> place.memberIds().size() == 2)
			.findFirst()
			.orElseThrow();
		assertThat(townHall.place().id()).isEqualTo(hubRecord.id());
		assertThat(townHall.memberIds()).containsExactly(hubRecord.id(), aidantsRecord.id());
		// the most recent record's name, every record's services
		assertThat(townHall.place().name()).isEqualTo("MAIRIE DE SOYAUX");
		assertThat(townHall.place().services()).containsExactlyInAnyOrder(MediationService.ADMINISTRATIVE_PROCEDURES,
				MediationService.INTERNET_AND_EQUIPMENT_ACCESS);
		assertThat(townHall.place().updatedOn()).isEqualTo(LocalDate.of(2023, 6, 1));
	}

	@Test
	void aLieuOfOneRecordIsThatRecordUnchanged() {
		PublishedPlace alone = DirectoryMerge.merge(List.of(library), Map.of()).published().get(0);

		assertThat(alone.place()).isEqualTo(library);
		assertThat(alone.memberIds()).containsExactly(library.id());
	}

	@Test
	void aPersonsDecisionSeparatesWhatTheScoreJoins() {
		DirectoryMerge.Result result = DirectoryMerge.merge(List.of(aidantsRecord, hubRecord, library),
				Map.of(DuplicateGroups.pairKey(hubRecord.id(), aidantsRecord.id()), false));

		assertThat(result.published()).hasSize(3);
	}

	@Test
	void producerCoordinatesWinOverACommuneCentre() {
		Coordinates centre = new Coordinates(45.64, 0.19);
		Place estimated = new Place(new PlaceOrigin("aidants-connect", "a9"), null, "Mairie de Soyaux", "Soyaux",
				"16800", "16374", "235 avenue du Général de Gaulle", null, centre, List.of(), null, List.of(),
				List.of(), null, null, null, null, List.of(), null, LocalDate.of(2024, 1, 1), List.of(), List.of(),
				List.of(), List.of(), List.of(), List.of(), null, List.of(), List.of(), null, null,
				Geocoding.COMMUNE_CENTRE, TUESDAY);

		PublishedPlace merged = DirectoryMerge.publish(List.of(estimated, hubRecord));

		assertThat(merged.place().coordinates()).isEqualTo(TOWN_HALL);
		assertThat(merged.place().geocoding()).isNull();
		// a more recent record still gives its values
		assertThat(merged.place().updatedOn()).isEqualTo(LocalDate.of(2024, 1, 1));
	}

	@Test
	void aRecordWithoutCoordinatesStaysOnItsOwn() {
		Place nowhere = record("hub", "3", "Mairie de Soyaux", "235 avenue du Général de Gaulle", null, null, MONDAY,
				List.of());

		assertThat(DirectoryMerge.merge(List.of(nowhere, hubRecord), Map.of()).published()).hasSize(2);
	}

	@Property(tries = 50)
	void theDirectoryDoesNotDependOnTheOrderRecordsArrive(@ForAll long seed) {
		List<Place> records = new ArrayList<>(List.of(hubRecord, aidantsRecord, library,
				record("france-services", "fs-1", "France services Soyaux", "235 av. du Gal de Gaulle", TOWN_HALL, null,
						TUESDAY, List.of(MediationService.ADMINISTRATIVE_PROCEDURES))));
		List<PublishedPlace> expected = DirectoryMerge.merge(records, Map.of()).published();

		Collections.shuffle(records, new Random(seed));

		assertThat(DirectoryMerge.merge(records, Map.of()).published()).isEqualTo(expected);
	}

}
