package fr.maillage.opendata.web;

import fr.maillage.opendata.importing.ImportRefusedException;
import fr.maillage.shared.web.ApiError;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A refused file, through an import or a source run: 400 with the French reason. */
@RestControllerAdvice(assignableTypes = { ImportController.class, SourceApiController.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
class ImportRefusals {

	@ExceptionHandler(ImportRefusedException.class)
	ResponseEntity<ApiError> refused(ImportRefusedException e) {
		return ResponseEntity.badRequest()
			.body(new ApiError(HttpStatus.BAD_REQUEST.value(), e.code(), e.getMessage(), e.details()));
	}

}
