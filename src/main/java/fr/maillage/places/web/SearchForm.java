package fr.maillage.places.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.maillage.places.vocabulary.NationalProgram;
import fr.maillage.places.vocabulary.SupportMode;

import org.jspecify.annotations.Nullable;

/**
 * The public search form, as sent by a plain GET so that it works without JavaScript and
 * every search is a shareable URL.
 *
 * @param services labels of the standard's services (checkboxes)
 * @param lat latitude given by "Autour de moi" (the browser's geolocation, asked on click
 * only), rounded by the page so that a shared URL does not pinpoint a home
 * @param lon longitude given with {@code lat}
 * @param page the page of results, from 1; text, so that a mangled link (« page=deux »)
 * opens the first page rather than an error
 */
public record SearchForm(@Nullable String q, @Nullable List<String> services, @Nullable List<String> publics,
		@Nullable List<String> priseEnCharge, @Nullable List<String> modalites, @Nullable List<String> dispositifs,
		@Nullable Boolean gratuit, @Nullable Boolean ouvert, @Nullable Boolean samedi, @Nullable Boolean itinerant,
		@Nullable Double lat, @Nullable Double lon, @Nullable String page) {

	/**
	 * "Sur place", "en atelier", "à distance": the words people use, and the standard's
	 * values behind them.
	 */
	public static final Map<String, List<SupportMode>> MODALITES = new LinkedHashMap<>();

	static {
		MODALITES.put("Sur place, avec quelqu'un", List.of(SupportMode.INDIVIDUAL, SupportMode.SELF_SERVICE));
		MODALITES.put("En atelier collectif", List.of(SupportMode.GROUP_WORKSHOP));
		MODALITES.put("À distance", List.of(SupportMode.REMOTE));
	}

	/** The national schemes a person may look for by name. */
	public static final List<NationalProgram> DISPOSITIFS = List.of(NationalProgram.FRANCE_SERVICES,
			NationalProgram.CONSEILLERS_NUMERIQUES, NationalProgram.AIDANTS_CONNECT);

	public List<String> selected(@Nullable List<String> values) {
		return values == null ? List.of() : values;
	}

	public boolean onSaturday() {
		return Boolean.TRUE.equals(samedi);
	}

	public boolean itinerantOnly() {
		return Boolean.TRUE.equals(itinerant);
	}

	public boolean freeOnly() {
		return Boolean.TRUE.equals(gratuit);
	}

	public boolean openNow() {
		return Boolean.TRUE.equals(ouvert);
	}

	/**
	 * Whether the person searches around her own position: a commune she types afterwards
	 * wins over a position kept in the form.
	 */
	public boolean aroundMe() {
		return noCommune() && lat != null && lon != null && Math.abs(lat) <= 90 && Math.abs(lon) <= 180;
	}

	/** The page asked for, 1 when none or a wrong one was given. */
	public int pageNumber() {
		if (page == null || !page.strip().matches("\\d{1,6}")) {
			return 1;
		}
		return Math.max(1, Integer.parseInt(page.strip()));
	}

	/** Whether some criterion beyond the place narrows the search. */
	public boolean hasCriteria() {
		return !selected(services).isEmpty() || !selected(publics).isEmpty() || !selected(priseEnCharge).isEmpty()
				|| !selected(modalites).isEmpty() || !selected(dispositifs).isEmpty() || freeOnly() || openNow()
				|| onSaturday() || itinerantOnly();
	}

	public boolean isEmpty() {
		return noCommune() && !aroundMe();
	}

	private boolean noCommune() {
		return q == null || q.isBlank();
	}

}
