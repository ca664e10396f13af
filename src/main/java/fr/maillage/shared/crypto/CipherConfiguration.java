package fr.maillage.shared.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * The key that encrypts the persons' data (ADR 0017): {@code MAILLAGE_CLE_CHIFFREMENT}
 * (32 bytes in base64), required outside the dev and test profiles — Maillage does not
 * start without it, rather than keep names in clear. Older keys, after a rotation, in
 * {@code MAILLAGE_CLES_CHIFFREMENT_PRECEDENTES} (comma-separated): they only read. In the
 * dev profile without a key, one is generated once and kept beside the embedded database
 * ({@code .maillage/cle-chiffrement}), so the data of earlier runs stays readable.
 */
@Configuration(proxyBeanMethods = false)
class CipherConfiguration {

	private static final Logger log = LoggerFactory.getLogger(CipherConfiguration.class);

	static final String KEY = "maillage.chiffrement.cle";

	static final String PREVIOUS_KEYS = "maillage.chiffrement.cles-precedentes";

	@Bean
	FieldCipher fieldCipher(Environment environment) {
		String configured = environment.getProperty(KEY, "").strip();
		if (configured.isEmpty()) {
			if (!environment.acceptsProfiles(Profiles.of("dev"))) {
				throw new IllegalStateException(
						"MAILLAGE_CLE_CHIFFREMENT n'est pas définie : les données des personnes "
								+ "orientées ne peuvent pas être chiffrées. Créez une clé (par exemple `openssl rand -base64 32`), "
								+ "gardez-la hors de la base et de ses sauvegardes, et donnez-la dans MAILLAGE_CLE_CHIFFREMENT "
								+ "(voir « En production » dans le README).");
			}
			configured = devKey(
					Path.of(environment.getProperty("maillage.embedded-postgres.data-directory", "./.maillage/pgdata"))
						.toAbsolutePath()
						.getParent()
						.resolve("cle-chiffrement"));
		}
		List<byte[]> previous = Arrays.stream(environment.getProperty(PREVIOUS_KEYS, "").split(","))
			.map(String::strip)
			.filter(key -> !key.isEmpty())
			.map(key -> decode(key, "MAILLAGE_CLES_CHIFFREMENT_PRECEDENTES"))
			.toList();
		FieldCipher cipher = new FieldCipher(decode(configured, "MAILLAGE_CLE_CHIFFREMENT"), previous);
		log.info("Personal data encrypted with key {} ({} older key(s) for reading)", cipher.currentKeyId(),
				previous.size());
		return cipher;
	}

	private static byte[] decode(String key, String setting) {
		try {
			return Base64.getDecoder().decode(key);
		}
		catch (IllegalArgumentException notBase64) {
			throw new IllegalStateException(
					setting + " n'est pas en base64 : créez la clé avec `openssl rand -base64 32`.");
		}
	}

	/** The dev profile's key, created on first use. */
	private static String devKey(Path file) {
		try {
			if (Files.exists(file)) {
				return Files.readString(file, StandardCharsets.US_ASCII).strip();
			}
			Files.createDirectories(file.getParent());
			String key = FieldCipher.newKey();
			Files.writeString(file, key + "\n", StandardCharsets.US_ASCII);
			try {
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException notPosix) {
				// Windows: the file stays in the developer's own directory
			}
			log.warn("Dev profile: new encryption key for personal data written to {} (never use it in production)",
					file);
			return key;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
