package fr.maillage.opendata.publishing.datainclusion;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import fr.maillage.places.Place;
import fr.maillage.places.vocabulary.AccessMode;
import fr.maillage.places.vocabulary.Fee;
import fr.maillage.places.vocabulary.MediationService;
import fr.maillage.places.vocabulary.NationalProgram;
import fr.maillage.places.vocabulary.SpecificPublic;
import fr.maillage.places.vocabulary.SpecificSupport;
import fr.maillage.places.vocabulary.SupportMode;
import fr.maillage.places.vocabulary.Vocabulary;
import fr.maillage.shared.text.TopLevelDomains;
import org.jspecify.annotations.Nullable;

/**
 * A lieu as data·inclusion's schema v1 sees it (issue 19, docs/data-inclusion.md): one
 * {@code structure} (the place that receives the public) and one {@code service} (the
 * digital-mediation help given there). One service per lieu, not one per national
 * service: the national schema gives fees, publics, hours and access modes per lieu, so
 * nine services would repeat the same values; the national services become the service's
 * {@code thematiques}, as HSDS does with taxonomy terms (docs/hsds.md). Ids are
 * {@code maillage--<lieu id>}, so data·inclusion's {@code source--id} convention holds.
 * Every value is either from the schema's reference lists (checked by
 * {@code DataInclusionRecordsTest} against the copied lists) or null. Pure: no Spring, no
 * database.
 */
public final class DataInclusionRecords {

	/** The producer's identifier in data·inclusion's {@code source} field. */
	public static final String SOURCE = "maillage";

	private static final Pattern SIRET = Pattern.compile("\\d{14}");

	private static final Pattern FIVE_CHARACTERS = Pattern.compile("\\w{5}");

	/**
	 * An ASCII mailbox (RFC 5321): the schema's {@code email} format. The lieux schema
	 * lets an address such as « chambéry@accorderie.fr » through; data·inclusion's
	 * validation would refuse the whole record for it.
	 */
	private static final Pattern MAILBOX = Pattern.compile(
			"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+");

	private static final Pattern POSTAL_CODE = Pattern.compile("\\d{5}");

	/**
	 * National services (schema v1.0.2) → data·inclusion thématiques: the closest «
	 * numérique » theme, and the domain the help is about when it has one.
	 */
	static final Map<MediationService, List<String>> THEMATIQUES = new EnumMap<>(Map.of(
			MediationService.ADMINISTRATIVE_PROCEDURES,
			List.of("numerique--acceder-a-des-services-en-ligne",
					"difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives"),
			MediationService.EVERYDAY_DIGITAL_TOOLS, List.of("numerique--maitriser-les-fondamentaux-du-numerique"),
			MediationService.PROFESSIONAL_INTEGRATION,
			List.of("numerique--maitriser-les-fondamentaux-du-numerique",
					"preparer-sa-candidature--organiser-ses-demarches-de-recherche-demploi"),
			MediationService.SAFE_DIGITAL_USE, List.of("numerique--maitriser-les-fondamentaux-du-numerique"),
			MediationService.PARENTING_AND_EDUCATION,
			List.of("numerique--maitriser-les-fondamentaux-du-numerique",
					"famille--soutien-a-la-parentalite-et-a-leducation"),
			MediationService.LEISURE_AND_CREATION, List.of("numerique--maitriser-les-fondamentaux-du-numerique"),
			MediationService.UNDERSTANDING_DIGITAL_WORLD, List.of("numerique--maitriser-les-fondamentaux-du-numerique"),
			MediationService.INTERNET_AND_EQUIPMENT_ACCESS, List.of("numerique--acceder-a-une-connexion-internet"),
			MediationService.AFFORDABLE_EQUIPMENT, List.of("numerique--acquerir-un-equipement")));

	/** Publics addressed → data·inclusion publics. */
	static final Map<SpecificPublic, String> PUBLICS = new EnumMap<>(Map.of(SpecificPublic.YOUTH, "jeunes",
			SpecificPublic.STUDENTS, "etudiants", SpecificPublic.FAMILIES_AND_CHILDREN, "familles",
			SpecificPublic.SENIORS, "seniors", SpecificPublic.WOMEN, "femmes"));

	/** The specific supports that make a public of people with a disability. */
	static final Set<SpecificSupport> DISABILITIES = Set.of(SpecificSupport.DEAFNESS,
			SpecificSupport.MOTOR_DISABILITIES, SpecificSupport.MENTAL_DISABILITIES, SpecificSupport.VISUAL_IMPAIRMENT);

	/** How a person gets the help → data·inclusion modes de mobilisation. */
	static final Map<AccessMode, String> MOBILISATION = new EnumMap<>(
			Map.of(AccessMode.WALK_IN, "se-presenter", AccessMode.PHONE, "telephoner", AccessMode.EMAIL,
					"envoyer-un-courriel", AccessMode.PRESCRIPTION_BY_EMAIL, "envoyer-un-courriel"));

	/** National programmes → data·inclusion réseaux porteurs (those it lists). */
	static final Map<NationalProgram, String> PROGRAM_NETWORKS = new EnumMap<>(
			Map.of(NationalProgram.AIDANTS_CONNECT, "aidants-connect", NationalProgram.CONSEILLERS_NUMERIQUES,
					"conseillers-numeriques", NationalProgram.FRANCE_SERVICES, "france-service",
					NationalProgram.CROIX_ROUGE, "croix-rouge", NationalProgram.EMMAUS_CONNECT, "emmaus",
					NationalProgram.EMMAUS_CONNECT_RELAY, "emmaus", NationalProgram.CAF_DIGITAL_ACCESS_POINT, "caf",
					NationalProgram.GRANDE_ECOLE_DU_NUMERIQUE, "grandes-ecoles-du-numerique"));

	/** Structure types of the lieux (data·inclusion typologies) → réseaux porteurs. */
	static final Map<String, String> TYPOLOGY_NETWORKS = Map.ofEntries(Map.entry("CCAS", "ccas-cias"),
			Map.entry("CIAS", "ccas-cias"), Map.entry("MUNI", "communes"), Map.entry("MJC", "mjc"),
			Map.entry("CAF", "caf"), Map.entry("MSAP", "msap"), Map.entry("LA_POSTE", "la-poste"),
			Map.entry("ML", "mission-locale"), Map.entry("FT", "france-travail"), Map.entry("PE", "france-travail"),
			Map.entry("CD", "departements"), Map.entry("DEPT", "departements"), Map.entry("REG", "regions"),
			Map.entry("EPN", "espaces-publics-numeriques"), Map.entry("PIMMS", "pimms-mediation"),
			Map.entry("MDPH", "mdph"), Map.entry("MDS", "maisons-des-solidarites"),
			Map.entry("RESSOURCERIE", "ressourceries"), Map.entry("PIJ_BIJ", "reseau-information-jeunesse"),
			Map.entry("E2C", "ecoles-de-la-deuxieme-chance"), Map.entry("CPAM", "cpam"),
			Map.entry("MSA", "mutualite-sociale-agricole"), Map.entry("MDE", "maisons-de-l-emploi"),
			Map.entry("CIDFF", "cidff"), Map.entry("CHRS", "chrs"), Map.entry("CADA", "cada"),
			Map.entry("AFPA", "afpa"), Map.entry("FABRIQUE", "fabrique-de-territoire"));

	private DataInclusionRecords() {
	}

	/** data·inclusion's id of the lieu's structure and of its service. */
	public static String id(Place place) {
		return SOURCE + "--" + place.id();
	}

	/**
	 * The lieu as a data·inclusion {@code structure}.
	 * @param pageUrl the lieu's public page on Maillage ({@code lien_source})
	 */
	public static Map<String, Object> structure(Place place, String pageUrl) {
		Map<String, Object> structure = new LinkedHashMap<>();
		structure.put("source", SOURCE);
		structure.put("id", id(place));
		structure.put("nom", name(place.name()));
		structure.put("date_maj", updatedOn(place).toString());
		structure.put("siret", siret(place.pivot()));
		structure.put("description", description(place.summary() != null ? place.summary() : place.description()));
		structure.put("lien_source", pageUrl);
		structure.put("site_web", place.websites().isEmpty() ? null : place.websites().get(0));
		structure.put("telephone", place.phone());
		structure.put("courriel", mailbox(place.emails()));
		structure.put("horaires_accueil", blankToNull(place.openingHours()));
		structure.put("accessibilite_lieu", accessLibre(place.accessibilitySheetUrl()));
		structure.put("reseaux_porteurs", networks(place));
		putAddress(structure, place);
		return structure;
	}

	/**
	 * The help given at the lieu as one data·inclusion {@code service}; empty when the
	 * lieu names no service (data·inclusion has nothing to classify then).
	 * @param pageUrl the lieu's public page on Maillage ({@code lien_source})
	 */
	public static @Nullable Map<String, Object> service(Place place, String pageUrl) {
		if (place.services().isEmpty()) {
			return null;
		}
		Map<String, Object> service = new LinkedHashMap<>();
		service.put("source", SOURCE);
		service.put("structure_id", id(place));
		service.put("id", id(place));
		service.put("nom", place.services().size() == 1 ? place.services().get(0).label() : "Médiation numérique");
		service.put("description", serviceDescription(place));
		service.put("date_maj", updatedOn(place).toString());
		service.put("lien_source", pageUrl);
		service.put("type", type(place));
		service.put("thematiques", thematiques(place.services()));
		service.put("frais", fees(place.fees()));
		service.put("frais_precisions", joined(place.fees()));
		service.put("publics", publics(place));
		service.put("publics_precisions", joined(place.specificSupports()));
		service.put("modes_accueil", receptionModes(place));
		service.put("modes_mobilisation", mobilisation(place));
		service.put("lien_mobilisation",
				place.accessModes().contains(AccessMode.ONLINE_APPOINTMENT) ? place.appointmentUrl() : null);
		service.put("mobilisable_par", mobilisableBy(place));
		service.put("horaires_accueil", blankToNull(place.openingHours()));
		service.put("telephone", place.phone());
		service.put("courriel", mailbox(place.emails()));
		putAddress(service, place);
		return service;
	}

	/** The thematiques of these national services, each once, in the services' order. */
	static List<String> thematiques(List<MediationService> services) {
		Set<String> themes = new LinkedHashSet<>();
		services.forEach(service -> themes.addAll(THEMATIQUES.get(service)));
		return List.copyOf(themes);
	}

	/**
	 * {@code payant} as soon as some help costs something, {@code gratuit} when all is
	 * free (under conditions too: the conditions go to {@code frais_precisions}), null
	 * when the lieu says nothing.
	 */
	static @Nullable String fees(List<Fee> fees) {
		if (fees.isEmpty()) {
			return null;
		}
		return fees.contains(Fee.PAID) ? "payant" : "gratuit";
	}

	/**
	 * Publics addressed; a lieu that names none welcomes everyone ({@code tous-publics}).
	 */
	static List<String> publics(Place place) {
		Set<String> publics = new LinkedHashSet<>();
		place.publics().forEach(value -> publics.add(PUBLICS.get(value)));
		if (place.specificSupports().stream().anyMatch(DISABILITIES::contains)) {
			publics.add("personnes-en-situation-de-handicap");
		}
		if (publics.isEmpty()) {
			publics.add("tous-publics");
		}
		return List.copyOf(publics);
	}

	/** A workshop when help is only given in groups, else personal help. */
	static String type(Place place) {
		List<SupportMode> modes = place.supportModes();
		if (!modes.isEmpty() && modes.stream().allMatch(mode -> mode == SupportMode.GROUP_WORKSHOP)) {
			return "atelier";
		}
		if (place.services()
			.stream()
			.allMatch(service -> service == MediationService.INTERNET_AND_EQUIPMENT_ACCESS
					|| service == MediationService.AFFORDABLE_EQUIPMENT)) {
			return "aide-materielle";
		}
		return "accompagnement";
	}

	/** Remote help when the lieu says so; on site unless it receives no public. */
	static @Nullable List<String> receptionModes(Place place) {
		List<String> modes = new ArrayList<>();
		boolean noPublic = place.accessModes().contains(AccessMode.NO_PUBLIC_RECEPTION);
		if (!noPublic && !place.address().isBlank()) {
			modes.add("en-presentiel");
		}
		if (place.supportModes().contains(SupportMode.REMOTE)) {
			modes.add("a-distance");
		}
		return modes.isEmpty() ? null : modes;
	}

	static @Nullable List<String> mobilisation(Place place) {
		Set<String> modes = new LinkedHashSet<>();
		for (AccessMode mode : place.accessModes()) {
			if (MOBILISATION.containsKey(mode)) {
				modes.add(MOBILISATION.get(mode));
			}
			else if (mode == AccessMode.ONLINE_APPOINTMENT && place.appointmentUrl() != null) {
				modes.add("utiliser-lien-mobilisation");
			}
		}
		return modes.isEmpty() ? null : List.copyOf(modes);
	}

	/**
	 * Professionals may always orient a person to a lieu; the person herself may come
	 * unless the only way in is a professional's prescription.
	 */
	static List<String> mobilisableBy(Place place) {
		List<AccessMode> modes = place.accessModes();
		if (!modes.isEmpty() && modes.stream().allMatch(mode -> mode == AccessMode.PRESCRIPTION_BY_EMAIL)) {
			return List.of("professionnels");
		}
		return List.of("professionnels", "usagers");
	}

	static @Nullable List<String> networks(Place place) {
		Set<String> networks = new LinkedHashSet<>();
		place.nationalPrograms()
			.stream()
			.filter(PROGRAM_NETWORKS::containsKey)
			.forEach(program -> networks.add(PROGRAM_NETWORKS.get(program)));
		place.typologies()
			.stream()
			.filter(TYPOLOGY_NETWORKS::containsKey)
			.forEach(typology -> networks.add(TYPOLOGY_NETWORKS.get(typology)));
		return networks.isEmpty() ? null : List.copyOf(networks);
	}

	private static void putAddress(Map<String, Object> record, Place place) {
		record.put("commune", blankToNull(place.commune()));
		record.put("code_postal", POSTAL_CODE.matcher(place.postalCode()).matches() ? place.postalCode() : null);
		record.put("code_insee", place.codeInsee() != null && FIVE_CHARACTERS.matcher(place.codeInsee()).matches()
				? place.codeInsee() : null);
		record.put("adresse", blankToNull(place.address()));
		record.put("complement_adresse", blankToNull(place.addressComplement()));
		record.put("longitude", place.coordinates() == null ? null : place.coordinates().longitude());
		record.put("latitude", place.coordinates() == null ? null : place.coordinates().latitude());
	}

	/** data·inclusion wants 3 to 150 characters, not ending with a full stop. */
	static String name(String name) {
		String trimmed = name.strip();
		if (trimmed.length() > 150) {
			trimmed = trimmed.substring(0, 149).strip() + "…";
		}
		while (trimmed.endsWith(".") && !trimmed.endsWith("etc.")) {
			trimmed = trimmed.substring(0, trimmed.length() - 1).strip();
		}
		if (trimmed.length() < 3) {
			return trimmed.isEmpty() ? "Lieu de médiation numérique"
					: "Lieu de médiation numérique « " + trimmed + " »";
		}
		return trimmed;
	}

	/** The lieu's own text when it is usable (5 to 10 000 characters), else null. */
	static @Nullable String description(@Nullable String text) {
		if (text == null || text.strip().length() < 5) {
			return null;
		}
		String trimmed = text.strip();
		return trimmed.length() > 10_000 ? trimmed.substring(0, 9_999) + "…" : trimmed;
	}

	/**
	 * A service's description is required: the lieu's text when it has one, else the help
	 * it gives in plain words.
	 */
	static String serviceDescription(Place place) {
		String own = description(place.description() != null ? place.description() : place.summary());
		if (own != null) {
			return own;
		}
		StringBuilder text = new StringBuilder("Aide au numérique proposée ici : ");
		List<String> words = place.services().stream().map(MediationService::plainWords).toList();
		text.append(String.join(" ; ", words)).append('.');
		return description(text.toString());
	}

	/**
	 * The first address data·inclusion can take, if any: an ASCII mailbox whose domain
	 * exists (the import warned the producer about the others).
	 */
	static @Nullable String mailbox(List<String> emails) {
		return emails.stream()
			.filter(email -> MAILBOX.matcher(email).matches() && TopLevelDomains.isKnownMailDomain(email))
			.findFirst()
			.orElse(null);
	}

	static @Nullable String siret(@Nullable String pivot) {
		return pivot != null && SIRET.matcher(pivot).matches() && !pivot.equals("00000000000000") ? pivot : null;
	}

	/**
	 * Only an Accèslibre page is what data·inclusion calls {@code accessibilite_lieu}.
	 */
	static @Nullable String accessLibre(@Nullable String url) {
		return url != null && url.contains("acceslibre.beta.gouv.fr") ? url : null;
	}

	/** The producer's date, else when Maillage last saw it change. */
	static LocalDate updatedOn(Place place) {
		if (place.updatedOn() != null) {
			return place.updatedOn();
		}
		return place.changedAt() == null ? LocalDate.now(ZoneOffset.UTC)
				: place.changedAt().atZone(ZoneOffset.UTC).toLocalDate();
	}

	private static @Nullable String joined(List<? extends Vocabulary> values) {
		return values.isEmpty() ? null : String.join(", ", values.stream().map(Vocabulary::label).toList());
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
