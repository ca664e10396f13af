package fr.maillage.testing;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * API integration tests that each start from an empty directory, with an HTTP client on
 * the running server.
 */
@IntegrationTest
public abstract class EmptyDirectoryApiTest {

	@LocalServerPort
	protected int port;

	@Autowired
	protected JdbcClient jdbc;

	protected ApiClient api;

	@BeforeEach
	void emptyDirectory() {
		api = new ApiClient(port);
		CleanDatabase.empty(jdbc);
	}

}
