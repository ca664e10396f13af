package fr.maillage.coordination.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

/**
 * What a resource of a territory must say (issue 18): a title, a type, its territory
 * (département, optionally an EPCI or a commune), an optional period whose end is not
 * before its start, a link that opens in a browser (http or https), a description.
 */
public final class ResourceRules {

	public static final int MAX_TITLE = 200;

	private ResourceRules() {
	}

	/** A resource as entered; the structure that holds it is chosen apart. */
	public record ResourceEntry(String title, ResourceType type, String departement, @Nullable String epci,
			@Nullable String commune, @Nullable LocalDate from, @Nullable LocalDate to, @Nullable String link,
			@Nullable String description) {
	}

	public sealed interface Reading {

		record Accepted(ResourceEntry entry) implements Reading {
		}

		record Refused(Map<String, String> problems) implements Reading {
		}

	}

	/** The places a resource may name. */
	public interface Places {

		Set<String> departements();

		boolean isEpci(String siren);

		boolean isCommune(String codeInsee);

	}

	public static Reading read(Map<String, String> fields, Places places) {
		FormReading form = new FormReading(fields);
		String title = form.required("titre", "Titre", MAX_TITLE);
		ResourceType type = null;
		String typeCode = form.value("type");
		if (typeCode == null) {
			form.problem("type",
					"Type de ressource : à choisir (formation, financement, ressource humaine, matériel).");
		}
		else {
			type = ResourceType.findByCode(typeCode).orElse(null);
			if (type == null) {
				form.problem("type", "Type de ressource inconnu : « " + typeCode
						+ " » (formative, financiere, humaine ou materielle).");
			}
		}
		String departement = form.value("departement");
		if (departement == null) {
			form.problem("departement", "Département : à choisir.");
		}
		else {
			departement = departement.toUpperCase(Locale.ROOT);
			if (!places.departements().contains(departement)) {
				form.problem("departement", "« " + form.value("departement") + " » n'est pas un code de département.");
			}
		}
		String epci = form.value("epci");
		if (epci != null) {
			epci = epci.replace(" ", "");
			if (!epci.matches("\\d{9}") || !places.isEpci(epci)) {
				form.problem("epci", "« " + form.value("epci") + " » n'est pas le SIREN d'une intercommunalité.");
			}
		}
		String commune = form.value("commune");
		if (commune != null) {
			commune = commune.toUpperCase(Locale.ROOT);
			if (!commune.matches("[0-9][0-9AB][0-9]{3}") || !places.isCommune(commune)) {
				form.problem("commune", "« " + form.value("commune")
						+ " » n'est pas le code INSEE d'une commune (5 caractères, par exemple 69266).");
			}
		}
		LocalDate from = form.date("du", "Début");
		LocalDate to = form.date("au", "Fin");
		if (from != null && to != null && to.isBefore(from)) {
			form.problem("au", "Fin : le " + to + " est avant le début (" + from + ").");
		}
		String link = form.optional("lien", "Lien", 500);
		if (link != null && !isWebLink(link)) {
			form.problem("lien",
					"Lien : une adresse web commençant par http:// ou https:// est attendue (« " + link + " »).");
		}
		String description = form.optional("description", "Description", 4000);
		if (!form.isValid()) {
			return new Reading.Refused(form.problems());
		}
		return new Reading.Accepted(
				new ResourceEntry(title, type, departement, epci, commune, from, to, link, description));
	}

	/** An absolute http or https address with a host, without spaces. */
	public static boolean isWebLink(String link) {
		if (link.chars().anyMatch(Character::isWhitespace)) {
			return false;
		}
		try {
			URI uri = new URI(link);
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
					&& uri.getHost().contains(".");
		}
		catch (URISyntaxException notALink) {
			return false;
		}
	}

	/**
	 * Whether the public still sees it by default: no end, or an end not before today.
	 */
	public static boolean isCurrent(@Nullable LocalDate to, LocalDate today) {
		return to == null || !to.isBefore(today);
	}

}
