package fr.maillage.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * The bootstrap administrator token. Taken from {@code MAILLAGE_ADMIN_TOKEN}; when unset,
 * writes are disabled, except in the {@code dev} profile where a random token is
 * generated and printed at startup so a newcomer can import at once. There is never a
 * default token.
 */
@Component
public class AdminToken {

	private static final Logger log = LoggerFactory.getLogger(AdminToken.class);

	private final @Nullable String token;

	AdminToken(@Value("${maillage.admin-token:}") String configured, Environment environment) {
		if (!configured.isBlank()) {
			this.token = configured.strip();
		}
		else if (environment.acceptsProfiles(Profiles.of("dev"))) {
			byte[] random = new byte[24];
			new SecureRandom().nextBytes(random);
			this.token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
			log.warn("Profil dev : jeton administrateur généré pour cette session : {}", token);
		}
		else {
			this.token = null;
			log.warn("MAILLAGE_ADMIN_TOKEN n'est pas défini : les écritures de l'API sont désactivées.");
		}
	}

	public boolean isEnabled() {
		return token != null;
	}

	/**
	 * Constant-time comparison, so response time does not leak how much of a guess was
	 * right.
	 */
	public boolean matches(@Nullable String candidate) {
		if (token == null || candidate == null) {
			return false;
		}
		return MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
				candidate.getBytes(StandardCharsets.UTF_8));
	}

	Optional<String> value() {
		return Optional.ofNullable(token);
	}

}
