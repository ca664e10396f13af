package fr.maillage.accounts.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP/1.1 over a socket, byte for byte: the request target and the {@code Host} header
 * reach the server exactly as written, which {@link java.net.http.HttpClient} does not
 * allow (it normalises some paths and refuses to set {@code Host}).
 */
final class RawHttp {

	/** A response: status, headers (names in lower case, every value), body. */
	record Response(int status, Map<String, List<String>> headers, String body) {

		Optional<String> header(String name) {
			List<String> values = headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
			return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
		}

	}

	private RawHttp() {
	}

	static Response send(int port, String method, String target, Map<String, String> headers, String body)
			throws IOException {
		byte[] content = body.getBytes(StandardCharsets.UTF_8);
		StringBuilder request = new StringBuilder(method + " " + target + " HTTP/1.1\r\n");
		Map<String, String> all = new LinkedHashMap<>();
		all.put("Host", "localhost:" + port);
		all.putAll(headers);
		all.put("Connection", "close");
		if (!method.equals("GET") && !method.equals("HEAD")) {
			all.put("Content-Length", String.valueOf(content.length));
		}
		all.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
		request.append("\r\n");
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
			out.write(content);
			out.flush();
			return parse(socket.getInputStream());
		}
	}

	static Response get(int port, String target) throws IOException {
		return send(port, "GET", target, Map.of(), "");
	}

	private static Response parse(InputStream in) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		in.transferTo(bytes);
		String raw = bytes.toString(StandardCharsets.UTF_8);
		int end = raw.indexOf("\r\n\r\n");
		String head = end < 0 ? raw : raw.substring(0, end);
		String body = end < 0 ? "" : raw.substring(end + 4);
		String[] lines = head.split("\r\n");
		int status = Integer.parseInt(lines[0].split(" ")[1]);
		Map<String, List<String>> headers = new LinkedHashMap<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			if (colon > 0) {
				headers
					.computeIfAbsent(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
							name -> new ArrayList<>())
					.add(lines[i].substring(colon + 1).strip());
			}
		}
		return new Response(status, headers, body);
	}

}
