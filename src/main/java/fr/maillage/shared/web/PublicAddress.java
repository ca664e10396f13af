package fr.maillage.shared.web;

import java.net.URI;
import java.net.URISyntaxException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The site's address for links in e-mails: {@code maillage.url-publique}
 * ({@code MAILLAGE_URL_PUBLIQUE}), never the address of the current request, whose
 * {@code Host} the client chooses (a reset asked with {@code Host: evil.example} would
 * mail a link to that site). Required in production: the application does not start
 * without it. The dev and test profiles default it to the local address.
 */
@Component
public class PublicAddress {

	static final String PROPERTY = "maillage.url-publique";

	private final Environment environment;

	PublicAddress(Environment environment) {
		this.environment = environment;
		check(environment.getProperty(PROPERTY, ""));
	}

	/** The address, without a trailing slash: {@code https://maillage.exemple.fr}. */
	public String get() {
		// read each time: in tests the local port is known only once the server runs
		return environment.getProperty(PROPERTY, "").strip().replaceAll("/+$", "");
	}

	static void check(String configured) {
		if (configured.isBlank()) {
			throw new MissingPublicAddressException("MAILLAGE_URL_PUBLIQUE n'est pas définie. Indiquez l'adresse "
					+ "publique du site, par exemple MAILLAGE_URL_PUBLIQUE=https://maillage.exemple.fr : les liens "
					+ "des courriels (invitations, mots de passe) en dépendent. Pour essayer Maillage sur ce poste, "
					+ "MAILLAGE_URL_PUBLIQUE=http://localhost:8080 suffit (ou le profil dev).");
		}
		String address = configured.strip();
		boolean valid;
		try {
			URI uri = new URI(address);
			valid = ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null
					&& uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
		}
		catch (URISyntaxException invalid) {
			valid = false;
		}
		if (!valid) {
			throw new MissingPublicAddressException("MAILLAGE_URL_PUBLIQUE n'est pas une adresse de site valable : « "
					+ address + " ». Écrivez par exemple https://maillage.exemple.fr.");
		}
	}

	/** The public address is missing or wrong: the application cannot send links. */
	static class MissingPublicAddressException extends IllegalStateException {

		MissingPublicAddressException(String message) {
			super(message);
		}

	}

	/** Says why in plain French when the application stops at start. */
	public static class MissingPublicAddressFailureAnalyzer
			extends AbstractFailureAnalyzer<MissingPublicAddressException> {

		@Override
		protected FailureAnalysis analyze(Throwable rootFailure, MissingPublicAddressException cause) {
			return new FailureAnalysis(cause.getMessage(),
					"Définissez la variable d'environnement MAILLAGE_URL_PUBLIQUE (voir « En production » dans le "
							+ "README), puis relancez Maillage.",
					cause);
		}

	}

}
