package fr.maillage.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Real HTTP calls to the running test server, the way an API user would make them. */
public final class ApiClient {

	public static final String ADMIN_TOKEN = "test-admin-token";

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	private final String base;

	public ApiClient(int port) {
		this.base = "http://localhost:" + port;
	}

	public record Response(int status, String body, java.net.http.HttpHeaders headers) {

		public JsonNode json() {
			return JSON.readTree(body);
		}

	}

	public Response get(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
	}

	/** As a browser would ask, with its user agent. */
	public Response getWithUserAgent(String path, String userAgent) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).header("User-Agent", userAgent).GET().build());
	}

	/**
	 * A plain HTML form post without the page's CSRF token, as a forged request would
	 * send it (redirects are not followed).
	 */
	public Response postForm(String path, java.util.Map<String, String> fields) {
		return postForm(path, fields, null);
	}

	/**
	 * The form of a page posted as a browser does: the page is read first, its CSRF token
	 * (hidden field and cookie) sent back with the fields.
	 */
	public Response postFormFromPage(String pagePath, String path, java.util.Map<String, String> fields) {
		Response page = get(pagePath);
		java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
			.matcher(page.body());
		if (!token.find()) {
			throw new AssertionError("no CSRF token in " + pagePath);
		}
		String cookie = page.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter(value -> value.startsWith("XSRF-TOKEN="))
			.map(value -> value.substring(0, value.indexOf(';') < 0 ? value.length() : value.indexOf(';')))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no CSRF cookie from " + pagePath));
		java.util.Map<String, String> withToken = new java.util.LinkedHashMap<>(fields);
		withToken.put("_csrf", token.group(1));
		return postForm(path, withToken, cookie);
	}

	private Response postForm(String path, java.util.Map<String, String> fields, String cookie) {
		String body = fields.entrySet()
			.stream()
			.map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(java.util.stream.Collectors.joining("&"));
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (cookie != null) {
			request.header("Cookie", cookie);
		}
		return send(request.build());
	}

	public Response postJson(String path, String json) {
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build());
	}

	/** The id of the first lieu a search for that name finds. */
	public String findLieuId(String name) {
		return get("/api/v1/lieux?q=" + encode(name)).json().get("lieux").get(0).get("id").asString();
	}

	public Response postJsonAsAdmin(String path, String json) {
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + ADMIN_TOKEN)
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build());
	}

	public Response getAsAdmin(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Authorization", "Bearer " + ADMIN_TOKEN)
			.GET()
			.build());
	}

	public Response importFile(String source, String fileName, byte[] content) {
		return importFile(source, fileName, content, ADMIN_TOKEN);
	}

	public Response importFile(String source, String fileName, byte[] content, String token) {
		return postFile("/api/v1/imports", java.util.Map.of("source", source), fileName, content, token);
	}

	/**
	 * A multipart POST with form fields and a file in part {@code fichier}; no
	 * Authorization header when {@code token} is null.
	 */
	public Response postFile(String path, java.util.Map<String, String> fields, String fileName, byte[] content,
			String token) {
		String boundary = "----maillage" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		try {
			for (var field : fields.entrySet()) {
				body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
						+ "\"\r\n\r\n" + field.getValue() + "\r\n")
					.getBytes(StandardCharsets.UTF_8));
			}
			body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"fichier\"; filename=\"" + fileName
					+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8));
			body.write(content);
			body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return send(request.build());
	}

	public static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private Response send(HttpRequest request) {
		try {
			HttpResponse<String> response = http.send(request,
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Response(response.statusCode(), response.body(), response.headers());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

}
