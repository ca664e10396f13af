package fr.maillage.contributions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.maillage.accounts.AccountPrincipal;
import fr.maillage.accounts.Role;
import fr.maillage.contributions.LieuListing.Criteria;
import fr.maillage.contributions.LieuListing.Row;
import fr.maillage.contributions.domain.ListingSort;
import fr.maillage.contributions.persistence.JdbcConfirmationRepository;
import fr.maillage.places.Freshness;
import fr.maillage.testing.EmptyDirectoryApiTest;
import fr.maillage.testing.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The orders by last validation, which no page test covers: the date is the producer's or
 * the last « toujours exact », whichever is latest, and unknown dates come first when the
 * oldest do. The lieux are read through the {@code places} API.
 */
class LieuListingIT extends EmptyDirectoryApiTest {

	private static final AccountPrincipal ADMINISTRATOR = new AccountPrincipal(UUID.randomUUID().toString(),
			"admin@exemple.fr", "Admin", Role.ADMINISTRATEUR, List.of());

	/** Yesterday: within the validity period whatever the day the test runs. */
	private static final Instant CONFIRMED = Instant.now().minus(java.time.Duration.ofDays(1));

	@Autowired
	LieuListing lieux;

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
		confirmations.addConfirmation(UUID.fromString(confirmed), UUID.randomUUID(), "test", CONFIRMED);
	}

	/** Every lieu of the Charente in that order, page after page. */
	private List<Row> all(ListingSort sort) {
		List<Row> rows = new java.util.ArrayList<>();
		LieuListing.Page page;
		int number = 1;
		do {
			page = lieux.listPage(ADMINISTRATOR, new Criteria(null, null, null, null, null, "16", sort, number++));
			rows.addAll(page.rows());
		}
		while (page.page() < page.pages());
		return rows;
	}

	@Test
	void theOldestValidationFirstPutsUnknownDatesFirst() {
		List<Row> page = all(ListingSort.OLDEST_VALIDATION);
		long total = jdbc.sql("select count(*) from lieu where departement = '16'").query(Long.class).single();
		assertThat(page).hasSize((int) total);
		int unknown = (int) page.stream().filter(lieu -> lieu.lastVouched() == null).count();
		assertThat(page.subList(0, unknown)).allSatisfy(lieu -> assertThat(lieu.lastVouched()).isNull())
			.extracting(Row::id)
			.contains(undated);
		List<Row> dated = page.subList(unknown, page.size());
		assertThat(dated.get(0).id()).isEqualTo(oldest);
		assertThat(dated.get(0).lastVouched()).isEqualTo(LocalDate.of(2001, 1, 1));
		assertThat(dated).extracting(Row::lastVouched).isSortedAccordingTo(Comparator.naturalOrder());
		// the confirmed lieu is the latest, not the second oldest
		assertThat(dated.get(dated.size() - 1).id()).isEqualTo(confirmed);
		assertThat(dated.get(dated.size() - 1).lastVouched())
			.isEqualTo(CONFIRMED.atZone(java.time.ZoneId.of("Europe/Paris")).toLocalDate());
	}

	@Test
	void theLatestValidationFirstPutsUnknownDatesLast() {
		List<Row> page = all(ListingSort.LATEST_VALIDATION);
		assertThat(page.get(0).id()).isEqualTo(confirmed);
		int dated = (int) page.stream().filter(lieu -> lieu.lastVouched() != null).count();
		assertThat(page.subList(0, dated)).extracting(Row::lastVouched)
			.isSortedAccordingTo(Comparator.<LocalDate>naturalOrder().reversed());
		assertThat(page.subList(dated, page.size())).allSatisfy(lieu -> assertThat(lieu.lastVouched()).isNull())
			.extracting(Row::id)
			.contains(undated);
		assertThat(page.get(dated - 1).id()).isEqualTo(oldest);
	}

	@Test
	void theCountsByFreshnessAddUpAndFollowTheThreshold() {
		LieuListing.Page page = lieux.listPage(ADMINISTRATOR,
				new Criteria(null, null, null, null, null, "16", ListingSort.NAME, 1));
		Map<Freshness, Long> counts = page.byFreshness();
		long total = jdbc.sql("select count(*) from lieu where departement = '16'").query(Long.class).single();
		assertThat(counts.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(total);
		assertThat(counts.get(Freshness.UP_TO_DATE)).isEqualTo(1);
		assertThat(counts.get(Freshness.UNKNOWN_DATE)).isPositive();
		assertThat(lieux
			.listPage(ADMINISTRATOR,
					new Criteria(null, Freshness.UP_TO_DATE, null, null, null, "16", ListingSort.NAME, 1))
			.rows()).extracting(Row::id).containsExactly(confirmed);
	}

}
