package fr.maillage.shared.web;

import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Pages answer a request the user can fix with a page saying what to fix (the API's
 * handler, ordered first, answers JSON for REST controllers).
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

	@ExceptionHandler(BadRequestException.class)
	ModelAndView badRequest(BadRequestException exception) {
		return new ModelAndView("error/400", Map.of("message", exception.getMessage()), HttpStatus.BAD_REQUEST);
	}

	/** What was not found, in the page's words (a territory's code, a lieu, a link). */
	@ExceptionHandler(NotFoundException.class)
	ModelAndView notFound(NotFoundException exception) {
		return new ModelAndView("error/404", Map.of("message", exception.getMessage()), HttpStatus.NOT_FOUND);
	}

}
