package fr.maillage.opendata.publishing.hsds;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.maillage.opendata.publishing.SchemaRecords;
import fr.maillage.opendata.schema.SchemaField;
import fr.maillage.places.Place;
import fr.maillage.places.hours.OpeningHours;
import fr.maillage.places.hours.OpeningHoursEvaluator;
import org.jspecify.annotations.Nullable;

/**
 * A lieu as Open Referral's Human Services Data Specification 3.0 sees it (issue 19,
 * docs/hsds.md): a {@code location} (the place, its address, phone, accessibility sheet
 * and opening hours as weekly RRULE schedules), a {@code service} (the digital inclusion
 * help given there, with the national vocabulary as taxonomy terms), the
 * {@code service_at_location} that joins them, and the {@code organization} that runs it
 * (its SIRET, or else the name of its parent structure, or else the lieu itself). Ids:
 * location, service and service at location carry the lieu's id; the others are
 * name-based UUIDs, stable as the lieu is. Absent values are left out (HSDS fields are
 * not nullable). Pure: no Spring, no database.
 */
public final class HsdsRecords {

	/** The HSDS version these records follow. */
	public static final String VERSION = "3.0";

	private static final Pattern SIRET = Pattern.compile("\\d{14}");

	private static final Pattern SPAN = Pattern.compile("(\\d{1,2}):(\\d{2}) – (\\d{1,2}):(\\d{2})");

	/** The blanks that SQL's {@code btrim(x, E' \t\n\r')} removes too (the same key). */
	private static final Pattern EDGE_SPACES = Pattern.compile("^[ \t\n\r]+|[ \t\n\r]+$");

	private static final List<String> DAYS = List.of("MO", "TU", "WE", "TH", "FR", "SA", "SU");

	/**
	 * The national vocabularies used as HSDS taxonomies: schema field → taxonomy name.
	 */
	static final Map<String, String> TAXONOMIES = Map.of("services",
			"Services de médiation numérique (schéma national v1.0.2)", "publics_specifiquement_adresses",
			"Publics spécifiquement adressés (schéma national v1.0.2)", "modalites_accompagnement",
			"Modalités d'accompagnement (schéma national v1.0.2)", "modalites_acces",
			"Modalités d'accès (schéma national v1.0.2)", "dispositif_programmes_nationaux",
			"Dispositifs et programmes nationaux (schéma national v1.0.2)", "prise_en_charge_specifique",
			"Prise en charge spécifique (schéma national v1.0.2)");

	/** The taxonomies in the order of their field's name, as the attributes list them. */
	private static final List<Map.Entry<String, String>> SORTED_TAXONOMIES = TAXONOMIES.entrySet()
		.stream()
		.sorted(Map.Entry.comparingByKey())
		.toList();

	private HsdsRecords() {
	}

	/** A name-based UUID for an HSDS object derived from a lieu (or a structure). */
	public static String id(String kind, String key) {
		return nameUuid(("maillage:" + kind + ":" + key).getBytes(StandardCharsets.UTF_8)).toString();
	}

	/**
	 * {@link UUID#nameUUIDFromBytes} (version 3, MD5) with one digest per thread: looking
	 * the digest up for each of the package's 1,5 million ids was a visible part of its
	 * time (docs/performance.md). The same UUIDs.
	 */
	static UUID nameUuid(byte[] name) {
		MessageDigest md5 = MD5.get();
		byte[] hash = md5.digest(name);
		hash[6] &= 0x0f;
		hash[6] |= 0x30;
		hash[8] &= 0x3f;
		hash[8] |= (byte) 0x80;
		long msb = 0;
		long lsb = 0;
		for (int i = 0; i < 8; i++) {
			msb = (msb << 8) | (hash[i] & 0xff);
		}
		for (int i = 8; i < 16; i++) {
			lsb = (lsb << 8) | (hash[i] & 0xff);
		}
		return new UUID(msb, lsb);
	}

	private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> {
		try {
			return MessageDigest.getInstance("MD5");
		}
		catch (NoSuchAlgorithmException absent) {
			throw new IllegalStateException("MD5 not supported", absent);
		}
	});

	/**
	 * Services, locations and services at location are one per lieu: each table uses the
	 * lieu's id (HSDS ids are unique per table), so each answers {@code /{id}} directly.
	 */
	public static String serviceId(String lieuId) {
		return lieuId;
	}

	public static String serviceAtLocationId(String lieuId) {
		return lieuId;
	}

	/**
	 * What identifies the organization of a lieu: {@code siret:<14 digits>} when its
	 * pivot is a real SIRET, {@code structure:<name>} when it names its parent structure,
	 * else {@code lieu:<id>} (the lieu is its own organization).
	 */
	public static String organizationKey(Place place) {
		String pivot = place.pivot();
		if (pivot != null && SIRET.matcher(pivot).matches() && !pivot.equals("00000000000000")) {
			return "siret:" + pivot;
		}
		// the lieu's id (a digest) only when it is needed
		return organizationKey(place.id(), null, place.parentStructure());
	}

	public static String organizationKey(String lieuId, @Nullable String pivot, @Nullable String parentStructure) {
		if (pivot != null && SIRET.matcher(pivot).matches() && !pivot.equals("00000000000000")) {
			return "siret:" + pivot;
		}
		String structure = parentStructure == null ? "" : EDGE_SPACES.matcher(parentStructure).replaceAll("");
		if (!structure.isEmpty()) {
			return "structure:" + structure;
		}
		return "lieu:" + lieuId;
	}

	public static String organizationId(String key) {
		return id("organization", key);
	}

	/** The one-to-one fields of an organization ({@code organization_list}). */
	public static Map<String, Object> organization(String key, String name, int lieux) {
		Map<String, Object> organization = new LinkedHashMap<>();
		organization.put("id", organizationId(key));
		organization.put("name", name);
		organization.put("description", lieux == 1 ? "Structure d'un lieu de médiation numérique publié par Maillage."
				: "Structure de " + lieux + " lieux de médiation numérique publiés par Maillage.");
		if (key.startsWith("siret:")) {
			organization.put("tax_id", key.substring("siret:".length()));
		}
		return organization;
	}

	/** An organization with its identifiers and its locations ({@code organization}). */
	public static Map<String, Object> fullOrganization(String key, String name, List<Place> places) {
		Map<String, Object> organization = organization(key, name, places.size());
		List<Map<String, Object>> identifiers = new ArrayList<>();
		if (key.startsWith("siret:")) {
			Map<String, Object> siret = new LinkedHashMap<>();
			siret.put("id", id("organization_identifier", key));
			siret.put("organization_id", organizationId(key));
			siret.put("identifier_scheme", "FR-RCS");
			siret.put("identifier_type", "SIRET");
			siret.put("identifier", key.substring("siret:".length()));
			identifiers.add(siret);
		}
		organization.put("organization_identifiers", identifiers);
		organization.put("locations", places.stream().map(place -> location(place, key)).toList());
		return organization;
	}

	/** The lieu as a physical location, with everything that belongs to the place. */
	public static Map<String, Object> location(Place place, String organizationKey) {
		String lieuId = place.id();
		Map<String, Object> location = new LinkedHashMap<>();
		location.put("id", lieuId);
		location.put("location_type", "physical");
		location.put("organization_id", organizationId(organizationKey));
		location.put("name", place.name());
		put(location, "description", place.summary());
		if (place.coordinates() != null) {
			location.put("latitude", place.coordinates().latitude());
			location.put("longitude", place.coordinates().longitude());
		}
		if (place.pivot() != null && !place.pivot().equals("00000000000000")) {
			location.put("external_identifier", place.pivot());
			location.put("external_identifier_type", place.pivot().length() == 14 ? "SIRET" : "RNA");
		}
		Map<String, Object> address = new LinkedHashMap<>();
		address.put("id", id("address", lieuId));
		address.put("location_id", lieuId);
		address.put("address_1", place.address());
		put(address, "address_2", place.addressComplement());
		address.put("city", place.commune());
		address.put("state_province", place.departement());
		address.put("postal_code", place.postalCode());
		address.put("country", "FR");
		address.put("address_type", "physical");
		location.put("addresses", List.of(address));
		location.put("phones", phones(place, lieuId, "location_id", lieuId));
		List<Map<String, Object>> accessibility = new ArrayList<>();
		if (place.accessibilitySheetUrl() != null) {
			Map<String, Object> sheet = new LinkedHashMap<>();
			sheet.put("id", id("accessibility", lieuId));
			sheet.put("location_id", lieuId);
			sheet.put("description", "Fiche Accès Libre du lieu");
			sheet.put("url", place.accessibilitySheetUrl());
			accessibility.add(sheet);
		}
		location.put("accessibility", accessibility);
		location.put("schedules", schedules(place, lieuId, "location_id", lieuId));
		return location;
	}

	private static List<Map<String, Object>> phones(Place place, String lieuId, String link, String linkId) {
		if (place.phone() == null) {
			return List.of();
		}
		Map<String, Object> phone = new LinkedHashMap<>();
		phone.put("id", id("phone:" + link, lieuId));
		phone.put(link, linkId);
		phone.put("number", place.phone());
		return List.of(phone);
	}

	/**
	 * Opening hours as weekly schedules (RFC 5545 RRULE parts, as HSDS 3.0 writes them):
	 * one per span of time, with the days that share it; hours the evaluator cannot read
	 * as a week (dates, school holidays) are one schedule holding them as text.
	 */
	static List<Map<String, Object>> schedules(Place place, String link, String linkId) {
		return schedules(place, place.id(), link, linkId);
	}

	private static List<Map<String, Object>> schedules(Place place, String lieuId, String link, String linkId) {
		if (place.openingHours() == null) {
			return List.of();
		}
		OpeningHours hours = OpeningHours.parse(place.openingHours());
		List<Map<String, Object>> schedules = new ArrayList<>();
		if (!hours.isSupported()) {
			Map<String, Object> schedule = new LinkedHashMap<>();
			schedule.put("id", id("schedule:" + link, lieuId));
			schedule.put(link, linkId);
			schedule.put("description", "Horaires (format OpenStreetMap) : " + place.openingHours());
			schedule.put("notes", place.openingHours());
			return List.of(schedule);
		}
		// span → days that have it, in week order
		Map<String, List<String>> daysOfSpan = new LinkedHashMap<>();
		List<OpeningHoursEvaluator.DayHours> week = OpeningHoursEvaluator.weeklyTable(hours);
		for (int day = 0; day < week.size(); day++) {
			for (String span : week.get(day).plages()) {
				daysOfSpan.computeIfAbsent(span, any -> new ArrayList<>()).add(DAYS.get(day));
			}
		}
		daysOfSpan.forEach((span, days) -> {
			Matcher times = SPAN.matcher(span);
			if (!times.matches()) {
				return;
			}
			Map<String, Object> schedule = new LinkedHashMap<>();
			schedule.put("id", id("schedule:" + link + ":" + span, lieuId));
			schedule.put(link, linkId);
			schedule.put("freq", "WEEKLY");
			schedule.put("wkst", "MO");
			schedule.put("byday", String.join(",", days));
			schedule.put("opens_at", time(times.group(1), times.group(2)));
			schedule.put("closes_at", time(times.group(3), times.group(4)));
			schedule.put("description", "Horaires (format OpenStreetMap) : " + place.openingHours());
			schedules.add(schedule);
		});
		return schedules;
	}

	/**
	 * {@code 9}, {@code 30} → {@code 09:30} (String.format was slow for 400 000 times).
	 */
	private static String time(String hours, String minutes) {
		int hour = Integer.parseInt(hours);
		return (hour < 10 ? "0" + hour : String.valueOf(hour)) + ":" + minutes;
	}

	/** The one-to-one fields of the lieu's service ({@code service_list}). */
	public static Map<String, Object> service(Place place, String organizationKey) {
		Map<String, Object> service = new LinkedHashMap<>();
		String lieuId = place.id();
		service.put("id", serviceId(lieuId));
		service.put("organization_id", organizationId(organizationKey));
		service.put("name", "Médiation numérique — " + place.name());
		String description = place.description() != null ? place.description() : place.summary();
		put(service, "description", description);
		if (!place.websites().isEmpty()) {
			service.put("url", place.websites().get(0));
		}
		if (!place.emails().isEmpty()) {
			service.put("email", place.emails().get(0));
		}
		service.put("status", "active");
		List<String> fees = labels(place, "frais_a_charge");
		if (!fees.isEmpty()) {
			service.put("fees_description", String.join(", ", fees));
		}
		List<String> access = labels(place, "modalites_acces");
		if (!access.isEmpty() || place.appointmentUrl() != null) {
			service.put("application_process", String.join(", ", access) + (place.appointmentUrl() == null ? ""
					: (access.isEmpty() ? "" : ". ") + "Prise de rendez-vous : " + place.appointmentUrl()));
		}
		List<String> publics = labels(place, "publics_specifiquement_adresses");
		if (!publics.isEmpty()) {
			service.put("eligibility_description", "Publics spécifiquement adressés : " + String.join(", ", publics));
		}
		if (place.updatedOn() != null) {
			service.put("assured_date", place.updatedOn().toString());
		}
		if (place.changedAt() != null) {
			service.put("last_modified", place.changedAt().atOffset(ZoneOffset.UTC).toString());
		}
		return service;
	}

	/**
	 * The service with what belongs to it: phones, schedules, costs, its taxonomy terms
	 * (attributes), its organization and its service at location.
	 */
	public static Map<String, Object> fullService(Place place, String organizationKey, String organizationName,
			int organizationLieux) {
		Map<String, Object> service = service(place, organizationKey);
		String serviceId = serviceId(place.id());
		service.put("phones", phones(place, place.id(), "service_id", serviceId));
		service.put("schedules", schedules(place, place.id(), "service_id", serviceId));
		service.put("cost_options", costOptions(place, serviceId));
		service.put("attributes", attributes(place, serviceId));
		service.put("organization", organization(organizationKey, organizationName, organizationLieux));
		service.put("service_at_locations", List.of(serviceAtLocation(place, organizationKey, true)));
		return service;
	}

	/** The lieu's fees ({@code frais_a_charge}) as cost options; free is 0 €. */
	static List<Map<String, Object>> costOptions(Place place, String serviceId) {
		List<String> fees = labels(place, "frais_a_charge");
		if (fees.isEmpty()) {
			return List.of();
		}
		String lieuId = place.id();
		return fees.stream().map(fee -> {
			Map<String, Object> cost = new LinkedHashMap<>();
			cost.put("id", id("cost_option:" + fee, lieuId));
			cost.put("service_id", serviceId);
			cost.put("option", fee);
			if (fee.equals("Gratuit")) {
				cost.put("amount", 0);
				cost.put("currency", "EUR");
			}
			return cost;
		}).toList();
	}

	/** The lieu's vocabulary values as HSDS attributes, each with its taxonomy term. */
	static List<Map<String, Object>> attributes(Place place, String serviceId) {
		List<Map<String, Object>> attributes = new ArrayList<>();
		String lieuId = place.id();
		SORTED_TAXONOMIES.forEach(taxonomy -> {
			for (String label : labels(place, taxonomy.getKey())) {
				Map<String, Object> term = new LinkedHashMap<>();
				term.put("id", id("taxonomy_term:" + taxonomy.getKey(), label));
				term.put("code", label);
				term.put("name", label);
				term.put("description", label + " — valeur de « " + taxonomy.getKey()
						+ " » du schéma national des lieux de médiation numérique.");
				term.put("taxonomy", taxonomy.getValue());
				term.put("taxonomy_id", id("taxonomy", taxonomy.getValue()));
				term.put("language", "fr");
				Map<String, Object> attribute = new LinkedHashMap<>();
				attribute.put("id", id("attribute:" + taxonomy.getKey() + ":" + label, lieuId));
				attribute.put("link_id", serviceId);
				attribute.put("taxonomy_term_id", term.get("id"));
				attribute.put("link_type", taxonomy.getKey());
				attribute.put("link_entity", "service");
				attribute.put("value", label);
				attribute.put("taxonomy_term", term);
				attributes.add(attribute);
			}
		});
		return attributes;
	}

	/** The service at the lieu; with {@code nested}, the location inside. */
	public static Map<String, Object> serviceAtLocation(Place place, String organizationKey, boolean nested) {
		Map<String, Object> join = new LinkedHashMap<>();
		String lieuId = place.id();
		join.put("id", serviceAtLocationId(lieuId));
		join.put("service_id", serviceId(lieuId));
		join.put("location_id", lieuId);
		put(join, "description", place.summary());
		if (nested) {
			join.put("location", location(place, organizationKey));
		}
		return join;
	}

	/** The labels of a list field, as the lieu's JSON record gives them. */
	private static List<String> labels(Place place, String field) {
		return SchemaRecords.labels(place, FIELDS.get(field));
	}

	/** The schema's list fields read here, by column name. */
	private static final Map<String, SchemaField> FIELDS = java.util.stream.Stream
		.of(SchemaField.FRAIS_A_CHARGE, SchemaField.MODALITES_ACCES, SchemaField.PUBLICS_SPECIFIQUEMENT_ADRESSES,
				SchemaField.SERVICES, SchemaField.MODALITES_ACCOMPAGNEMENT, SchemaField.DISPOSITIF_PROGRAMMES_NATIONAUX,
				SchemaField.PRISE_EN_CHARGE_SPECIFIQUE)
		.collect(java.util.stream.Collectors.toUnmodifiableMap(SchemaField::columnName, field -> field));

	private static void put(Map<String, Object> map, String key, @Nullable Object value) {
		if (value != null && !(value instanceof String text && text.isBlank())) {
			map.put(key, value);
		}
	}

}
