package fr.maillage.accounts.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.maillage.testing.ApiClient;
import fr.maillage.testing.CleanDatabase;
import fr.maillage.testing.IntegrationTest;
import fr.maillage.testing.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every route × every kind of caller (issue 6): the table below declares who may use each
 * route; the test fails on a route missing from it (no route left out) and on any route
 * that lets in someone it should not, or keeps out someone it should let in — as a
 * stranger, a member, a coordinator and an administrator (sessions), and with the
 * administrator's token.
 */
@IntegrationTest
class AccessMatrixIT {

	/** Who may use a route. */
	enum Access {

		/** Anyone, without account. */
		PUBLIC,

		/** Any signed-in account (session). */
		SIGNED_IN,

		/** A coordinator's or an administrator's session, not a structure's member. */
		COORDINATING,

		/** An administrator's session only (a person's data: PersonDataRequestsIT). */
		ADMINISTRATING,

		/** The administrator's bearer token (API). */
		ADMIN_TOKEN,

		/**
		 * Any account's personal token (API), the bootstrap token too; then the service
		 * decides per item (OrientationApiIT).
		 */
		ACCOUNT_TOKEN

	}

	// @formatter:off
	private static final Map<String, Access> ROUTES = new LinkedHashMap<>();
	static {
		for (String publicPage : List.of("GET /", "GET /carte", "GET /integrer", "GET /lieux/{id}", "GET /suggestions",
				"GET /territoires", "GET /territoires/comparer", "GET /territoires/{code}", "GET /connexion",
				"GET /mot-de-passe-oublie", "GET /invitation/{jeton}", "GET /reinitialisation/{jeton}",
				// forms of the public (CSRF token required, see ErrorReportIT and AccountsIT)
				"POST /lieux/{id}/signalements", "POST /lieux/{id}/envoyer", "POST /mot-de-passe-oublie", "POST /invitation/{jeton}",
				"POST /reinitialisation/{jeton}", "GET /rappels/desinscription/{jeton}",
				"POST /rappels/desinscription/{jeton}",
				// public as its JSON form /api/v1/lieux/{id}/provenance (DuplicateReviewPagesIT)
				"GET /lieux/{id}/provenance",
				// the actors directory: referents' details only with their consent (ActorsIT)
				"GET /acteurs",
				// issue 18: a territory's governance, charter (structures, no person) and resources
				"GET /territoires/{code}/gouvernance", "GET /territoires/{code}/charte", "GET /ressources",
				// paper of issue 17 (PrintablesIT): public, like the pages they print
				"GET /lieux/{id}/affiche.pdf", "GET /territoires/{code}/annuaire", "GET /territoires/{code}/annuaire.pdf",
				"GET /orientation")) {
			ROUTES.put(publicPage, Access.PUBLIC);
		}
		ROUTES.put("GET /espace", Access.SIGNED_IN);
		ROUTES.put("POST /espace/jetons", Access.SIGNED_IN);
		ROUTES.put("POST /espace/mot-de-passe", Access.SIGNED_IN);
		// signed in, then EditingPolicy decides per lieu (PlaceEditIT)
		ROUTES.put("GET /espace/lieux/{id}/modifier", Access.SIGNED_IN);
		ROUTES.put("GET /espace/fraicheur", Access.SIGNED_IN);
		ROUTES.put("GET /espace/lieux", Access.SIGNED_IN);
		ROUTES.put("POST /espace/lieux/{id}/structure", Access.SIGNED_IN);
		ROUTES.put("POST /espace/lieux/{id}/membres", Access.SIGNED_IN);
		ROUTES.put("GET /espace/lieux/{id}/historique", Access.SIGNED_IN);
		ROUTES.put("GET /espace/moderation", Access.SIGNED_IN);
		ROUTES.put("POST /espace/propositions/{id}/decision", Access.SIGNED_IN);
		ROUTES.put("POST /espace/signalements/{id}/decision", Access.SIGNED_IN);
		ROUTES.put("POST /espace/lieux/{id}/confirmation", Access.SIGNED_IN);
		ROUTES.put("GET /api/v1/indicateurs/fraicheur", Access.PUBLIC);
		ROUTES.put("POST /espace/lieux/{id}/modifier", Access.SIGNED_IN);
		// the confirmation after an edit: EditingPolicy again (PlaceEditFormIT)
		ROUTES.put("GET /espace/lieux/{id}/modifie", Access.SIGNED_IN);
		ROUTES.put("POST /espace/jetons/{id}/revocation", Access.SIGNED_IN);
		// signed in, then the pair's territory decides (DuplicateReviewPagesIT)
		ROUTES.put("GET /espace/doublons", Access.SIGNED_IN);
		ROUTES.put("GET /espace/doublons/{id}", Access.SIGNED_IN);
		ROUTES.put("POST /espace/doublons/{id}/decision", Access.SIGNED_IN);
		// coordinators, then the actor's territory decides (ActorsIT)
		ROUTES.put("GET /espace/acteurs", Access.COORDINATING);
		ROUTES.put("POST /espace/acteurs", Access.COORDINATING);
		ROUTES.put("POST /espace/acteurs/import", Access.COORDINATING);
		// issue 18, referents' data: the file (read logged), a consent's withdrawal, the export (ActorsIT)
		ROUTES.put("GET /espace/acteurs/{id}", Access.COORDINATING);
		ROUTES.put("POST /espace/acteurs/{id}/consentements/{objet}/retrait", Access.COORDINATING);
		ROUTES.put("GET /espace/acteurs/export.csv", Access.COORDINATING);
		ROUTES.put("POST /espace/acteurs/depuis-lieux", Access.COORDINATING);
		// issue 18, meetings: coordinators, then the meeting's territory decides, 404 for others (MeetingsIT)
		for (String meetingPage : List.of("GET /espace/reunions", "GET /espace/reunions/nouvelle", "POST /espace/reunions",
				"GET /espace/reunions/{id}", "GET /espace/reunions/{id}/modifier", "POST /espace/reunions/{id}/modifier",
				"POST /espace/reunions/{id}/annulation", "POST /espace/reunions/{id}/invitations")) {
			ROUTES.put(meetingPage, Access.COORDINATING);
		}
		// a meeting's public page and registration (404 unless it takes registrations), the territory's calendar
		for (String meetingPublic : List.of("GET /reunions/{id}", "POST /reunions/{id}/inscription",
				"GET /territoires/{code}/reunions.ics", "GET /api/v1/reunions")) {
			ROUTES.put(meetingPublic, Access.PUBLIC);
		}
		ROUTES.put("POST /api/v1/reunions", Access.ADMIN_TOKEN);
		// issue 18, item 7: the coordination's mailing lists and announcements, then the list's territory decides,
		// 404 for others (MailingIT); the unsubscribe link works without an account (unknown link: 404)
		for (String mailingPage : List.of("GET /espace/diffusion", "POST /espace/diffusion/listes",
				"GET /espace/diffusion/listes/{id}", "POST /espace/diffusion/listes/{id}",
				"POST /espace/diffusion/listes/{id}/apercu", "POST /espace/diffusion/listes/{id}/annonces",
				"GET /espace/diffusion/annonces/{id}")) {
			ROUTES.put(mailingPage, Access.COORDINATING);
		}
		ROUTES.put("GET /diffusion/desinscription/{jeton}", Access.PUBLIC);
		ROUTES.put("POST /diffusion/desinscription/{jeton}", Access.PUBLIC);
		// a member's own structure: signed in, then the links actor ↔ lieux decide, 404 for others (ActorsIT)
		ROUTES.put("GET /espace/ma-structure", Access.SIGNED_IN);
		ROUTES.put("POST /espace/ma-structure/{id}", Access.SIGNED_IN);
		// issue 18, governance bodies: coordinators, then the body's territory decides, 404 for others (GovernanceIT)
		for (String bodyPage : List.of("GET /espace/instances", "POST /espace/instances", "GET /espace/instances/{id}",
				"POST /espace/instances/{id}", "POST /espace/instances/{id}/membres",
				"POST /espace/instances/{id}/suppression")) {
			ROUTES.put(bodyPage, Access.COORDINATING);
		}
		// issue 18, the charter: its département's coordination publishes and records paper signatures, a member
		// signs for its own structure, 404 for another (CharterIT); resources: coordinators their territories',
		// members their structure's, 404 for others (ResourcesIT)
		for (String charterPage : List.of("GET /espace/charte", "POST /espace/charte/{code}/versions",
				"POST /espace/charte/{code}/signatures")) {
			ROUTES.put(charterPage, Access.COORDINATING);
		}
		for (String ownPage : List.of("GET /espace/ma-structure/charte", "POST /espace/ma-structure/charte/{id}",
				"GET /espace/ressources", "POST /espace/ressources", "GET /espace/ressources/{id}",
				"POST /espace/ressources/{id}", "POST /espace/ressources/{id}/suppression")) {
			ROUTES.put(ownPage, Access.SIGNED_IN);
		}
		// orientations (issue 16): signed in, then Orientations decides per orientation, 404 for others
		// (OrientationsIT); the information notice is public
		ROUTES.put("GET /orientations/notice", Access.PUBLIC);
		for (String orientationPage : List.of("GET /espace/orientations/nouvelle", "POST /espace/orientations",
				"GET /espace/orientations", "GET /espace/orientations/recues", "GET /espace/orientations/{id}",
				"POST /espace/orientations/{id}/statut", "POST /espace/orientations/{id}/consentement/retrait")) {
			ROUTES.put(orientationPage, Access.SIGNED_IN);
		}
		// issue 16, rest: the public account request and the signed link of a lieu with nobody attached
		// (AccountRequestsIT, OrientationLinksIT; an unknown link is 404), the coordinators' decisions
		// (members 403, other territories 404), the link's renewal (Orientations decides, 404 for others),
		// a person's data for administrators
		for (String publicForm : List.of("GET /demande-de-compte", "POST /demande-de-compte",
				"GET /orientations/lien/{jeton}", "POST /orientations/lien/{jeton}/statut")) {
			ROUTES.put(publicForm, Access.PUBLIC);
		}
		for (String decision : List.of("GET /espace/demandes-de-compte", "POST /espace/demandes-de-compte/{id}/acceptation",
				"POST /espace/demandes-de-compte/{id}/refus")) {
			ROUTES.put(decision, Access.COORDINATING);
		}
		ROUTES.put("POST /espace/orientations/{id}/lien", Access.SIGNED_IN);
		for (String personData : List.of("GET /espace/donnees-personnelles", "POST /espace/donnees-personnelles/export",
				"POST /espace/donnees-personnelles/effacement")) {
			ROUTES.put(personData, Access.ADMINISTRATING);
		}
		for (String orientationApi : List.of("POST /api/v1/orientations", "GET /api/v1/orientations",
				"GET /api/v1/orientations/{id}", "POST /api/v1/orientations/{id}/statut",
				"POST /api/v1/orientations/{id}/consentement/retrait", "GET /api/v1/orientations/{id}/journal")) {
			ROUTES.put(orientationApi, Access.ACCOUNT_TOKEN);
		}
		// issue 16, items 2 and 3: the repérage and the liaison sheet (ScreeningIT, LiaisonSheetIT), the territory's
		// figures for its coordinators (OrientationIndicatorsIT)
		for (String screeningPage : List.of("GET /espace/orientations/reperage", "POST /espace/orientations/reperage",
				"GET /espace/orientations/{id}/fiche-liaison.pdf")) {
			ROUTES.put(screeningPage, Access.SIGNED_IN);
		}
		ROUTES.put("GET /territoires/{code}/orientations", Access.COORDINATING);
		// issue 18, items 5 and 6: a meeting's attendance, sign-in sheet, minutes, files and actions for the
		// coordinators of its territory (members 403, other territories 404: AttendanceIT); a file of the minutes
		// for anyone once public (404 otherwise); the indicators of the exchanges, public aggregates (ADR 0026)
		for (String meetingPage : List.of("GET /espace/echanges", "GET /espace/reunions/{id}/presences",
				"POST /espace/reunions/{id}/presences/{participant}", "POST /espace/reunions/{id}/presences/sur-place",
				"GET /reunions/{id}/emargement.pdf", "GET /espace/reunions/{id}/compte-rendu",
				"POST /espace/reunions/{id}/compte-rendu", "POST /espace/reunions/{id}/fichiers",
				"POST /espace/reunions/{id}/fichiers/{fichier}/public", "POST /espace/reunions/{id}/actions",
				"POST /espace/reunions/{id}/actions/{action}/statut")) {
			ROUTES.put(meetingPage, Access.COORDINATING);
		}
		ROUTES.put("GET /reunions/{id}/fichiers/{fichier}", Access.PUBLIC);
		ROUTES.put("GET /territoires/{code}/echanges", Access.PUBLIC);
		ROUTES.put("GET /api/v1/indicateurs/echanges", Access.PUBLIC);
		ROUTES.put("POST /api/v1/reunions/{id}/presences", Access.ADMIN_TOKEN);
		ROUTES.put("GET /api/v1/indicateurs/orientations", Access.ACCOUNT_TOKEN);
		for (String publicApi : List.of("GET /api/v1/lieux", "GET /api/v1/lieux/{id}",
				"GET /api/v1/lieux/{id}/consultations", "GET /api/v1/lieux/{id}/provenance",
				"GET /api/v1/lieux/export.csv", "GET /api/v1/lieux/export.json", "GET /api/v1/lieux/export.geojson",
				"GET /api/v1/consultations", "GET /api/v1/sources", "GET /api/v1/territoires/recherche",
				"GET /api/v1/territoires/regions/{code}", "GET /api/v1/territoires/departements/{code}",
				"GET /api/v1/territoires/epci/{siren}", "GET /api/v1/territoires/communes/{codeInsee}",
				"GET /api/v1/territoires/departements.geojson",
				"GET /api/v1/territoires/departements/{code}/communes.geojson",
				"GET /api/v1/territoires/epci/{siren}/communes.geojson",
				"GET /api/v1/territoires/communes/{codeInsee}.geojson",
				"GET /api/v1/fragilite/{niveau:commune|epci|departement|region}/{code}",
				"GET /api/v1/fragilite/departements/{code}/communes",
				"GET /api/v1/fragilite/departements/{code}/communes.csv",
				"GET /api/v1/couverture/departements/{code}", "GET /api/v1/couverture/departements/{code}.csv",
				"GET /api/v1/couverture/epci/{siren}",
				// the EPCI's communes as CSV (issue 17, part 6: TerritoryPageIT)
				"GET /api/v1/couverture/epci/{siren}.csv",
				// a computation on public data that writes nothing
				"POST /api/v1/couverture/suggestions", "GET /api/v1/acteurs",
				// issue 18: bodies and resources of a territory (GovernanceIT, ResourcesIT)
				"GET /api/v1/instances", "GET /api/v1/ressources")) {
			ROUTES.put(publicApi, Access.PUBLIC);
		}
		for (String adminApi : List.of("POST /api/v1/imports", "GET /api/v1/imports/{importId}",
				"GET /api/v1/imports/{importId}/rejets.csv", "GET /api/v1/imports/{importId}/avertissements.csv",
				"GET /api/v1/signalements", "POST /api/v1/sources/{nom}/executions",
				"GET /api/v1/sources/{nom}/executions", "GET /api/v1/sources/{nom}/executions/{id}",
				"GET /api/v1/doublons", "POST /api/v1/doublons", "POST /api/v1/doublons/{id}/decision",
				"POST /api/v1/fragilite/imports", "POST /api/v1/comptes",
				// a coordinator's token too, in its territories (ActorsIT)
				"POST /api/v1/acteurs")) {
			ROUTES.put(adminApi, Access.ADMIN_TOKEN);
		}
		// issue 19: the API's description and its page, the changes feed, HSDS 3.0
		for (String ecosystem : List.of("GET /api/v1/openapi.json", "GET /api/v1/openapi.json.yaml",
				"GET /api/v1/openapi.json/swagger-config", "GET /documentation-api", "GET /api/v1/lieux/changements",
				"GET /api/v1/lieux/changements.atom", "GET /api/v1/lieux/changements.json", "GET /api/hsds/v3",
				"GET /api/hsds/v3/services", "GET /api/hsds/v3/services/{id}", "GET /api/hsds/v3/locations",
				"GET /api/hsds/v3/locations/{id}", "GET /api/hsds/v3/service_at_locations",
				"GET /api/hsds/v3/service_at_locations/{id}", "GET /api/hsds/v3/organizations",
				"GET /api/hsds/v3/organizations/{id}", "GET /api/hsds/v3/datapackage.zip",
				"GET /api/v1/lieux/export-producteur.csv", "GET /api/data-inclusion/v1/structures",
				"GET /api/data-inclusion/v1/services", "GET /api/data-inclusion/v1/structures.json",
				"GET /api/data-inclusion/v1/services.json")) {
			ROUTES.put(ecosystem, Access.PUBLIC);
		}
	}
	// @formatter:on

	private static final Map<String, String> SAMPLES = Map.of("id", "00000000-0000-0000-0000-000000000000", "code",
			"69", "siren", "200046977", "codeInsee", "69123", "importId", "00000000-0000-0000-0000-000000000000", "nom",
			"france-services", "jeton", "inconnu", "niveau", "departement");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	private List<String> listRoutes() {
		List<String> routes = new ArrayList<>();
		mappings.getHandlerMethods().forEach((info, method) -> {
			if (info.getPathPatternsCondition() == null) {
				return;
			}
			for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
				if (pattern.equals("/error")) {
					continue;
				}
				info.getMethodsCondition().getMethods().forEach(verb -> routes.add(verb.name() + " " + pattern));
			}
		});
		return routes;
	}

	@Test
	void everyRouteDeclaresWhoMayUseIt() {
		assertThat(new TreeSet<>(listRoutes())).as("routes missing from the table, or no longer existing")
			.isEqualTo(new TreeSet<>(ROUTES.keySet()));
	}

	@Test
	void everyRouteLetsInExactlyWhoItShould() throws Exception {
		CleanDatabase.empty(jdbc);
		WebSession member = WebSession.signedIn(port, jdbc, "membre");
		WebSession administrator = WebSession.signedIn(port, jdbc, "administrateur");
		WebSession coordinator = WebSession.signedIn(port, jdbc, "coordinateur");
		WebSession stranger = new WebSession(port);
		String memberToken = member.csrfToken("/espace");
		String administratorToken = administrator.csrfToken("/espace");
		String coordinatorToken = coordinator.csrfToken("/espace");
		String strangerToken = stranger.csrfToken("/connexion");
		HttpClient http = HttpClient.newHttpClient();
		List<String> wrong = new ArrayList<>();
		for (Map.Entry<String, Access> route : ROUTES.entrySet()) {
			String method = route.getKey().split(" ")[0];
			String path = sample(route.getKey().split(" ")[1]);
			String type = contentType(path);
			boolean strangerIn = passes(stranger.send(method, path, type, strangerToken));
			boolean memberIn = passes(member.send(method, path, type, memberToken));
			boolean administratorIn = passes(administrator.send(method, path, type, administratorToken));
			boolean coordinatorIn = passes(coordinator.send(method, path, type, coordinatorToken));
			HttpRequest.Builder withToken = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Authorization", "Bearer " + ApiClient.ADMIN_TOKEN)
				.header("Content-Type", type);
			boolean tokenIn = passes(http.send(method.equals("GET") ? withToken.GET().build()
					: withToken.method(method, HttpRequest.BodyPublishers.ofString(WebSession.emptyBody(type))).build(),
					HttpResponse.BodyHandlers.ofString()));
			boolean[] expected = switch (route.getValue()) {
				case PUBLIC -> new boolean[] { true, true, true, true };
				case SIGNED_IN -> new boolean[] { false, true, true, true };
				case COORDINATING -> new boolean[] { false, false, true, true };
				case ADMINISTRATING -> new boolean[] { false, false, true, false };
				// sessions do not open the API: scripts use tokens
				case ADMIN_TOKEN, ACCOUNT_TOKEN -> new boolean[] { false, false, false, false };
			};
			boolean[] actual = { strangerIn, memberIn, administratorIn, coordinatorIn };
			// on the API, the administrator's token passes every gate
			if (!java.util.Arrays.equals(expected, actual) || (path.startsWith("/api/") && !tokenIn)) {
				wrong.add(route.getKey() + " (" + route.getValue() + "): stranger " + strangerIn + ", membre "
						+ memberIn + ", administrateur " + administratorIn + ", coordinateur " + coordinatorIn
						+ ", admin token " + tokenIn);
			}
		}
		assertThat(wrong).isEmpty();
	}

	/**
	 * Issue 14: the access rule sees the path as the router does. Every protected route,
	 * spelled every other way a client can write it (percent-encoded letters, doubled and
	 * trailing slashes, {@code ;parameters}, dot segments, encoded separators, upper
	 * case), is refused to a stranger (400 firewall, 401, 403, 404, 405, or sent to sign
	 * in): never answered with data.
	 */
	@Test
	void noSpellingOfAProtectedRouteLetsAStrangerIn() throws Exception {
		CleanDatabase.empty(jdbc);
		List<String> wrong = new ArrayList<>();
		int tried = 0;
		for (Map.Entry<String, Access> route : ROUTES.entrySet()) {
			if (route.getValue() == Access.PUBLIC) {
				continue;
			}
			String method = route.getKey().split(" ")[0];
			String path = sample(route.getKey().split(" ")[1]);
			String type = contentType(path);
			for (String spelling : spellings(path)) {
				RawHttp.Response response = RawHttp.send(port, method, spelling, Map.of("Content-Type", type),
						WebSession.emptyBody(type));
				tried++;
				boolean toSignIn = response.status() == 302
						&& response.header("Location").orElse("").endsWith("/connexion");
				if (response.status() < 400 && !toSignIn) {
					wrong.add(method + " " + spelling + " → " + response.status() + " "
							+ response.body().substring(0, Math.min(120, response.body().length())));
				}
			}
		}
		assertThat(tried).isGreaterThan(ROUTES.size() * 10);
		assertThat(wrong).isEmpty();
	}

	/**
	 * A spelling the router understands gets the same rule as the route: the
	 * administrator's token still opens an encoded spelling, and a public route stays
	 * public.
	 */
	@Test
	void anEncodedSpellingGetsTheRuleOfItsRoute() throws Exception {
		CleanDatabase.empty(jdbc);
		Map<String, String> admin = Map.of("Authorization", "Bearer " + ApiClient.ADMIN_TOKEN);
		assertThat(RawHttp.send(port, "GET", "/api/v1/%73ignalements", admin, "").status()).isEqualTo(200);
		assertThat(RawHttp.send(port, "GET", "/%61pi/v1/doublons", admin, "").status()).isEqualTo(200);
		assertThat(RawHttp.get(port, "/api/v1/%73ignalements").status()).isEqualTo(401);
		assertThat(RawHttp.get(port, "/api/v1/%6Cieux").status()).isEqualTo(200);
		// the router is case-sensitive: no such route, whoever asks
		assertThat(RawHttp.send(port, "GET", "/API/v1/signalements", admin, "").status()).isEqualTo(404);
		// spellings the router would read differently from the rule are refused by the
		// strict firewall, token or not
		for (String refused : List.of("/api/v1/signalements;x=1", "/api;x=1/v1/signalements",
				"/api/v1/lieux/../signalements", "/api/v1/./signalements", "/api/v1/lieux/%2e%2e/signalements",
				"//api/v1/signalements", "/api//v1/signalements", "/api/v1%2Fsignalements",
				"/api/v1/%5Csignalements")) {
			assertThat(RawHttp.send(port, "GET", refused, admin, "").status()).as(refused).isEqualTo(400);
			assertThat(RawHttp.get(port, refused).status()).as(refused).isEqualTo(400);
		}
		// a route the table does not know is the administrator's: closed to the others
		assertThat(RawHttp.get(port, "/api/v1/signalements/").status()).isEqualTo(401);
		assertThat(RawHttp.get(port, "/api/V1/signalements").status()).isEqualTo(401);
	}

	/** Other spellings of a path, as a client may send them. */
	static List<String> spellings(String path) {
		List<String> segments = List.of(path.substring(1).split("/"));
		List<String> spellings = new ArrayList<>();
		StringBuilder allEncoded = new StringBuilder();
		for (int i = 0; i < segments.size(); i++) {
			String segment = segments.get(i);
			String encoded = String.format("%%%02x", (int) segment.charAt(0)) + segment.substring(1);
			String encodedUpper = String.format("%%%02X", (int) segment.charAt(0)) + segment.substring(1);
			allEncoded.append('/').append(encoded);
			spellings.add(replaceSegment(segments, i, encoded));
			spellings.add(replaceSegment(segments, i, encodedUpper));
			spellings.add(replaceSegment(segments, i, segment.toUpperCase(java.util.Locale.ROOT)));
			spellings.add(replaceSegment(segments, i, segment + ";x=1"));
			spellings.add(replaceSegment(segments, i, segment + ";jsessionid=0"));
			spellings.add(replaceSegment(segments, i, "/" + segment));
			spellings.add(replaceSegment(segments, i, "./" + segment));
			spellings.add(replaceSegment(segments, i, "%2e/" + segment));
			spellings.add(replaceSegment(segments, i, "x/../" + segment));
			spellings.add(replaceSegment(segments, i, "x/%2e%2e/" + segment));
			spellings.add(replaceSegment(segments, i, "x%2F..%2F" + segment));
			spellings.add(replaceSegment(segments, i, "%2F" + segment));
			spellings.add(replaceSegment(segments, i, "%5C" + segment));
			spellings.add(replaceSegment(segments, i, segment + "%00"));
			spellings.add(replaceSegment(segments, i, segment + "%20"));
		}
		spellings.add(allEncoded.toString());
		spellings.add(path + "/");
		spellings.add(path + "//");
		spellings.add(path + "/.");
		spellings.add(path + ";");
		spellings.add(path.toUpperCase(java.util.Locale.ROOT));
		spellings.add("/" + path);
		spellings.add("/%2F" + path.substring(1));
		spellings.add(path.replace("/", "%2F"));
		return spellings;
	}

	private static String replaceSegment(List<String> segments, int index, String replacement) {
		List<String> copy = new ArrayList<>(segments);
		copy.set(index, replacement);
		return "/" + String.join("/", copy);
	}

	/** What each write accepts, so that the request reaches the access check. */
	private static String contentType(String path) {
		if (path.endsWith("/imports") || path.endsWith("/executions")) {
			return "multipart/form-data; boundary=" + WebSession.MULTIPART_BOUNDARY;
		}
		return path.startsWith("/api/") ? "application/json" : "application/x-www-form-urlencoded";
	}

	/** Past the gate: neither refused (401, 403) nor sent to sign in. */
	private static boolean passes(HttpResponse<String> response) {
		if (response.statusCode() == 401 || response.statusCode() == 403) {
			return false;
		}
		return !(response.statusCode() == 302
				&& response.headers().firstValue("Location").orElse("").endsWith("/connexion"));
	}

	private static String sample(String pattern) {
		Matcher variable = Pattern.compile("\\{(\\w+)(:[^}]*)?}").matcher(pattern);
		StringBuilder path = new StringBuilder();
		while (variable.find()) {
			variable.appendReplacement(path, SAMPLES.getOrDefault(variable.group(1), "x"));
		}
		variable.appendTail(path);
		return path.toString();
	}

}
