package fr.maillage.shared.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.transaction.TransactionTimedOutException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.async.AsyncRequestTimeoutException;

/**
 * A read that ran out of its time (a search's statement timeout, issue 14) happens when
 * the server is overloaded: the person gets the same 503 with {@code Retry-After} as a
 * request turned away by {@link LoadShedding}, not an internal error, and the log one
 * line at WARN instead of a stack at ERROR.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@ControllerAdvice
class SlowRequests {

	private static final Logger log = LoggerFactory.getLogger(SlowRequests.class);

	@ExceptionHandler({ QueryTimeoutException.class, TransactionTimedOutException.class })
	void timedOut(Exception e, HttpServletRequest request, HttpServletResponse response) throws IOException {
		log.warn("{} {} ran out of time: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
		LoadShedding.turnAway(request, response);
	}

	/**
	 * A streamed export that ran past {@code MAILLAGE_EXPORT_DUREE_MAX}: cut, one line at
	 * WARN; a 503 when nothing was sent yet (the data package prepares its tables first).
	 */
	@ExceptionHandler(AsyncRequestTimeoutException.class)
	void streamTimedOut(AsyncRequestTimeoutException e, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		log.warn("{} {} streamed longer than MAILLAGE_EXPORT_DUREE_MAX: cut", request.getMethod(),
				request.getRequestURI());
		if (!response.isCommitted()) {
			LoadShedding.turnAway(request, response);
		}
	}

}
