package fr.maillage.shared.web;

import java.io.IOException;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;

/**
 * Errors the DispatcherServlet meets before any controller is involved, answered through
 * {@link ErrorPages} like the others.
 * <ul>
 * <li>A POST (or PUT, DELETE…) to an address no controller maps falls to the static
 * files' handler, mapped to every path, which answers "405, GET only": for the user there
 * is simply nothing at that address, so 404.</li>
 * <li>A multipart body that cannot be parsed (truncated, no boundary, too large) fails
 * before a handler is chosen, where no advice applies: Spring would let it escape as a
 * servlet error logged with its stack trace; it is the client's mistake, a 400 (or
 * 413).</li>
 * </ul>
 */
@Component
class EarlyErrors implements HandlerExceptionResolver, Ordered {

	@Override
	public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
			@Nullable Object handler, Exception exception) {
		if (exception instanceof HttpRequestMethodNotSupportedException
				&& handler instanceof ResourceHttpRequestHandler) {
			return answer(request, response, ErrorDescriptions.ofStatus(HttpServletResponse.SC_NOT_FOUND));
		}
		if (exception instanceof MultipartException && handler == null) {
			// tells the error dispatch not to parse the body again (DispatcherServlet
			// checks this attribute), which would fail the same way
			request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, exception);
			return answer(request, response, ErrorDescriptions.describe(exception, HttpServletResponse.SC_BAD_REQUEST));
		}
		return null;
	}

	private static @Nullable ModelAndView answer(HttpServletRequest request, HttpServletResponse response,
			ErrorDescriptions.Description description) {
		request.setAttribute(ErrorPages.DESCRIPTION, description);
		try {
			response.sendError(description.status().value());
		}
		catch (IOException e) {
			return null;
		}
		return new ModelAndView();
	}

	@Override
	public int getOrder() {
		// after Boot's DefaultErrorAttributes, which only records the exception
		return Ordered.HIGHEST_PRECEDENCE + 1;
	}

}
