package fr.maillage.shared.web;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.connector.ClientAbortException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;

/**
 * A client that went away before its answer was written (a closed tab, a load test's
 * timeout) is no error of ours: logged at DEBUG, without a stack, before the API's
 * catch-all would log it at ERROR (issue 14 found thousands of such stacks under load).
 * Nothing is written: nobody is listening.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@ControllerAdvice
class ClientDisconnects {

	private static final Logger log = LoggerFactory.getLogger(ClientDisconnects.class);

	@ExceptionHandler({ ClientAbortException.class, AsyncRequestNotUsableException.class })
	void disconnected(Exception e, HttpServletResponse response) {
		log.debug("Client gone before the answer was written: {}", e.toString());
	}

}
