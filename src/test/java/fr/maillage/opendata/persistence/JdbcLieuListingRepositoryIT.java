package fr.maillage.opendata.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.maillage.opendata.LieuListing.Sort;
import fr.maillage.opendata.persistence.JdbcLieuListingRepository.Filters;
import fr.maillage.opendata.persistence.JdbcLieuListingRepository.Scope;
import fr.maillage.opendata.persistence.JdbcLieuListingRepository.Vouched;
import fr.maillage.places.Freshness;
import fr.maillage.testing.EmptyDirectoryApiTest;
import fr.maillage.testing.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The orders by last validation, which no page test covers: the date is the producer's or
 * the last « toujours exact », whichever is latest, and unknown dates come first when the
 * oldest do.
 */
class JdbcLieuListingRepositoryIT extends EmptyDirectoryApiTest {

	private static final LocalDate THRESHOLD = LocalDate.of(2024, 6, 1);

	private static final Filters NONE = new Filters(List.of(), null, null, null);

	@Autowired
	JdbcLieuListingRepository lieux;

	@Autowired
	JdbcConfirmationRepository confirmations;

	private String oldest;

	private String confirmed;

	private String undated;

	@BeforeEach
	void importCharenteWithKnownDates() {
		api.importFile("charente", Fixtures.CHARENTE, Fixtures.lieux(Fixtures.CHARENTE));
		List<String> ids = jdbc.sql("select id::text from lieu where departement = '16' order by nom, id limit 3")
			.query(String.class)
			.list();
		oldest = ids.get(0);
		confirmed = ids.get(1);
		undated = ids.get(2);
		jdbc.sql("update lieu set date_maj = date '2001-01-01' where id = :id::uuid").param("id", oldest).update();
		jdbc.sql("update lieu set date_maj = date '2002-01-01' where id = :id::uuid").param("id", confirmed).update();
		jdbc.sql("update lieu set date_maj = null where id = :id::uuid").param("id", undated).update();
		// a later confirmation vouches for it, however old its producer's date
		confirmations.addConfirmation(UUID.fromString(confirmed), UUID.randomUUID(), "test",
				Instant.parse("2025-03-01T10:00:00Z"));
	}

	private List<Vouched> all(Sort sort) {
		return lieux.listPage(new Scope.All(), "16", NONE, THRESHOLD, null, sort, 1000, 0);
	}

	@Test
	void theOldestValidationFirstPutsUnknownDatesFirst() {
		List<Vouched> page = all(Sort.OLDEST_VALIDATION);
		long total = jdbc.sql("select count(*) from lieu where departement = '16'").query(Long.class).single();
		assertThat(page).hasSize((int) total);
		int unknown = (int) page.stream().filter(lieu -> lieu.lastVouched() == null).count();
		assertThat(page.subList(0, unknown)).allSatisfy(lieu -> assertThat(lieu.lastVouched()).isNull())
			.extracting(Vouched::id)
			.contains(undated);
		List<Vouched> dated = page.subList(unknown, page.size());
		assertThat(dated.get(0).id()).isEqualTo(oldest);
		assertThat(dated.get(0).lastVouched()).isEqualTo(LocalDate.of(2001, 1, 1));
		assertThat(dated).extracting(Vouched::lastVouched).isSortedAccordingTo(Comparator.naturalOrder());
		// the confirmed lieu is the latest, not the second oldest
		assertThat(dated.get(dated.size() - 1).id()).isEqualTo(confirmed);
		assertThat(dated.get(dated.size() - 1).lastVouched()).isEqualTo(LocalDate.of(2025, 3, 1));
	}

	@Test
	void theLatestValidationFirstPutsUnknownDatesLast() {
		List<Vouched> page = all(Sort.LATEST_VALIDATION);
		assertThat(page.get(0).id()).isEqualTo(confirmed);
		int dated = (int) page.stream().filter(lieu -> lieu.lastVouched() != null).count();
		assertThat(page.subList(0, dated)).extracting(Vouched::lastVouched)
			.isSortedAccordingTo(Comparator.<LocalDate>naturalOrder().reversed());
		assertThat(page.subList(dated, page.size())).allSatisfy(lieu -> assertThat(lieu.lastVouched()).isNull())
			.extracting(Vouched::id)
			.contains(undated);
		assertThat(page.get(dated - 1).id()).isEqualTo(oldest);
	}

	@Test
	void theCountsByFreshnessAddUpAndFollowTheThreshold() {
		Map<Freshness, Long> counts = lieux.countByFreshness(new Scope.All(), "16", NONE, THRESHOLD);
		long total = jdbc.sql("select count(*) from lieu where departement = '16'").query(Long.class).single();
		assertThat(counts.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(total);
		assertThat(counts.get(Freshness.UP_TO_DATE)).isEqualTo(1);
		assertThat(counts.get(Freshness.UNKNOWN_DATE)).isPositive();
		assertThat(lieux.listPage(new Scope.All(), "16", NONE, THRESHOLD, Freshness.UP_TO_DATE, Sort.NAME, 50, 0))
			.extracting(Vouched::id)
			.containsExactly(confirmed);
	}

}
