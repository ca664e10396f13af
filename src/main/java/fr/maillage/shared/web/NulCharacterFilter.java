package fr.maillage.shared.web;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, with a 400 and a French message, a request parameter (query string or HTML
 * form) holding U+0000 ({@code ?q=%00}): PostgreSQL stores no such character in text, so
 * every search, filter or form field would otherwise end in a database error. JSON bodies
 * are checked when read ({@link JsonInputConfiguration}), imported files when decoded.
 * Multipart bodies are left to their handlers: reading their parameters here would parse
 * (and size-check) the upload before Spring does.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class NulCharacterFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (holdsNul(request)) {
			request.setAttribute(ErrorPages.DESCRIPTION, ErrorDescriptions.nulCharacter());
			response.sendError(HttpServletResponse.SC_BAD_REQUEST);
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean holdsNul(HttpServletRequest request) {
		String query = request.getQueryString();
		if (query != null && query.contains("%00")) {
			return true;
		}
		String type = request.getContentType();
		if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith(MediaType.MULTIPART_FORM_DATA_VALUE)) {
			return false;
		}
		for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
			if (parameter.getKey().indexOf('\0') >= 0) {
				return true;
			}
			for (String value : parameter.getValue()) {
				if (value != null && value.indexOf('\0') >= 0) {
					return true;
				}
			}
		}
		return false;
	}

}
