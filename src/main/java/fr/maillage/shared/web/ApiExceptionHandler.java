package fr.maillage.shared.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns exceptions of REST controllers into {@link ApiError} bodies with French messages
 * ({@link ErrorDescriptions}); errors raised before a controller is chosen (no route, a
 * method or content type the route does not take, security filters) are answered in the
 * same shape by {@link ErrorPages}. Just after the highest precedence: a module's own
 * advice for its own exceptions (at the highest) is asked first, since this one catches
 * every other exception.
 */
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ApiExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	@ExceptionHandler(Exception.class)
	ResponseEntity<ApiError> handle(Exception e) {
		ErrorDescriptions.Description description = ErrorDescriptions.describe(e, 500);
		if (description.unexpected()) {
			log.error("Unexpected error", e);
		}
		ResponseEntity.BodyBuilder response = ResponseEntity.status(description.status());
		if (e instanceof ErrorResponse framework) {
			// for example Allow, with a 405
			response.headers(framework.getHeaders());
		}
		return response.body(description.toApiError());
	}

}
