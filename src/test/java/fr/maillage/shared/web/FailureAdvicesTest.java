package fr.maillage.shared.web;

import org.apache.catalina.connector.ClientAbortException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class FailureAdvicesTest {

	@RestController
	static class Broken {

		@GetMapping("/api/v1/gone")
		String gone() throws ClientAbortException {
			throw new ClientAbortException("Broken pipe");
		}

		@GetMapping("/api/v1/slow")
		String slow() {
			throw new QueryTimeoutException("canceling statement due to statement timeout");
		}

		@GetMapping("/api/v1/long-export")
		String longExport() {
			throw new org.springframework.web.context.request.async.AsyncRequestTimeoutException();
		}

		@GetMapping("/api/v1/failing")
		String failing() {
			throw new IllegalStateException("boom");
		}

	}

	private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Broken())
		.setControllerAdvice(new ApiExceptionHandler(), new ClientDisconnects(), new SlowRequests())
		.build();

	@Test
	void aClientThatWentAwayIsNotAnInternalError() throws Exception {
		mvc.perform(get("/api/v1/gone")).andExpect(status().isOk()).andExpect(content().string(""));
	}

	@Test
	void aSearchThatRanOutOfTimeIsTurnedAwayLikeAnOverload() throws Exception {
		mvc.perform(get("/api/v1/slow"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", LoadShedding.RETRY_AFTER_SECONDS))
			.andExpect(content().string(containsString("\"code\":\"surcharge\"")));
	}

	/** The HSDS package of 100 000 lieux hit the container's 30 s (ExportBenchmark). */
	@Test
	void anExportCutByItsTimeLimitIsAnOverloadNotAnInternalError() throws Exception {
		mvc.perform(get("/api/v1/long-export"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(content().string(containsString("\"code\":\"surcharge\"")));
	}

	@Test
	void otherErrorsStillReachTheCatchAll() throws Exception {
		mvc.perform(get("/api/v1/failing")).andExpect(status().isInternalServerError());
	}

}
