package fr.maillage.shared.web;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Versions only the links that can be static files. Static files are served at
 * {@code /**}, so Spring's {@link ResourceUrlEncodingFilter} asked the class path for
 * every link of a page ({@code /lieux/…}, {@code /territoires/…}): each link that is no
 * file looked through every jar of the application, uncached, and took most of the time
 * of a search page (docs/performance.md, "Charge (issue 14)"). The first segments that
 * can be files are looked up once in the static locations; other links skip the lookup.
 * Replaces the filter Spring Boot would register (it steps aside for this one).
 */
@Configuration(proxyBeanMethods = false)
class StaticResourceLinks {

	@Bean
	FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter(WebProperties web) {
		FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(
				new StaticOnlyFilter(new StaticPaths(web.getResources().getStaticLocations())));
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
		return registration;
	}

	/**
	 * Whether a link can be a static file, decided on its first path segment
	 * ({@code css}, {@code js}, {@code webjars}…): a segment is looked up once in the
	 * static locations, then remembered. Links are written by our templates, so their
	 * first segments are few.
	 */
	static final class StaticPaths {

		/**
		 * More first segments than any template writes: past it, nothing more is kept.
		 */
		private static final int MAX_REMEMBERED = 1_000;

		private final List<String> folders;

		private final ClassLoader classLoader;

		private final Map<String, Boolean> known = new ConcurrentHashMap<>();

		StaticPaths(String[] locations) {
			this.classLoader = StaticResourceLinks.class.getClassLoader();
			this.folders = Arrays.stream(locations)
				.filter(location -> location.startsWith("classpath:"))
				.map(location -> location.substring("classpath:".length()).replaceAll("^/+", ""))
				.map(folder -> folder.isEmpty() || folder.endsWith("/") ? folder : folder + "/")
				.toList();
			// Spring Boot serves the webjars at their own /webjars/**, from jars that may
			// have no folder entry to find
			known.put("webjars", true);
		}

		/**
		 * Whether a link (path from the context root, may carry a query) can be a file.
		 */
		boolean canBeStatic(String path) {
			if (!path.startsWith("/")) {
				return false;
			}
			int end = 1;
			while (end < path.length() && "/?#;".indexOf(path.charAt(end)) < 0) {
				end++;
			}
			String segment = path.substring(1, end);
			if (segment.isEmpty()) {
				return false;
			}
			Boolean found = known.get(segment);
			if (found == null) {
				found = folders.stream()
					.anyMatch(folder -> classLoader.getResource(folder + segment) != null
							|| classLoader.getResource(folder + segment + "/") != null);
				if (known.size() < MAX_REMEMBERED) {
					known.put(segment, found);
				}
			}
			return found;
		}

	}

	static final class StaticOnlyFilter extends ResourceUrlEncodingFilter {

		private final StaticPaths staticPaths;

		StaticOnlyFilter(StaticPaths staticPaths) {
			this.staticPaths = staticPaths;
		}

		@Override
		public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (!(request instanceof HttpServletRequest http && response instanceof HttpServletResponse plain)) {
				super.doFilter(request, response, chain);
				return;
			}
			String contextPath = http.getContextPath();
			super.doFilter(request, response, (innerRequest, versioning) -> chain.doFilter(innerRequest,
					new StaticOnly((HttpServletResponse) versioning, plain, contextPath, staticPaths)));
		}

	}

	/** Sends links that can be files to the versioning response, others around it. */
	private static final class StaticOnly extends HttpServletResponseWrapper {

		private final HttpServletResponse plain;

		private final String contextPath;

		private final StaticPaths staticPaths;

		StaticOnly(HttpServletResponse versioning, HttpServletResponse plain, String contextPath,
				StaticPaths staticPaths) {
			super(versioning);
			this.plain = plain;
			this.contextPath = contextPath;
			this.staticPaths = staticPaths;
		}

		@Override
		public String encodeURL(String url) {
			String path = url.startsWith(contextPath) ? url.substring(contextPath.length()) : url;
			return staticPaths.canBeStatic(path) ? super.encodeURL(url) : plain.encodeURL(url);
		}

	}

}
