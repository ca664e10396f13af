package fr.maillage.opendata;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import fr.maillage.opendata.PlaceEditing;
import org.jspecify.annotations.Nullable;

/**
 * The schema's fields and sources as the review and provenance pages name them, in plain
 * French.
 */
public final class FieldLabels {

	public static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH);

	private static final Map<String, String> LABELS = Map.ofEntries(Map.entry("pivot", "SIRET"),
			Map.entry("nom", "Nom"), Map.entry("commune", "Commune"), Map.entry("code_postal", "Code postal"),
			Map.entry("code_insee", "Code INSEE de la commune"), Map.entry("adresse", "Adresse"),
			Map.entry("complement_adresse", "Complément d'adresse"), Map.entry("latitude", "Latitude"),
			Map.entry("longitude", "Longitude"), Map.entry("typologie", "Type de structure"),
			Map.entry("telephone", "Téléphone"), Map.entry("courriels", "Courriels"), Map.entry("site_web", "Site web"),
			Map.entry("horaires", "Horaires"), Map.entry("presentation_resume", "Présentation courte"),
			Map.entry("presentation_detail", "Présentation détaillée"), Map.entry("source", "Source de la donnée"),
			Map.entry("itinerance", "Itinérance"), Map.entry("structure_parente", "Structure parente"),
			Map.entry("date_maj", "Date de mise à jour"), Map.entry("services", "Services"),
			Map.entry("publics_specifiquement_adresses", "Publics accueillis"),
			Map.entry("prise_en_charge_specifique", "Accompagnements spécifiques"),
			Map.entry("frais_a_charge", "Frais à charge"),
			Map.entry("dispositif_programmes_nationaux", "Dispositifs nationaux"),
			Map.entry("formations_labels", "Formations et labels"),
			Map.entry("autres_formations_labels", "Autres formations et labels"),
			Map.entry("modalites_acces", "Modalités d'accès"),
			Map.entry("modalites_accompagnement", "Modalités d'accompagnement"),
			Map.entry("fiche_acces_libre", "Fiche Acceslibre"), Map.entry("prise_rdv", "Prise de rendez-vous"));

	private FieldLabels() {
	}

	public static String label(String field) {
		return LABELS.getOrDefault(field, field);
	}

	/** A source's name for people: an edit in Maillage is not a producer. */
	public static String source(String source) {
		return PlaceEditing.SOURCE.equals(source) ? "saisie dans Maillage" : source;
	}

	/** A value of the schema's text form: lists are joined with "|". */
	public static String value(@Nullable String value) {
		return value == null ? "" : value.replace("|", ", ");
	}

	public static String date(@Nullable LocalDate date) {
		return date == null ? "date inconnue" : date.format(FRENCH_DATE);
	}

	/** "Name <address>" → "Name": pages name people, they do not publish addresses. */
	public static String person(@Nullable String signature) {
		return signature == null ? "" : signature.replaceAll("\\s*<[^>]*>$", "");
	}

}
