package fr.maillage.accounts.web;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Who may use each route of the API, in one table (ADR 0006, ADR 0012, issue 14). Spring
 * Security applies it ({@link SecurityConfiguration#api}) with {@link PathPattern}s, that
 * is on the path as Spring MVC routes it: percent-decoded, {@code ;parameters} removed.
 * The access rule therefore cannot be dodged by spelling a route differently from its
 * mapping ({@code /api/v1/%73ignalements}); spellings that the router would normalise
 * otherwise (dot segments, doubled or encoded slashes) are refused by the strict firewall
 * before any rule.
 * <p>
 * The first rule that matches decides. Rules for the administrator and importers come
 * first so that a public pattern can never open them; a route missing from the table is
 * the administrator's only (deny by default), so a new route is closed until it is
 * declared here.
 */
final class ApiAccessRules {

	/** What a route of the API asks of its caller. */
	enum Who {

		/** Nothing: reading the directory, computing on public data. */
		EVERYONE,

		/**
		 * Imports and source runs, their reports: an administrator, or a coordinator's
		 * personal token.
		 */
		IMPORTER,

		/**
		 * The administrator: the bootstrap token or an administrator's personal token.
		 */
		ADMINISTRATOR,

		/**
		 * Any account's personal token (or the bootstrap token); the module then decides
		 * per item (orientations: 404 to anyone but their orienteur and receivers).
		 */
		ACCOUNT

	}

	/**
	 * One line of the table.
	 *
	 * @param methods the HTTP methods it covers; empty for all
	 */
	record Rule(Set<HttpMethod> methods, String pattern, Who who) {

		private static final PathPatternParser PARSER = PathPatternParser.defaultInstance;

		boolean matches(String method, String path) {
			return (methods.isEmpty() || methods.contains(HttpMethod.valueOf(method.toUpperCase(Locale.ROOT))))
					&& PARSER.parse(pattern).matches(PathContainer.parsePath(path));
		}

		/** The same rule for Spring Security, which parses the request's path. */
		RequestMatcher requestMatcher() {
			PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
			if (methods.isEmpty()) {
				return paths.matcher(pattern);
			}
			return new OrRequestMatcher(methods.stream()
				.sorted(Comparator.comparing(HttpMethod::name))
				.map(method -> (RequestMatcher) paths.matcher(method, pattern))
				.toList());
		}

	}

	/** Reading: no data changes, and an OPTIONS answer holds no data. */
	private static final Set<HttpMethod> READ = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

	/** Every route of the API starts there: the chain that applies {@link #RULES}. */
	static final String API = "/api/**";

	// @formatter:off
	static final List<Rule> RULES = List.of(
			// the error reports may hold e-mail addresses
			any("/api/v1/signalements/**", Who.ADMINISTRATOR),
			// the review queue names who decided
			any("/api/v1/doublons/**", Who.ADMINISTRATOR),
			any("/api/v1/comptes/**", Who.ADMINISTRATOR),
			any("/api/v1/fragilite/imports/**", Who.ADMINISTRATOR),
			// reports hold producers' raw rows
			any("/api/v1/imports/**", Who.IMPORTER),
			any("/api/v1/sources/{nom}/executions/**", Who.IMPORTER),
			// actors are entered by the coordinators of their territory (Actors checks which)
			new Rule(Set.of(HttpMethod.POST), "/api/v1/acteurs", Who.IMPORTER),
			// meetings too (Meetings checks the territory); their public fields are read by anyone
			new Rule(Set.of(HttpMethod.POST), "/api/v1/reunions", Who.IMPORTER),
			// the open data and what is computed from it
			read("/api/v1/lieux"),
			read("/api/v1/lieux/{id}"),
			read("/api/v1/lieux/{id}/consultations"),
			read("/api/v1/lieux/{id}/provenance"),
			read("/api/v1/consultations"),
			read("/api/v1/sources"),
			read("/api/v1/indicateurs/fraicheur"),
			read("/api/v1/territoires/recherche"),
			read("/api/v1/territoires/departements.geojson"),
			read("/api/v1/territoires/{niveau}/{code}"),
			read("/api/v1/territoires/{niveau}/{code}/communes.geojson"),
			read("/api/v1/fragilite/{niveau}/{code}"),
			read("/api/v1/fragilite/departements/{code}/communes"),
			read("/api/v1/fragilite/departements/{code}/communes.csv"),
			read("/api/v1/couverture/{niveau}/{code}"),
			read("/api/v1/acteurs"),
			read("/api/v1/reunions"),
			// issue 18: a territory's governance bodies and resources (no person)
			read("/api/v1/instances"),
			read("/api/v1/ressources"),
			// issue 19: the description of this API, the changes feed, Open Referral HSDS 3.0
			read("/api/v1/openapi.json"),
			read("/api/v1/openapi.json.yaml"),
			read("/api/v1/openapi.json/swagger-config"),
			read("/api/v1/lieux/changements"),
			read("/api/v1/lieux/changements.atom"),
			read("/api/v1/lieux/changements.json"),
			read("/api/v1/lieux/export-producteur.csv"),
			read("/api/hsds/v3"),
			read("/api/hsds/v3/**"),
			read("/api/data-inclusion/v1/**"),
			// a computation on public data that writes nothing
			new Rule(Set.of(HttpMethod.POST), "/api/v1/couverture/suggestions", Who.EVERYONE),
			// orientations (issue 16): an account's own, the service decides which
			any("/api/v1/orientations/**", Who.ACCOUNT),
			// their figures (issue 16): coordinators of the territory and administrators, OrientationIndicators decides
			new Rule(READ, "/api/v1/indicateurs/orientations", Who.ACCOUNT),
			// attendance of a meeting (issue 18): coordinators of its territory, Attendance decides (404 elsewhere)
			new Rule(Set.of(HttpMethod.POST), "/api/v1/reunions/{id}/presences", Who.IMPORTER),
			// the indicators of the exchanges (issue 18): aggregates of structures, public (ADR 0026)
			read("/api/v1/indicateurs/echanges"),
			// anything else: the administrator
			any(API, Who.ADMINISTRATOR));
	// @formatter:on

	private ApiAccessRules() {
	}

	/**
	 * What a request asks of its caller, the path given as Spring MVC routes it (without
	 * the context path).
	 */
	static Who required(String method, String path) {
		return RULES.stream()
			.filter(rule -> rule.matches(method, path))
			.findFirst()
			.map(Rule::who)
			.orElse(Who.ADMINISTRATOR);
	}

	private static Rule read(String pattern) {
		return new Rule(READ, pattern, Who.EVERYONE);
	}

	private static Rule any(String pattern, Who who) {
		return new Rule(Set.of(), pattern, who);
	}

}
