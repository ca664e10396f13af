package fr.maillage.places;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Which page views count as a consultation: those of people. A request without a user
 * agent, or whose user agent names a robot, a crawler, a link previewer, a monitoring
 * probe, a script or a headless browser, does not count.
 */
public final class ConsultationPolicy {

	private static final List<String> ROBOT_MARKERS = List.of("bot", "crawl", "spider", "slurp", "preview", "monitor",
			"facebookexternalhit", "headless", "curl", "wget", "python", "java", "httpclient", "okhttp", "go-http",
			"axios", "node-fetch", "scrapy", "lighthouse", "pingdom", "uptime");

	private ConsultationPolicy() {
	}

	public static boolean countsAsConsultation(@Nullable String userAgent) {
		if (userAgent == null || userAgent.isBlank()) {
			return false;
		}
		String agent = userAgent.toLowerCase(Locale.ROOT);
		return ROBOT_MARKERS.stream().noneMatch(agent::contains);
	}

}
