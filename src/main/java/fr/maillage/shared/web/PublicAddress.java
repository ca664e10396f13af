package fr.maillage.shared.web;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The site's address for links in e-mails: {@code maillage.url-publique} behind a proxy,
 * else the address of the current request.
 */
@Component
public class PublicAddress {

	private final String configured;

	PublicAddress(Environment environment) {
		this.configured = environment.getProperty("maillage.url-publique", "").replaceAll("/+$", "");
	}

	public String get() {
		return configured.isEmpty() ? ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString()
				: configured;
	}

}
