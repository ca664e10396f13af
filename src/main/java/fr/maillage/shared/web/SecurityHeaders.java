package fr.maillage.shared.web;

import java.io.IOException;
import java.net.URI;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Browser-side defence in depth on every answer (issue 14): a Content-Security-Policy
 * that lets only Maillage's own files run (no inline script, no inline style attribute,
 * no plugin), images from Maillage and the configured tile server, forms posted to
 * Maillage only, and no framing except of the map made to be embedded ({@code /carte},
 * offered by {@code /integrer}); the address of the page is not sent to other sites, and
 * of the powerful features only geolocation is allowed, to Maillage itself ("Autour de
 * moi"). Set before the request is handled, so error pages carry them too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class SecurityHeaders extends OncePerRequestFilter {

	private static final Pattern PLACEHOLDER_LABEL = Pattern.compile("^\\{[^}]*\\}");

	static final String REFERRER_POLICY = "strict-origin-when-cross-origin";

	/**
	 * Only features every current browser recognises: an unknown one is reported as an
	 * error in the console.
	 */
	static final String PERMISSIONS_POLICY = "geolocation=(self), camera=(), microphone=(), payment=(), usb=(), "
			+ "display-capture=(), fullscreen=(self)";

	private final String pagePolicy;

	private final String embeddablePolicy;

	public SecurityHeaders(@Value("${maillage.carte.tuiles:}") String tileUrl) {
		String tiles = tileSource(tileUrl);
		String common = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:"
				+ (tiles.isEmpty() ? "" : " " + tiles)
				+ "; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'";
		this.pagePolicy = common + "; frame-ancestors 'none'";
		this.embeddablePolicy = common + "; frame-ancestors *";
	}

	/**
	 * The origin of a Leaflet tile URL template ({@code https://{s}.tile.example/{z}/…}):
	 * a placeholder in the first label of the host becomes CSP's {@code *.} wildcard;
	 * elsewhere, the tile server's scheme is the narrowest source CSP can say.
	 */
	static String tileSource(String tileUrl) {
		String url = tileUrl == null ? "" : tileUrl.strip();
		int schemeEnd = url.indexOf("://");
		if (schemeEnd <= 0) {
			return "";
		}
		String scheme = url.substring(0, schemeEnd).toLowerCase();
		if (!scheme.equals("https") && !scheme.equals("http")) {
			return "";
		}
		String rest = url.substring(schemeEnd + 3);
		int pathStart = rest.indexOf('/');
		String authority = pathStart < 0 ? rest : rest.substring(0, pathStart);
		authority = PLACEHOLDER_LABEL.matcher(authority).replaceFirst("*");
		if (authority.isEmpty() || authority.contains("{") || authority.contains(";") || authority.contains(" ")
				|| authority.contains(",") || authority.contains("'")) {
			return scheme + ":";
		}
		try {
			URI.create(scheme + "://" + authority.replace("*", "wildcard"));
		}
		catch (IllegalArgumentException notAHost) {
			return scheme + ":";
		}
		return scheme + "://" + authority;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setHeader("Content-Security-Policy", isEmbeddable(request) ? embeddablePolicy : pagePolicy);
		response.setHeader("Referrer-Policy", REFERRER_POLICY);
		response.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
		chain.doFilter(request, response);
	}

	/** The territory map, made to be shown in other sites' pages. */
	private static boolean isEmbeddable(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.equals("/carte") || path.equals("/carte/");
	}

	String pagePolicy() {
		return pagePolicy;
	}

}
