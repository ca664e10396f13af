package fr.maillage.shared.web;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * JSON bodies are read in UTF-8 only (RFC 8259 § 8.1). Jackson would otherwise guess
 * UTF-16 or UTF-32 from the first bytes, and a declared {@code charset=utf-16} would be
 * decoded as such: both are refused with a French message rather than half-understood.
 */
@ControllerAdvice
class Utf8JsonBodies extends RequestBodyAdviceAdapter {

	static final String MESSAGE = "L'encodage du corps de la requête n'est pas pris en charge (UTF-16 ou UTF-32) : "
			+ "envoyez le JSON en UTF-8.";

	@Override
	public boolean supports(MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public HttpInputMessage beforeBodyRead(HttpInputMessage message, MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
		MediaType type = message.getHeaders().getContentType();
		if (type == null
				|| !type.isCompatibleWith(MediaType.APPLICATION_JSON) && !type.getSubtype().endsWith("+json")) {
			return message;
		}
		Charset declared = type.getCharset();
		if (declared != null && !declared.equals(StandardCharsets.UTF_8)
				&& !declared.equals(StandardCharsets.US_ASCII)) {
			throw unsupported();
		}
		BufferedInputStream body = new BufferedInputStream(message.getBody());
		body.mark(4);
		byte[] head = body.readNBytes(4);
		body.reset();
		if (isWideEncoding(head)) {
			throw unsupported();
		}
		return new HttpInputMessage() {

			@Override
			public InputStream getBody() {
				return body;
			}

			@Override
			public HttpHeaders getHeaders() {
				return message.getHeaders();
			}

		};
	}

	/**
	 * A byte order mark of UTF-16 or UTF-32, or zero bytes where UTF-16 and UTF-32 put
	 * them around the first ASCII characters (JSON begins with one).
	 */
	static boolean isWideEncoding(byte[] head) {
		if (head.length < 2) {
			return false;
		}
		int first = head[0] & 0xFF;
		int second = head[1] & 0xFF;
		if (first == 0xFE && second == 0xFF || first == 0xFF && second == 0xFE) {
			return true;
		}
		if (head.length < 4) {
			return first == 0 || second == 0;
		}
		return first == 0 && head[2] == 0 || second == 0 && head[3] == 0;
	}

	private static BadRequestException unsupported() {
		return new BadRequestException("encodage_non_pris_en_charge", MESSAGE);
	}

}
