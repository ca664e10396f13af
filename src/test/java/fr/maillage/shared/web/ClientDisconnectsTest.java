package fr.maillage.shared.web;

import org.apache.catalina.connector.ClientAbortException;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ClientDisconnectsTest {

	@RestController
	static class Broken {

		@GetMapping("/api/v1/gone")
		String gone() throws ClientAbortException {
			throw new ClientAbortException("Broken pipe");
		}

		@GetMapping("/api/v1/failing")
		String failing() {
			throw new IllegalStateException("boom");
		}

	}

	private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Broken())
		.setControllerAdvice(new ApiExceptionHandler(), new ClientDisconnects())
		.build();

	@Test
	void aClientThatWentAwayIsNotAnInternalError() throws Exception {
		mvc.perform(get("/api/v1/gone")).andExpect(status().isOk()).andExpect(content().string(""));
	}

	@Test
	void otherErrorsStillReachTheCatchAll() throws Exception {
		mvc.perform(get("/api/v1/failing")).andExpect(status().isInternalServerError());
	}

}
