package fr.maillage.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;

import fr.maillage.opendata.persistence.JdbcDuplicateRepository;
import fr.maillage.places.Place;
import fr.maillage.places.PlaceDirectory;
import fr.maillage.places.PlaceOrigin;
import fr.maillage.shared.geo.Coordinates;
import fr.maillage.testing.EmptyDirectoryApiTest;
import fr.maillage.testing.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 15 item 8: an edit, a decision or a small import publishes only the lieux it may
 * change, and the directory it leaves is the one a full publication of the same records
 * and decisions gives: the same lieux with the same content, the same memberships and the
 * same review queue.
 */
class IncrementalPublicationIT extends EmptyDirectoryApiTest {

	private static final String CHARENTE = "20230711-charente-lieux-de-mediation-numeriques-nouvelle-aquitaine.json";

	@Autowired
	PublishedDirectory publishedDirectory;

	@Autowired
	PlaceDirectory places;

	@Autowired
	JdbcDuplicateRepository duplicates;

	@Autowired
	PlatformTransactionManager transactionManager;

	private TransactionTemplate transactions;

	@BeforeEach
	void importCharente() {
		transactions = new TransactionTemplate(transactionManager);
		assertThat(api.importFile("charente", CHARENTE, Fixtures.lieux(CHARENTE)).status()).isEqualTo(201);
	}

	@Test
	void afterRandomEditsDecisionsAndSmallImportsTheDirectoryIsTheFullPublicationOfTheSameData() {
		Random random = new Random(15_08);
		int regrouped = 0;
		for (int i = 0; i < 60; i++) {
			int step = i;
			List<Place> records = new ArrayList<>(places.mapSourceRecords(recordIds()).values());
			records.sort(java.util.Comparator.comparing(Place::id));
			Place record = records.get(random.nextInt(records.size()));
			Place other = records.get(random.nextInt(records.size()));
			switch (random.nextInt(4)) {
				// an edit that makes a record a look-alike of another one (it joins a
				// lieu)
				case 0 -> publishAfter(List.of(record.id()), () -> places.savePlaces(
						List.of(with(record, record.origin(), other.name(), other.address(), other.coordinates()))));
				// an edit that takes a record far from everything (it leaves its lieu)
				case 1 ->
					publishAfter(List.of(record.id()), () -> places.savePlaces(List.of(with(record, record.origin(),
							"Lieu " + step, step + " rue Neuve", new Coordinates(45.0 + step / 100.0, 1.0)))));
				// a decision about two records, often of the same lieu
				case 2 -> {
					Place pairedWith = random.nextBoolean() ? mateOf(record).orElse(other) : other;
					if (!pairedWith.id().equals(record.id())) {
						publishAfter(List.of(record.id(), pairedWith.id()),
								() -> duplicates.insertDecision(
										record.id(), pairedWith.id(), 70, random.nextBoolean()
												? JdbcDuplicateRepository.MERGE : JdbcDuplicateRepository.DISTINCT,
										"test", Instant.now()));
					}
				}
				// a small import: copies of records under another source
				default -> {
					List<Place> copies = new ArrayList<>();
					for (int copy = 0; copy < 1 + random.nextInt(4); copy++) {
						Place copied = records.get(random.nextInt(records.size()));
						copies.add(with(copied, new PlaceOrigin("autre", step + "-" + copy), copied.name(),
								copied.address(), copied.coordinates()));
					}
					publishAfter(copies.stream().map(Place::id).toList(), () -> places.savePlaces(copies));
				}
			}
			regrouped++;
			assertSameAsFullPublication();
		}
		assertThat(regrouped).isEqualTo(60);
	}

	@Test
	void aDecisionSplitsALieuAndOnlyThatLieuChanges() {
		String lieu = jdbc
			.sql("select lieu_id::text from lieu_membre group by lieu_id having count(*) = 2 order by lieu_id limit 1")
			.query(String.class)
			.single();
		List<String> members = membersOf(lieu);
		Map<String, String> before = directory();

		publishAfter(members, () -> duplicates.insertDecision(members.get(0), members.get(1), 90,
				JdbcDuplicateRepository.DISTINCT, "test", Instant.now()));

		assertThat(lieuOf(members.get(0))).isNotEqualTo(lieuOf(members.get(1)));
		Map<String, String> after = directory();
		// one lieu became two; every other lieu is untouched
		assertThat(after).hasSize(before.size() + 1);
		before.forEach((id, fingerprint) -> {
			if (!id.equals(lieu)) {
				assertThat(after).containsEntry(id, fingerprint);
			}
		});
		assertSameAsFullPublication();
	}

	@Test
	void anEditedRecordJoinsALieuThenLeavesIt() {
		String lieu = jdbc
			.sql("select lieu_id::text from lieu_membre group by lieu_id having count(*) = 2 order by lieu_id limit 1")
			.query(String.class)
			.single();
		Place member = places.mapSourceRecords(membersOf(lieu)).values().iterator().next();
		String loneId = jdbc
			.sql("select m.lieu_id::text from lieu_membre m join lieu_source s on s.id = m.source_record_id "
					+ "where s.latitude is not null group by m.lieu_id having count(*) = 1 order by m.lieu_id limit 1")
			.query(String.class)
			.single();
		Place lone = places.mapSourceRecords(List.of(loneId)).get(loneId);

		int lieux = directory().size();
		publishAfter(List.of(lone.id()), () -> places
			.savePlaces(List.of(with(lone, lone.origin(), member.name(), member.address(), member.coordinates()))));

		String joined = lieuOf(member.id());
		assertThat(lieuOf(lone.id())).isEqualTo(joined);
		assertThat(membersOf(joined)).hasSize(3);
		assertThat(directory()).as("the lone record's lieu is merged away").hasSize(lieux - 1);
		assertSameAsFullPublication();

		publishAfter(List.of(lone.id()), () -> places.savePlaces(
				List.of(with(lone, lone.origin(), "Lieu parti", "1 rue Lointaine", new Coordinates(46.5, -1.2)))));

		assertThat(lieuOf(lone.id())).isEqualTo(lone.id());
		assertThat(membersOf(lieuOf(member.id()))).hasSize(2).doesNotContain(lone.id());
		assertThat(directory()).hasSize(lieux);
		assertSameAsFullPublication();
	}

	@Test
	void anIncrementalPublicationChangesTheDirectoryToken() {
		String before = jdbc.sql("select jeton::text from annuaire_version").query(String.class).single();
		String record = recordIds().get(0);

		publishAfter(List.of(record), () -> {
		});

		assertThat(jdbc.sql("select jeton::text from annuaire_version").query(String.class).single())
			.isNotEqualTo(before);
	}

	private void publishAfter(List<String> changed, Runnable change) {
		transactions.executeWithoutResult(status -> {
			publishedDirectory.lockForWriting();
			change.run();
			publishedDirectory.publishChanges(changed);
		});
	}

	/**
	 * The lieux, memberships and review queue a full publication gives are those already
	 * there.
	 */
	private void assertSameAsFullPublication() {
		Map<String, String> lieux = directory();
		Map<String, String> memberships = memberships();
		TreeSet<String> queue = queue();
		transactions.executeWithoutResult(status -> publishedDirectory.publish());
		assertThat(lieux).isEqualTo(directory());
		assertThat(memberships).isEqualTo(memberships());
		assertThat(queue).isEqualTo(queue());
		assertThat(memberships).hasSize(recordIds().size());
	}

	private Map<String, String> directory() {
		Map<String, String> lieux = new TreeMap<>();
		jdbc.sql("select id::text, empreinte from lieu")
			.query((rs, row) -> lieux.put(rs.getString(1), rs.getString(2)))
			.list();
		return lieux;
	}

	private Map<String, String> memberships() {
		Map<String, String> memberships = new TreeMap<>();
		jdbc.sql("select source_record_id::text, lieu_id::text from lieu_membre")
			.query((rs, row) -> memberships.put(rs.getString(1), rs.getString(2)))
			.list();
		return memberships;
	}

	private TreeSet<String> queue() {
		return new TreeSet<>(
				jdbc.sql("select lieu_a || '|' || lieu_b || '|' || score from doublon where statut = 'a_examiner'")
					.query(String.class)
					.list());
	}

	private List<String> recordIds() {
		return jdbc.sql("select id::text from lieu_source order by id").query(String.class).list();
	}

	private List<String> membersOf(String lieu) {
		return jdbc.sql("select source_record_id::text from lieu_membre where lieu_id = cast(:id as uuid) order by 1")
			.param("id", lieu)
			.query(String.class)
			.list();
	}

	private String lieuOf(String record) {
		return jdbc.sql("select lieu_id::text from lieu_membre where source_record_id = cast(:id as uuid)")
			.param("id", record)
			.query(String.class)
			.single();
	}

	private java.util.Optional<Place> mateOf(Place record) {
		return membersOf(lieuOf(record.id())).stream()
			.filter(id -> !id.equals(record.id()))
			.findFirst()
			.map(id -> places.mapSourceRecords(List.of(id)).get(id));
	}

	private static Place with(Place p, PlaceOrigin origin, String name, String address, Coordinates point) {
		return new Place(origin, p.pivot(), name, p.commune(), p.postalCode(), p.codeInsee(), address,
				p.addressComplement(), point, p.typologies(), p.phone(), p.emails(), p.websites(), p.openingHours(),
				p.summary(), p.description(), p.collectedBy(), p.itinerance(), p.parentStructure(), p.updatedOn(),
				p.services(), p.publics(), p.specificSupports(), p.fees(), p.nationalPrograms(), p.trainingLabels(),
				p.otherLabels(), p.accessModes(), p.supportModes(), p.accessibilitySheetUrl(), p.appointmentUrl(),
				p.geocoding(), null);
	}

}
