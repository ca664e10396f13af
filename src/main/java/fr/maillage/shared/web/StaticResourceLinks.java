package fr.maillage.shared.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.TreeSet;

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
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Versions only the links that can be static files. Static files are served at
 * {@code /**}, so Spring's {@link ResourceUrlEncodingFilter} asked the class path for
 * every link of a page ({@code /lieux/…}, {@code /territoires/…}): each link that is no
 * file looked through every jar of the application, uncached, and took most of the time
 * of a search page (docs/performance.md, "Charge (issue 14)"). The first segments that
 * can be files are read once from the static locations; other links skip the lookup.
 * Replaces the filter Spring Boot would register (it steps aside for this one).
 */
@Configuration(proxyBeanMethods = false)
class StaticResourceLinks {

	@Bean
	FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter(WebProperties web) {
		FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(
				new StaticOnlyFilter(firstSegments(web.getResources().getStaticLocations())));
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
		return registration;
	}

	/**
	 * The names of the files and folders at the top of the static locations (e.g.
	 * {@code css}, {@code js}, {@code webjars}).
	 */
	static Set<String> firstSegments(String[] locations) {
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(
				StaticResourceLinks.class.getClassLoader());
		// Spring Boot serves the webjars at their own /webjars/**, from jars that often
		// have no folder entries for the pattern below to find
		Set<String> names = new TreeSet<>(Set.of("webjars"));
		try {
			for (String location : locations) {
				String folder = location.endsWith("/") ? location : location + "/";
				if (!folder.startsWith("classpath:")) {
					continue;
				}
				for (Resource resource : resolver
					.getResources("classpath*:" + folder.substring("classpath:".length()) + "*")) {
					// a folder's address ends with a slash, and has no file name
					String path = resource.getURL().getPath().replaceAll("/+$", "");
					String name = path.substring(path.lastIndexOf('/') + 1);
					if (!name.isEmpty()) {
						names.add(name);
					}
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return names;
	}

	/** Whether a link (path from the context root, may carry a query) can be a file. */
	static boolean canBeStatic(String path, Set<String> firstSegments) {
		if (!path.startsWith("/")) {
			return false;
		}
		int end = 1;
		while (end < path.length() && "/?#;".indexOf(path.charAt(end)) < 0) {
			end++;
		}
		return firstSegments.contains(path.substring(1, end));
	}

	static final class StaticOnlyFilter extends ResourceUrlEncodingFilter {

		private final Set<String> firstSegments;

		StaticOnlyFilter(Set<String> firstSegments) {
			this.firstSegments = Set.copyOf(firstSegments);
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
					new StaticOnly((HttpServletResponse) versioning, plain, contextPath, firstSegments)));
		}

	}

	/** Sends links that can be files to the versioning response, others around it. */
	private static final class StaticOnly extends HttpServletResponseWrapper {

		private final HttpServletResponse plain;

		private final String contextPath;

		private final Set<String> firstSegments;

		StaticOnly(HttpServletResponse versioning, HttpServletResponse plain, String contextPath,
				Set<String> firstSegments) {
			super(versioning);
			this.plain = plain;
			this.contextPath = contextPath;
			this.firstSegments = firstSegments;
		}

		@Override
		public String encodeURL(String url) {
			String path = url.startsWith(contextPath) ? url.substring(contextPath.length()) : url;
			return canBeStatic(path, firstSegments) ? super.encodeURL(url) : plain.encodeURL(url);
		}

	}

}
