package fr.maillage.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load and fault suite of issue 14 (run by {@code scripts/charge}, never by the
 * tests): mixed public traffic sent open loop — each request leaves at its scheduled time
 * whether or not the previous ones were answered, and its latency counts from that time,
 * so a server that falls behind cannot slow the load down and hide its queue. Bounded in
 * count (rate × seconds) and in time (the last request waits at most the timeout), on the
 * loopback only. Prints per kind of page: sent, 200, other codes, timeouts and connection
 * errors, p50 / p95 / p99 / max.
 *
 * <p>
 * Only JDK classes, so that the script runs it as a single source file:
 * {@code java src/test/java/fr/maillage/benchmarks/LoadGenerator.java --base URL --rate 200 --seconds 60}.
 */
public final class LoadGenerator {

	private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]");

	/** A browser's agent (no robot marker): place pages count their consultation. */
	private static final String USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0 "
			+ "(maillage charge)";

	private static final List<String> TOWNS = List.of("lyon", "villeurbanne", "grenoble", "clermont-ferrand",
			"saint-etienne", "annecy", "valence", "chambery", "roanne", "vichy", "bourg-en-bresse", "vienne");

	/** The mix, in requests out of 100. */
	private static final Map<String, Integer> MIX = new LinkedHashMap<>();

	static {
		MIX.put("accueil", 20);
		MIX.put("recherche", 30);
		MIX.put("lieu", 30);
		MIX.put("api", 15);
		MIX.put("carte", 5);
	}

	/**
	 * A lieu's own id opens its object; the ids of its sources ({@code {"source": …,
	 * "id": …}}) are producers' ids, whose pages do not exist.
	 */
	private static final Pattern ID = Pattern
		.compile("\\{\"id\":\"([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\"");

	private static final Pattern POINT = Pattern.compile("\"latitude\":(-?[0-9.]+),\"longitude\":(-?[0-9.]+)");

	private record Outcome(String kind, int status, long nanos, String failure) {
	}

	private final String base;

	private final HttpClient client;

	private final Duration timeout;

	private final Random random = new Random(14);

	private final List<String> placeIds = new ArrayList<>();

	private final List<String> points = new ArrayList<>();

	private LoadGenerator(String base, Duration timeout, ExecutorService executor) {
		this.base = base.replaceAll("/+$", "");
		this.timeout = timeout;
		this.client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(timeout)
			.executor(executor)
			.build();
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = options(args);
		String base = options.getOrDefault("base", "http://127.0.0.1:8080");
		URI uri = URI.create(base);
		if (!LOOPBACK.contains(uri.getHost())) {
			System.err.println("charge: the load goes to the loopback only (127.0.0.1), not to " + uri.getHost());
			System.exit(2);
		}
		double rate = Double.parseDouble(options.getOrDefault("rate", "200"));
		double seconds = Double.parseDouble(options.getOrDefault("seconds", "60"));
		Duration timeout = Duration.ofMillis(Long.parseLong(options.getOrDefault("timeout-ms", "5000")));
		int afterSeconds = Integer.parseInt(options.getOrDefault("after", "5"));
		ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
			Thread thread = new Thread(runnable, "charge");
			thread.setDaemon(true);
			return thread;
		});
		LoadGenerator generator = new LoadGenerator(base, timeout, executor);
		generator.readPlaces();
		generator.warmUp(Integer.parseInt(options.getOrDefault("warmup", "300")));
		long searchBefore = generator.singleRequests("recherche", "/?q=lyon", 50);
		generator.singleRequests("lieu", "/lieux/" + generator.placeIds.get(0), 50);
		List<Outcome> outcomes = generator.run(rate, seconds);
		report(outcomes, rate, seconds);
		if (afterSeconds > 0) {
			Thread.sleep(afterSeconds * 1000L);
			generator.afterTheLoad(afterSeconds, searchBefore);
		}
		executor.shutdownNow();
	}

	private static Map<String, String> options(String[] args) {
		Map<String, String> options = new TreeMap<>();
		for (int i = 0; i < args.length; i++) {
			if (!args[i].startsWith("--") || i + 1 >= args.length) {
				System.err.println("usage: LoadGenerator --base URL --rate R --seconds S [--timeout-ms 5000] "
						+ "[--warmup 300] [--after 5]");
				System.exit(2);
			}
			options.put(args[i].substring(2), args[++i]);
		}
		return options;
	}

	/**
	 * Place ids and points from the API, for the place pages and the searches around a
	 * point.
	 */
	private void readPlaces() throws Exception {
		// without Accept-Encoding: the body is read here, not discarded
		HttpRequest plain = HttpRequest.newBuilder(URI.create(base + "/api/v1/lieux?taille=500"))
			.timeout(timeout)
			.header("User-Agent", USER_AGENT)
			.build();
		HttpResponse<String> response = client.send(plain, HttpResponse.BodyHandlers.ofString());
		String body = response.body();
		Matcher ids = ID.matcher(body);
		while (ids.find()) {
			placeIds.add(ids.group(1));
		}
		Matcher coordinates = POINT.matcher(body);
		while (coordinates.find()) {
			points.add("lat=" + coordinates.group(1) + "&lon=" + coordinates.group(2));
		}
		if (placeIds.isEmpty() || points.isEmpty()) {
			throw new IllegalStateException(
					"no places in " + base + "/api/v1/lieux (" + response.statusCode() + "): is the demo data loaded?");
		}
		System.out.printf(Locale.ROOT, "CHARGE places read: %d ids, %d points%n", placeIds.size(), points.size());
	}

	private String next(String kind) {
		return switch (kind) {
			case "accueil" -> "/";
			case "recherche" -> "/?q=" + TOWNS.get(random.nextInt(TOWNS.size()));
			case "lieu" -> "/lieux/" + placeIds.get(random.nextInt(placeIds.size()));
			case "api" -> "/api/v1/lieux?" + points.get(random.nextInt(points.size())) + "&rayon_km=10";
			case "carte" -> "/carte?departement=69";
			default -> throw new IllegalArgumentException(kind);
		};
	}

	private String nextKind() {
		int draw = random.nextInt(100);
		for (Map.Entry<String, Integer> kind : MIX.entrySet()) {
			draw -= kind.getValue();
			if (draw < 0) {
				return kind.getKey();
			}
		}
		throw new IllegalStateException("the mix does not add up to 100");
	}

	private HttpRequest request(String path) {
		return HttpRequest.newBuilder(URI.create(base + path))
			.timeout(timeout)
			.header("User-Agent", USER_AGENT)
			.header("Accept-Encoding", "gzip")
			.GET()
			.build();
	}

	/**
	 * Every kind, one request at a time, not counted: the server's JIT and caches warm
	 * up.
	 */
	private void warmUp(int requests) throws Exception {
		for (int i = 0; i < requests; i++) {
			client.send(request(next(nextKind())), HttpResponse.BodyHandlers.discarding());
		}
	}

	/** One request at a time, the server otherwise idle: the p50 a single person sees. */
	private long singleRequests(String kind, String path, int count) throws Exception {
		long[] nanos = new long[count];
		for (int i = 0; i < count; i++) {
			long start = System.nanoTime();
			HttpResponse<Void> response = client.send(request(path), HttpResponse.BodyHandlers.discarding());
			nanos[i] = System.nanoTime() - start;
			if (response.statusCode() != 200) {
				throw new IllegalStateException(path + " answered " + response.statusCode());
			}
		}
		Arrays.sort(nanos);
		long p50 = percentile(nanos, 50);
		System.out.printf(Locale.ROOT, "CHARGE single %-9s %s: p50 %.1f ms, p95 %.1f ms (%d requests, one at a time)%n",
				kind, path, ms(p50), ms(percentile(nanos, 95)), count);
		return p50;
	}

	private List<Outcome> run(double rate, double seconds) throws InterruptedException {
		int total = (int) Math.round(rate * seconds);
		long interval = (long) (1_000_000_000L / rate);
		ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
		List<CompletableFuture<?>> pending = new ArrayList<>(total);
		System.out.printf(Locale.ROOT, "CHARGE run: %d requests at %.0f/s for %.0f s, timeout %d ms%n", total, rate,
				seconds, timeout.toMillis());
		long start = System.nanoTime();
		Thread health = healthProbe(start + (long) (seconds * 1e9));
		for (int i = 0; i < total; i++) {
			long due = start + i * interval;
			long wait = due - System.nanoTime();
			if (wait > 0) {
				LockSupport.parkNanos(wait);
			}
			String kind = nextKind();
			pending.add(client.sendAsync(request(next(kind)), HttpResponse.BodyHandlers.discarding())
				.handle((response, failure) -> {
					long nanos = System.nanoTime() - due;
					if (failure == null) {
						outcomes.add(new Outcome(kind, response.statusCode(), nanos, null));
					}
					else {
						Throwable cause = failure.getCause() == null ? failure : failure.getCause();
						outcomes.add(new Outcome(kind, 0, nanos,
								cause instanceof HttpTimeoutException ? "timeout" : "error"));
					}
					return null;
				}));
		}
		long sendingNanos = System.nanoTime() - start;
		health.join(timeout.toMillis() + 2_000);
		// every request has its own timeout: this wait is bounded
		try {
			CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
				.get(timeout.toMillis() + 5_000, TimeUnit.MILLISECONDS);
		}
		catch (Exception stillPending) {
			System.out.println("CHARGE some requests were still pending after their timeout");
		}
		System.out.printf(Locale.ROOT, "CHARGE sent in %.1f s (scheduled %.1f s)%n", sendingNanos / 1e9, seconds);
		return new ArrayList<>(outcomes);
	}

	/**
	 * Health once a second during the load, one probe at a time: it must stay cheap
	 * whatever the load (issue 14 saw it take 50 s).
	 */
	private Thread healthProbe(long until) {
		Thread probe = new Thread(() -> {
			List<String> statuses = new ArrayList<>();
			long max = 0;
			while (System.nanoTime() < until) {
				long begin = System.nanoTime();
				try {
					HttpResponse<Void> response = client.send(request("/actuator/health"),
							HttpResponse.BodyHandlers.discarding());
					statuses.add(String.valueOf(response.statusCode()));
				}
				catch (Exception e) {
					statuses.add(e instanceof HttpTimeoutException ? "timeout" : "error");
				}
				catch (Throwable e) {
					statuses.add("error");
				}
				long took = System.nanoTime() - begin;
				max = Math.max(max, took);
				LockSupport.parkNanos(Math.max(0, 1_000_000_000L - took));
			}
			long ok = statuses.stream().filter("200"::equals).count();
			System.out.printf(Locale.ROOT,
					"CHARGE health during the load: %d probes, %d answered 200, slowest %.1f ms%n", statuses.size(), ok,
					ms(max));
		}, "charge-health");
		probe.setDaemon(true);
		probe.start();
		return probe;
	}

	private static void report(List<Outcome> outcomes, double rate, double seconds) {
		Map<String, List<Outcome>> byKind = new LinkedHashMap<>();
		MIX.keySet().forEach(kind -> byKind.put(kind, new ArrayList<>()));
		outcomes.forEach(outcome -> byKind.get(outcome.kind()).add(outcome));
		byKind.put("total", outcomes);
		System.out.printf(Locale.ROOT, "CHARGE %-9s %6s %6s %-22s %8s %6s %8s %8s %8s %8s%n", "kind", "sent", "200",
				"other codes", "timeouts", "errors", "p50 ms", "p95 ms", "p99 ms", "max ms");
		byKind.forEach((kind, list) -> {
			Map<Integer, Integer> others = new TreeMap<>();
			long ok = 0;
			long timeouts = 0;
			long errors = 0;
			List<Long> answered = new ArrayList<>();
			for (Outcome outcome : list) {
				if (outcome.failure() == null) {
					answered.add(outcome.nanos());
					if (outcome.status() == 200) {
						ok++;
					}
					else {
						others.merge(outcome.status(), 1, Integer::sum);
					}
				}
				else if (outcome.failure().equals("timeout")) {
					timeouts++;
				}
				else {
					errors++;
				}
			}
			long[] nanos = answered.stream().mapToLong(Long::longValue).sorted().toArray();
			System.out.printf(Locale.ROOT, "CHARGE %-9s %6d %6d %-22s %8d %6d %8.1f %8.1f %8.1f %8.1f%n", kind,
					list.size(), ok, others.isEmpty() ? "-" : others.toString(), timeouts, errors,
					ms(percentile(nanos, 50)), ms(percentile(nanos, 95)), ms(percentile(nanos, 99)),
					ms(nanos.length == 0 ? 0 : nanos[nanos.length - 1]));
		});
		System.out.printf(Locale.ROOT, "CHARGE (latency from each request's scheduled time, answered requests only; "
				+ "%.0f requests/s for %.0f s)%n", rate, seconds);
	}

	/** A few seconds after the load, a search must answer in its usual time again. */
	private void afterTheLoad(int afterSeconds, long searchBefore) throws Exception {
		List<String> lines = new ArrayList<>();
		long[] nanos = new long[5];
		for (int i = 0; i < nanos.length; i++) {
			long start = System.nanoTime();
			HttpResponse<Void> response = client.send(request("/?q=lyon"), HttpResponse.BodyHandlers.discarding());
			nanos[i] = System.nanoTime() - start;
			lines.add(response.statusCode() + " in " + String.format(Locale.ROOT, "%.1f ms", ms(nanos[i])));
		}
		System.out.printf(Locale.ROOT, "CHARGE %d s after the load, /?q=lyon: %s (before the load: p50 %.1f ms)%n",
				afterSeconds, String.join(", ", lines), ms(searchBefore));
	}

	private static long percentile(long[] sorted, int percent) {
		if (sorted.length == 0) {
			return 0;
		}
		int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
	}

	private static double ms(long nanos) {
		return nanos / 1e6;
	}

}
