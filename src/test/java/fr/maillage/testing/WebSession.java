package fr.maillage.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A browser without rendering: keeps its cookies (session, CSRF), does not follow
 * redirects, posts a page's form with that page's CSRF token.
 */
public final class WebSession {

	private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

	private final int port;

	public WebSession(int port) {
		this.port = port;
	}

	public HttpResponse<String> get(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	/** A binary resource (a PDF) as this browser gets it. */
	public HttpResponse<byte[]> getBytes(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
				HttpResponse.BodyHandlers.ofByteArray());
	}

	/** The CSRF token a page carries in its forms. */
	public String csrfToken(String page) throws Exception {
		String html = get(page).body();
		Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
		assertThat(token.find()).as("CSRF token in " + page + ": " + html).isTrue();
		return token.group(1);
	}

	/**
	 * The text and hidden fields of a page's forms as the browser would send them, with
	 * some changed.
	 */
	public static Map<String, String> formFields(String html, Map<String, String> changes) {
		Map<String, String> values = new LinkedHashMap<>();
		Matcher input = Pattern
			.compile("<input type=\"(?:text|hidden)\"\\s+(?:id=\"[^\"]*\"\\s+)?name=\"([^\"]+)\"\\s+value=\"([^\"]*)\"")
			.matcher(html);
		while (input.find()) {
			values.put(input.group(1), org.springframework.web.util.HtmlUtils.htmlUnescape(input.group(2)));
		}
		values.putAll(changes);
		return values;
	}

	/**
	 * Every control of a page's forms as a browser sends it: text, hidden and time
	 * inputs, text areas and the checked boxes (one pair per box), with some changed (a
	 * changed name replaces all its pairs; an empty list unchecks every box).
	 */
	public static java.util.List<Map.Entry<String, String>> browserFields(String html,
			Map<String, java.util.List<String>> changes) {
		java.util.List<Map.Entry<String, String>> fields = new java.util.ArrayList<>();
		Matcher control = Pattern
			.compile("<input type=\"(text|hidden|time|checkbox)\"([^>]*)>" + "|<textarea([^>]*)>([^<]*)</textarea>")
			.matcher(html);
		while (control.find()) {
			String attributes = control.group(2) != null ? control.group(2) : control.group(3);
			Matcher name = Pattern.compile("\\sname=\"([^\"]+)\"").matcher(attributes);
			if (!name.find() || changes.containsKey(name.group(1))) {
				continue;
			}
			String value;
			if (control.group(4) != null) {
				value = control.group(4).startsWith("\n") ? control.group(4).substring(1) : control.group(4);
			}
			else {
				if ("checkbox".equals(control.group(1)) && !attributes.contains(" checked")) {
					continue;
				}
				Matcher typed = Pattern.compile("\\svalue=\"([^\"]*)\"").matcher(attributes);
				value = typed.find() ? typed.group(1) : "";
			}
			fields.add(Map.entry(name.group(1), org.springframework.web.util.HtmlUtils.htmlUnescape(value)));
		}
		changes.forEach((name, values) -> values.forEach(value -> fields.add(Map.entry(name, value))));
		return fields;
	}

	/** Posts fields that may repeat a name (checkboxes). */
	public HttpResponse<String> post(String action, java.util.List<Map.Entry<String, String>> fields) throws Exception {
		String body = fields.stream()
			.map(field -> ApiClient.encode(field.getKey()) + "=" + ApiClient.encode(field.getValue()))
			.collect(Collectors.joining("&"));
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + action))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** Reads the page, then posts its form with the page's CSRF token. */
	public HttpResponse<String> submit(String page, String action, Map<String, String> fields) throws Exception {
		Map<String, String> all = new LinkedHashMap<>(fields);
		all.put("_csrf", csrfToken(page));
		return post(action, all);
	}

	public HttpResponse<String> post(String action, Map<String, String> fields) throws Exception {
		return post(action, java.util.List.copyOf(fields.entrySet()));
	}

	/**
	 * Any request, as this browser (its cookies); a write sends an empty body of the
	 * given type and the CSRF token as a browser script would (header).
	 */
	public HttpResponse<String> send(String method, String path, String contentType, String csrfToken)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
		if (method.equals("GET")) {
			request.GET();
		}
		else {
			request.header("Content-Type", contentType)
				.method(method, HttpRequest.BodyPublishers.ofString(emptyBody(contentType)));
			if (csrfToken != null) {
				request.header("X-XSRF-TOKEN", csrfToken);
			}
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** An empty body of that type: "{}", an empty multipart, an empty form. */
	public static String emptyBody(String contentType) {
		if (contentType.startsWith("multipart/")) {
			return "--" + MULTIPART_BOUNDARY + "--\r\n";
		}
		return contentType.startsWith("application/json") ? "{}" : "";
	}

	public static final String MULTIPART_BOUNDARY = "maillage-test";

	/** The last link e-mailed to that address (outbox), as a path. */
	public static String lastLink(JdbcClient jdbc, String email) {
		String body = jdbc
			.sql("select corps from courriel_sortant where destinataire = :to order by cree_le desc limit 1")
			.param("to", email.toLowerCase(java.util.Locale.ROOT))
			.query(String.class)
			.single();
		Matcher link = Pattern.compile("https?://[^/]+(/(invitation|reinitialisation)/\\S+)").matcher(body);
		assertThat(link.find()).as(body).isTrue();
		return link.group(1);
	}

	/**
	 * A session signed in with a new account of that role, invited through the API.
	 * @param role administrateur, coordinateur or membre
	 */
	public static WebSession signedIn(int port, JdbcClient jdbc, String role) throws Exception {
		return signedIn(port, jdbc, role, "departement:69");
	}

	/** As {@link #signedIn(int, JdbcClient, String)}, a coordinator of that territory. */
	public static WebSession signedIn(int port, JdbcClient jdbc, String role, String territory) throws Exception {
		// a member's scope is a structure, a coordinator's a territory
		boolean scoped = !role.equals("membre") || territory.startsWith("structure:");
		String email = newAccount(port, jdbc, "Test " + role, role,
				scoped ? new String[] { territory } : new String[0]);
		WebSession session = new WebSession(port);
		HttpResponse<String> signedIn = session.submit("/connexion", "/connexion",
				Map.of("courriel", email, "mot_de_passe", PASSWORD));
		assertThat(signedIn.headers().firstValue("Location"))
			.hasValueSatisfying(location -> assertThat(location).endsWith("/espace"));
		return session;
	}

	/** The password of the accounts {@link #newAccount} makes. */
	public static final String PASSWORD = "un mot de passe assez long";

	/**
	 * A new account invited through the API, its password ({@link #PASSWORD}) chosen from
	 * the e-mailed link, as a person does.
	 * @param role administrateur, coordinateur or membre
	 * @param scopes « departement:16 », « epci:… », « structure:… »
	 * @return its address
	 */
	public static String newAccount(int port, JdbcClient jdbc, String name, String role, String... scopes)
			throws Exception {
		String email = role + "-" + System.nanoTime() + "@exemple.fr";
		String territories = java.util.Arrays.stream(scopes)
			.map(scope -> "\"" + scope + "\"")
			.collect(Collectors.joining(", "));
		ApiClient.Response invited = new ApiClient(port).postJsonAsAdmin("/api/v1/comptes", "{\"courriel\": \"" + email
				+ "\", \"nom\": \"" + name + "\", \"role\": \"" + role + "\", \"territoires\": [" + territories + "]}");
		assertThat(invited.status()).as(invited.body()).isEqualTo(201);
		String link = lastLink(jdbc, email);
		new WebSession(port).submit(link, link, Map.of("mot_de_passe", PASSWORD, "confirmation", PASSWORD));
		return email;
	}

}
