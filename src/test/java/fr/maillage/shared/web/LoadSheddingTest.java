package fr.maillage.shared.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.FilterChain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class LoadSheddingTest {

	private static final StaticResourceLinks.StaticPaths STATIC = new StaticResourceLinks.StaticPaths(
			new String[] { "classpath:/static/" });

	private final CountDownLatch entered = new CountDownLatch(1);

	private final CountDownLatch release = new CountDownLatch(1);

	/** A request that stays inside until released. */
	private final FilterChain slow = (request, response) -> {
		entered.countDown();
		try {
			release.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		((MockHttpServletResponse) response).setStatus(200);
	};

	private final FilterChain fast = (request, response) -> ((MockHttpServletResponse) response).setStatus(200);

	@AfterEach
	void releaseTheSlowRequest() {
		release.countDown();
	}

	@Test
	void whenFullTheExcessIsTurnedAwayWithA503AndRetryAfter() throws Exception {
		LoadShedding shedding = new LoadShedding(1, 0, Duration.ZERO, STATIC);
		CompletableFuture<MockHttpServletResponse> first = CompletableFuture
			.supplyAsync(() -> run(shedding, "/", slow));
		assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

		MockHttpServletResponse page = run(shedding, "/lieux/abc", fast);
		MockHttpServletResponse api = run(shedding, "/api/v1/lieux", fast);

		assertThat(page.getStatus()).isEqualTo(503);
		assertThat(page.getHeader("Retry-After")).isEqualTo(LoadShedding.RETRY_AFTER_SECONDS);
		assertThat(page.getContentType()).startsWith("text/html");
		assertThat(page.getContentAsString(StandardCharsets.UTF_8)).contains("momentanément surchargé");
		assertThat(api.getStatus()).isEqualTo(503);
		assertThat(api.getContentType()).startsWith("application/json");
		assertThat(api.getContentAsString(StandardCharsets.UTF_8)).contains("\"code\":\"surcharge\"");

		release.countDown();
		assertThat(first.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
		assertThat(run(shedding, "/lieux/abc", fast).getStatus()).isEqualTo(200);
		assertThat(shedding.inside()).isZero();
	}

	@Test
	void healthAndStaticFilesAreNeverHeldBack() throws Exception {
		LoadShedding shedding = new LoadShedding(1, 0, Duration.ZERO, STATIC);
		CompletableFuture.supplyAsync(() -> run(shedding, "/", slow));
		assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

		assertThat(run(shedding, "/actuator/health", fast).getStatus()).isEqualTo(200);
		assertThat(run(shedding, "/css/maillage-0123.css", fast).getStatus()).isEqualTo(200);
		assertThat(run(shedding, "/carte", fast).getStatus()).isEqualTo(503);
	}

	@Test
	void aQueuedRequestIsServedWhenAPlaceFrees() throws Exception {
		LoadShedding shedding = new LoadShedding(1, 1, Duration.ofSeconds(30), STATIC);
		CompletableFuture<MockHttpServletResponse> first = CompletableFuture
			.supplyAsync(() -> run(shedding, "/", slow));
		assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
		CompletableFuture<MockHttpServletResponse> queued = CompletableFuture
			.supplyAsync(() -> run(shedding, "/?q=lyon", fast));
		while (shedding.inside() < 2) {
			Thread.onSpinWait();
		}

		// one working, one waiting: the third finds the queue full
		assertThat(run(shedding, "/lieux/abc", fast).getStatus()).isEqualTo(503);

		release.countDown();
		assertThat(first.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
		assertThat(queued.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
		assertThat(shedding.inside()).isZero();
	}

	private static MockHttpServletResponse run(LoadShedding shedding, String uri, FilterChain chain) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", uri.replaceAll("\\?.*", ""));
		MockHttpServletResponse response = new MockHttpServletResponse();
		try {
			shedding.doFilter(request, response, chain);
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
		return response;
	}

}
