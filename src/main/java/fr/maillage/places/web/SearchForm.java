package fr.maillage.places.web;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The public search form, as sent by a plain GET so that it works without JavaScript and
 * every search is a shareable URL.
 *
 * @param services labels of the standard's services (checkboxes)
 */
public record SearchForm(@Nullable String q, @Nullable List<String> services, @Nullable Boolean gratuit,
		@Nullable Boolean ouvert) {

	public List<String> selectedServices() {
		return services == null ? List.of() : services;
	}

	public boolean freeOnly() {
		return Boolean.TRUE.equals(gratuit);
	}

	public boolean openNow() {
		return Boolean.TRUE.equals(ouvert);
	}

	public boolean isEmpty() {
		return q == null || q.isBlank();
	}

}
