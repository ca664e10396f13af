package fr.maillage.shared.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sheds overload instead of suffering it: at most {@code concurrent} requests are worked
 * on at once, at most {@code queue} more wait, each at most {@code maxWait}; the others
 * get at once a 503 with {@code Retry-After} and a short French body (JSON under
 * {@code /api}, a small page elsewhere). Without it, 200 requests/s on two cores left
 * hundreds of requests sharing the processor and the connection pool, all slow, and the
 * health check waiting behind them (issue 14). Health, the other actuator endpoints and
 * static files are never held back: they are cheap and must answer under load.
 */
final class LoadShedding extends OncePerRequestFilter {

	static final String RETRY_AFTER_SECONDS = "2";

	private static final String JSON = """
			{"statut":503,"code":"surcharge","message":"Le service est momentanément surchargé. \
			Réessayez dans quelques secondes.","details":[]}""";

	private static final String PAGE = """
			<!DOCTYPE html>
			<html lang="fr"><head><meta charset="utf-8"><title>Service surchargé - Maillage</title>
			<meta name="viewport" content="width=device-width, initial-scale=1"></head>
			<body><main><h1>Service momentanément surchargé</h1>
			<p>Trop de personnes consultent Maillage en ce moment. Réessayez dans quelques secondes.</p>
			</main></body></html>
			""";

	private final Semaphore permits;

	private final int admitted;

	private final long maxWaitNanos;

	private final StaticResourceLinks.StaticPaths staticPaths;

	private final AtomicInteger inside = new AtomicInteger();

	/**
	 * @param concurrent requests worked on at once
	 * @param queue requests that may wait for one of them to finish
	 * @param maxWait the longest a request waits before it is turned away
	 * @param staticPaths which paths can be static files (never held back)
	 */
	LoadShedding(int concurrent, int queue, Duration maxWait, StaticResourceLinks.StaticPaths staticPaths) {
		if (concurrent < 1 || queue < 0 || maxWait.isNegative()) {
			throw new IllegalArgumentException("invalid load shedding bounds");
		}
		this.permits = new Semaphore(concurrent, true);
		this.admitted = concurrent + queue;
		this.maxWaitNanos = maxWait.toNanos();
		this.staticPaths = staticPaths;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.startsWith("/actuator/") || staticPaths.canBeStatic(path);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (inside.incrementAndGet() > admitted) {
			inside.decrementAndGet();
			turnAway(request, response);
			return;
		}
		boolean acquired = false;
		try {
			acquired = permits.tryAcquire(maxWaitNanos, TimeUnit.NANOSECONDS);
			if (!acquired) {
				turnAway(request, response);
				return;
			}
			chain.doFilter(request, response);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			turnAway(request, response);
		}
		finally {
			if (acquired) {
				permits.release();
			}
			inside.decrementAndGet();
		}
	}

	/** Requests being worked on or waiting, for tests and diagnostics. */
	int inside() {
		return inside.get();
	}

	static void turnAway(HttpServletRequest request, HttpServletResponse response) throws IOException {
		boolean api = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
		response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
		response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
		response.setHeader("Cache-Control", "no-store");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.setContentType(api ? "application/json" : "text/html");
		response.getWriter().write(api ? JSON : PAGE);
	}

}
