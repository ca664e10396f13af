package fr.maillage.shared.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.ModelAndView;

/**
 * Every error that reaches the servlet container's error dispatch: raised outside a
 * controller (security filters, CSRF, no route, a method or content type a route does not
 * take, an oversized or malformed request), or not handled by an advice. Under
 * {@code /api/} the answer is the API's {@link ApiError} JSON; elsewhere a French page —
 * never Spring Boot's English "Whitelabel" page, and never an exception's own message
 * unless the application wrote it (see {@link ErrorDescriptions}).
 */
@Controller
@RequestMapping("${server.error.path:/error}")
class ErrorPages implements ErrorController {

	/**
	 * A request attribute holding a {@link ErrorDescriptions.Description} decided before
	 * the error dispatch (a refused request parameter, an unknown route), taken as is.
	 */
	static final String DESCRIPTION = ErrorPages.class.getName() + ".description";

	private static final Map<Integer, String> TITLES = Map.of(400, "Demande à corriger", 403, "Accès refusé", 404,
			"Page introuvable", 405, "Action non disponible", 413, "Envoi trop volumineux", 415, "Format non accepté");

	private final ErrorAttributes errorAttributes;

	ErrorPages(ErrorAttributes errorAttributes) {
		this.errorAttributes = errorAttributes;
	}

	@RequestMapping
	Object error(HttpServletRequest request, HttpServletResponse response) {
		Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		ErrorDescriptions.Description description = describe(request, response,
				status instanceof Integer code ? code : 404);
		if (isApi(request)) {
			return ResponseEntity.status(description.status())
				.contentType(MediaType.APPLICATION_JSON)
				.body(description.toApiError());
		}
		return page(description);
	}

	private ErrorDescriptions.Description describe(HttpServletRequest request, HttpServletResponse response,
			int status) {
		if (request.getAttribute(DESCRIPTION) instanceof ErrorDescriptions.Description decided) {
			return decided;
		}
		Throwable error = unwrap(errorAttributes.getError(new ServletWebRequest(request)));
		if (error == null && status == HttpStatus.METHOD_NOT_ALLOWED.value()) {
			String allowed = response.getHeader(HttpHeaders.ALLOW);
			return ErrorDescriptions.methodNotAllowed(String.valueOf(request.getMethod()),
					allowed == null ? List.of() : Arrays.stream(allowed.split(",")).map(String::strip).toList());
		}
		if (error instanceof HttpRequestMethodNotSupportedException && status != 405) {
			// an advice or resolver decided otherwise (see EarlyErrors)
			error = null;
		}
		return ErrorDescriptions.describe(error, status);
	}

	/**
	 * Checked exceptions leave the DispatcherServlet wrapped in a plain ServletException.
	 */
	private static @Nullable Throwable unwrap(@Nullable Throwable error) {
		Throwable current = error;
		while (current != null && current.getClass() == ServletException.class && current.getCause() != null) {
			current = current.getCause();
		}
		return current;
	}

	private static boolean isApi(HttpServletRequest request) {
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String path = uri == null ? request.getRequestURI() : uri.toString();
		String api = request.getContextPath() + "/api";
		return path.equals(api) || path.startsWith(api + "/");
	}

	private static ModelAndView page(ErrorDescriptions.Description description) {
		int status = description.status().value();
		String view = status == 400 || status == 404 ? "error/" + status : "error/erreur";
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("statut", status);
		model.put("titre", description.status().is5xxServerError() ? "Erreur inattendue"
				: TITLES.getOrDefault(status, "Demande refusée"));
		model.put("message", description.message());
		return new ModelAndView(view, model, description.status());
	}

}
