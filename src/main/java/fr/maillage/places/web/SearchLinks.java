package fr.maillage.places.web;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Links of a search page to other views of the same search (next page, a corrected
 * spelling, without criteria): the same address with one thing changed, relative to the
 * site, each ending at the results heading.
 */
final class SearchLinks {

	static final String RESULTS_ANCHOR = "resultats";

	private final String path;

	private final String query;

	private final String contextPath;

	SearchLinks(HttpServletRequest request) {
		this.contextPath = request.getContextPath();
		this.path = request.getRequestURI();
		this.query = request.getQueryString();
	}

	private UriComponentsBuilder current() {
		return UriComponentsBuilder.fromPath(path).query(query);
	}

	String page(int page) {
		UriComponentsBuilder builder = current();
		if (page <= 1) {
			builder.replaceQueryParam("page");
		}
		else {
			builder.replaceQueryParam("page", page);
		}
		return builder.fragment(RESULTS_ANCHOR).build(true).toUriString();
	}

	/**
	 * The same criteria around another commune (written as the territory search shows
	 * it).
	 */
	String searching(String place) {
		return current().replaceQueryParam("q", UriUtils.encodeQueryParam(place, StandardCharsets.UTF_8))
			.replaceQueryParam("page")
			.replaceQueryParam("lat")
			.replaceQueryParam("lon")
			.fragment(RESULTS_ANCHOR)
			.build(true)
			.toUriString();
	}

	/** A place's page. */
	String place(String id) {
		return contextPath + "/lieux/" + UriUtils.encodePathSegment(id, StandardCharsets.UTF_8);
	}

	/** The same place, every criterion dropped. */
	String withoutCriteria(SearchForm form) {
		UriComponentsBuilder builder = UriComponentsBuilder.fromPath(path);
		if (form.aroundMe()) {
			builder.queryParam("lat", form.lat()).queryParam("lon", form.lon());
		}
		else {
			builder.queryParam("q", UriUtils.encodeQueryParam(form.q(), StandardCharsets.UTF_8));
		}
		return builder.fragment(RESULTS_ANCHOR).build(true).toUriString();
	}

}
