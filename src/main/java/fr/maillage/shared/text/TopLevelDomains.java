package fr.maillage.shared.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Whether an address ends with a top-level domain that exists: «
 * mairie@france-services.gouv » or « biblio@mainoyve.fr.fto » (both in real lieux files)
 * look like addresses but no mail reaches them, and data·inclusion's schema refuses them.
 * The list is the top level of Mozilla's Public Suffix List, copied in
 * {@code text/domaines-de-premier-niveau.txt} (data/SOURCES.md); a domain created after
 * that copy would be refused until the list is refreshed, which is why only exports and
 * warnings use it, never a refusal of a record.
 */
public final class TopLevelDomains {

	private static final Set<String> KNOWN = load();

	private TopLevelDomains() {
	}

	/**
	 * @param domain a host name or the part of an e-mail address after « @ »
	 */
	public static boolean isKnown(String domain) {
		String host = domain.strip().toLowerCase(Locale.ROOT);
		if (host.endsWith(".")) {
			host = host.substring(0, host.length() - 1);
		}
		int dot = host.lastIndexOf('.');
		return dot > 0 && KNOWN.contains(host.substring(dot + 1));
	}

	/** Whether the domain of this e-mail address ends with a known top-level domain. */
	public static boolean isKnownMailDomain(String email) {
		int at = email.lastIndexOf('@');
		return at > 0 && isKnown(email.substring(at + 1));
	}

	private static Set<String> load() {
		try (InputStream in = TopLevelDomains.class.getResourceAsStream("/text/domaines-de-premier-niveau.txt")) {
			if (in == null) {
				throw new IllegalStateException("text/domaines-de-premier-niveau.txt is missing from the classpath");
			}
			Set<String> known = new HashSet<>();
			new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
				.map(String::strip)
				.filter(line -> !line.isEmpty() && !line.startsWith("#"))
				.forEach(line -> known.add(line.toLowerCase(Locale.ROOT)));
			return Set.copyOf(known);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
