package fr.maillage.opendata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import fr.maillage.opendata.HsdsPackages.Outcome;
import fr.maillage.opendata.persistence.JdbcHsdsPackageRepository;
import fr.maillage.testing.ApiClient;
import fr.maillage.testing.CleanDatabase;
import fr.maillage.testing.Fixtures;
import fr.maillage.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * The HSDS data package stored per state of the directory (issue 19, ADR 0028): served as
 * a fresh build would write it, the previous one served (and said so) while the directory
 * changed, never two builders at once, and a damaged or missing package never served as a
 * wrong file nor a 500.
 */
@IntegrationTest
class HsdsPackagesIT {

	private static final String PATH = "/api/hsds/v3/datapackage.zip";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	HsdsPackages packages;

	@Autowired
	JdbcHsdsPackageRepository repository;

	@Autowired
	OpenReferralDirectory openReferral;

	@Autowired
	ObjectMapper json;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	Clock clock;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeEach
	void importTheRealFixtures() {
		CleanDatabase.empty(jdbc);
		Fixtures.importEveryRealLieuxFile(new ApiClient(port));
	}

	private HttpResponse<byte[]> download(String... headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + PATH));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private byte[] freshlyBuilt() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		packages.writeBuilt(out);
		return out.toByteArray();
	}

	private static String state(HttpResponse<?> response) {
		return response.headers().firstValue("X-Maillage-Paquet").orElse("");
	}

	@Test
	void theServedPackageIsTheOneAFreshBuildWrites() throws Exception {
		assertThat(packages.refresh()).isEqualTo(Outcome.BUILT);
		assertThat(packages.refresh()).isEqualTo(Outcome.UP_TO_DATE);
		HttpResponse<byte[]> response = download();
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(state(response)).isEqualTo("a-jour");
		assertThat(response.body()).isEqualTo(freshlyBuilt());
		assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(response.body().length);
		assertThat(response.headers().firstValue("Last-Modified")).isPresent();
		assertThat(response.headers().firstValue("X-Maillage-Paquet-Construit-Le")).isPresent();
		String etag = response.headers().firstValue("ETag").orElseThrow();
		// more than one chunk of 1 MB: the chunks join in order
		assertThat(response.body().length).isGreaterThan(HsdsPackages.CHUNK);
		HttpResponse<byte[]> again = download("If-None-Match", etag);
		assertThat(again.statusCode()).isEqualTo(304);
		assertThat(again.body()).isEmpty();
	}

	@Test
	void aChangedDirectoryIsServedThePreviousPackageUntilTheNextIsBuilt() throws Exception {
		packages.refresh();
		byte[] before = download().body();
		jdbc.sql("update lieu set nom = nom || ' (renommé)' where id = (select min(id::text)::uuid from lieu)")
			.update();
		HttpResponse<byte[]> stale = download();
		assertThat(stale.statusCode()).isEqualTo(200);
		assertThat(state(stale)).isEqualTo("precedent");
		assertThat(stale.body()).isEqualTo(before);
		assertThat(packages.refresh()).isEqualTo(Outcome.BUILT);
		HttpResponse<byte[]> rebuilt = download();
		assertThat(state(rebuilt)).isEqualTo("a-jour");
		assertThat(rebuilt.body()).isNotEqualTo(before).isEqualTo(freshlyBuilt());
		// the two latest are kept (a download of the previous one may still run)
		packages.refresh();
		jdbc.sql("update lieu set nom = nom || '.' where id = (select min(id::text)::uuid from lieu)").update();
		packages.refresh();
		assertThat(jdbc.sql("select count(*) from hsds_paquet").query(Long.class).single()).isEqualTo(2);
	}

	@Test
	void twoInstancesNeverBuildAtOnce() throws Exception {
		// another instance holds the builders' lock: this one does not build
		CountDownLatch locked = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			Future<?> other = threads
				.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
					assertThat(repository.tryLockBuilding()).isTrue();
					locked.countDown();
					try {
						release.await(30, TimeUnit.SECONDS);
					}
					catch (InterruptedException interrupted) {
						Thread.currentThread().interrupt();
					}
				}));
			assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
			assertThat(packages.refresh()).isEqualTo(Outcome.BUILDING_ELSEWHERE);
			assertThat(jdbc.sql("select count(*) from hsds_paquet").query(Long.class).single()).isZero();
			release.countDown();
			other.get(30, TimeUnit.SECONDS);
			// two instances (two services, each with its own state) asked at once: one
			// builds
			HsdsPackages second = new HsdsPackages(repository, openReferral, json, transactions, clock);
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Outcome>> outcomes = new ArrayList<>();
			for (HsdsPackages instance : List.of(packages, second)) {
				outcomes.add(threads.submit(() -> {
					start.await();
					return instance.refresh();
				}));
			}
			start.countDown();
			List<Outcome> results = new ArrayList<>();
			for (Future<Outcome> outcome : outcomes) {
				results.add(outcome.get(120, TimeUnit.SECONDS));
			}
			assertThat(results).containsOnlyOnce(Outcome.BUILT);
			assertThat(jdbc.sql("select count(*) from hsds_paquet").query(Long.class).single()).isEqualTo(1);
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Test
	void aMissingChunkFallsBackToBuilding() throws Exception {
		packages.refresh();
		jdbc.sql("delete from hsds_paquet_morceau where numero = 1").update();
		HttpResponse<byte[]> response = download();
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(state(response)).isEqualTo("construit-a-la-demande");
		assertThat(response.body()).isEqualTo(freshlyBuilt());
		// the incomplete package is dropped: the next check builds it
		assertThat(jdbc.sql("select count(*) from hsds_paquet").query(Long.class).single()).isZero();
		assertThat(packages.refresh()).isEqualTo(Outcome.BUILT);
		assertThat(state(download())).isEqualTo("a-jour");
	}

	@Test
	void aDamagedPackageIsCutShortNeverServedWrongThenBuilt() throws Exception {
		packages.refresh();
		// the same size, other bytes
		jdbc.sql("update hsds_paquet_morceau set octets = set_byte(octets, 100, (get_byte(octets, 100) + 1) % 256) "
				+ "where numero = 0")
			.update();
		assertThatThrownBy(this::download).isInstanceOf(IOException.class);
		HttpResponse<byte[]> response = download();
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(state(response)).isEqualTo("construit-a-la-demande");
		assertThat(response.body()).isEqualTo(freshlyBuilt());
	}

	@Test
	void withoutAStoredPackageTheRequestBuildsIt() throws Exception {
		HttpResponse<byte[]> response = download();
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(state(response)).isEqualTo("construit-a-la-demande");
		assertThat(response.body()).isEqualTo(freshlyBuilt());
	}

}
