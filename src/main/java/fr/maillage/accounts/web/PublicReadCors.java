package fr.maillage.accounts.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;

/**
 * Cross-origin reading of the open data (issue 19): a département's site may query the
 * public read routes of the API from its visitors' browsers. Only those routes —
 * {@link ApiAccessRules} lines open to {@link ApiAccessRules.Who#EVERYONE} for GET — and
 * only GET and HEAD, from any origin, never with credentials: a browser sends no cookie
 * and no {@code Authorization} header across origins with them, so nothing that a session
 * or a token opens can be read this way. Every other route, write, token or page
 * (sessions live there), gets no CORS header, and browsers refuse the other site's
 * request.
 */
final class PublicReadCors implements CorsConfigurationSource {

	private static final Set<String> READS = Set.of("GET", "HEAD");

	/** Each rule's path, in the table's order: the first that matches decides. */
	private final List<Map.Entry<RequestMatcher, ApiAccessRules.Rule>> rules;

	private final CorsConfiguration configuration;

	PublicReadCors() {
		this.rules = ApiAccessRules.RULES.stream()
			.map(rule -> Map.entry((RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(rule.pattern()),
					rule))
			.toList();
		CorsConfiguration cors = new CorsConfiguration();
		cors.setAllowedOrigins(List.of(CorsConfiguration.ALL));
		cors.setAllowedMethods(List.of("GET", "HEAD"));
		cors.setAllowedHeaders(List.of("Accept", "Accept-Language", "Content-Language", "If-None-Match"));
		cors.setExposedHeaders(List.of(HttpHeaders.CONTENT_DISPOSITION, HttpHeaders.LINK, HttpHeaders.ETAG));
		cors.setAllowCredentials(false);
		cors.setMaxAge(Duration.ofHours(1));
		this.configuration = cors;
	}

	@Override
	public @Nullable CorsConfiguration getCorsConfiguration(HttpServletRequest request) {
		// a preflight asks for the method of the request to come
		String preflighted = request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD);
		String method = HttpMethod.OPTIONS.matches(request.getMethod()) && preflighted != null ? preflighted
				: request.getMethod();
		if (!READS.contains(method.toUpperCase(Locale.ROOT))) {
			return null;
		}
		HttpMethod read = HttpMethod.valueOf(method.toUpperCase(Locale.ROOT));
		return rules.stream()
			.filter(rule -> (rule.getValue().methods().isEmpty() || rule.getValue().methods().contains(read))
					&& rule.getKey().matches(request))
			.findFirst()
			.filter(rule -> rule.getValue().who() == ApiAccessRules.Who.EVERYONE)
			.map(rule -> configuration)
			.orElse(null);
	}

}
