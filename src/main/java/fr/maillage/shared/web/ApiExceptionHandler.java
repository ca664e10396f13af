package fr.maillage.shared.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * Turns exceptions of REST controllers into {@link ApiError} bodies with French messages.
 * Just after the highest precedence: a module's own advice for its own exceptions (at the
 * highest) is asked first, since this one also catches every other exception.
 */
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ApiExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	@ExceptionHandler(NotFoundException.class)
	ResponseEntity<ApiError> notFound(NotFoundException e) {
		return respond(HttpStatus.NOT_FOUND, "introuvable", e.getMessage());
	}

	@ExceptionHandler(ConflictException.class)
	ResponseEntity<ApiError> conflict(ConflictException e) {
		return respond(HttpStatus.CONFLICT, e.code(), e.getMessage());
	}

	@ExceptionHandler(BadRequestException.class)
	ResponseEntity<ApiError> badRequest(BadRequestException e) {
		return ResponseEntity.badRequest()
			.body(new ApiError(HttpStatus.BAD_REQUEST.value(), e.code(), e.getMessage(), e.details()));
	}

	@ExceptionHandler(MissingServletRequestPartException.class)
	ResponseEntity<ApiError> missingPart(MissingServletRequestPartException e) {
		return respond(HttpStatus.BAD_REQUEST, "partie_manquante",
				"La partie « " + e.getRequestPartName() + " » manque dans le formulaire envoyé.");
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ResponseEntity<ApiError> missingParameter(MissingServletRequestParameterException e) {
		return respond(HttpStatus.BAD_REQUEST, "parametre_manquant",
				"Le paramètre « " + e.getParameterName() + " » est obligatoire.");
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ApiError> typeMismatch(MethodArgumentTypeMismatchException e) {
		return respond(HttpStatus.BAD_REQUEST, "parametre_invalide",
				"La valeur « " + e.getValue() + " » du paramètre « " + e.getName() + " » n'est pas valide.");
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ResponseEntity<ApiError> tooLarge(MaxUploadSizeExceededException e) {
		return respond(HttpStatus.CONTENT_TOO_LARGE, "fichier_trop_gros",
				"Le fichier dépasse la taille maximale acceptée.");
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ApiError> unexpected(Exception e) {
		log.error("Unexpected error", e);
		return respond(HttpStatus.INTERNAL_SERVER_ERROR, "erreur_interne",
				"Une erreur inattendue est survenue ; rien n'a été modifié. Réessayez ou contactez l'équipe.");
	}

	private static ResponseEntity<ApiError> respond(HttpStatus status, String code, String message) {
		return ResponseEntity.status(status).body(ApiError.of(status.value(), code, message));
	}

}
