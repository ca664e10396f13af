package fr.maillage.orientations.web;

import fr.maillage.orientations.ConsentRequiredException;
import fr.maillage.shared.web.ApiError;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The API's answer to an orientation sent without a valid consent: {@code 422} with the
 * code {@code consentement_requis} and every reason in French (asked before the shared
 * handler, which knows no 422).
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(assignableTypes = OrientationApiController.class)
class OrientationApiErrors {

	@ExceptionHandler(ConsentRequiredException.class)
	ResponseEntity<ApiError> consentRequired(ConsentRequiredException refused) {
		return ResponseEntity.unprocessableEntity()
			.body(new ApiError(422, "consentement_requis", refused.getMessage(), refused.problems()));
	}

}
