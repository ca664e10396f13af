package fr.maillage.opendata.importing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import fr.maillage.shared.importing.ImportIssue;
import fr.maillage.opendata.schema.LegacyMapping;
import fr.maillage.opendata.schema.SchemaField;
import fr.maillage.places.hours.FrenchHoursReader;
import fr.maillage.places.hours.HoursReading;
import fr.maillage.opendata.schema.Vocabularies;
import fr.maillage.opendata.schema.VocabularyMatcher;
import fr.maillage.places.Geocoding;
import fr.maillage.places.Place;
import fr.maillage.places.PlaceOrigin;
import fr.maillage.places.vocabulary.AccessMode;
import fr.maillage.places.vocabulary.Fee;
import fr.maillage.places.vocabulary.Itinerance;
import fr.maillage.places.vocabulary.MediationService;
import fr.maillage.places.vocabulary.NationalProgram;
import fr.maillage.places.vocabulary.SpecificPublic;
import fr.maillage.places.vocabulary.SpecificSupport;
import fr.maillage.places.vocabulary.SupportMode;
import fr.maillage.places.vocabulary.TrainingLabel;
import fr.maillage.places.vocabulary.Typologies;
import fr.maillage.places.vocabulary.Vocabulary;
import fr.maillage.shared.geo.Coordinates;
import fr.maillage.shared.text.TopLevelDomains;
import fr.maillage.shared.text.TextFolding;
import fr.maillage.shared.text.WebAddresses;
import fr.maillage.territories.CommuneRef;
import org.jspecify.annotations.Nullable;

/**
 * Turns one raw record of schema v1.0.x or v0.1.x into a normalised {@link Place}, or
 * rejects it. The policy (ADR 0004): a problem that can be fixed without guessing is
 * fixed and reported as a warning; an optional value that cannot be fixed is dropped and
 * reported with its value; only a missing or invalid required value rejects the record.
 * Pure: no I/O, the clock only decides what "in the future" means.
 */
public final class RecordNormalizer {

	/**
	 * Dates that producers' tools write when they have none (Unix epoch shown in a UTC−x
	 * time zone).
	 */
	private static final Set<LocalDate> PLACEHOLDER_DATES = Set.of(LocalDate.of(1969, 12, 31),
			LocalDate.of(1970, 1, 1));

	private static final Pattern ALL_ZEROS = Pattern.compile("^0+$");

	private static final Pattern DIGITS = Pattern.compile("^\\d+$");

	/**
	 * An address people can write to and a {@code mailto:} link can hold: letters, digits
	 * and the few signs real addresses use; quotes, angle brackets, slashes and the like
	 * (a way to break out of a link) are refused.
	 */
	private static final Pattern EMAIL = Pattern
		.compile("^[\\p{L}\\p{N}._%+'-]+@[\\p{L}\\p{N}-]+(\\.[\\p{L}\\p{N}-]+)*\\.\\p{L}{2,}$");

	private static final Pattern PIVOT_SEPARATORS = Pattern.compile("[\\s.]");

	private static final Pattern SPACES = Pattern.compile("[\\s\\u00a0]+");

	private static final Pattern LIST_SEPARATOR = Pattern.compile("\\s*[|;]\\s*");

	private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu");

	/**
	 * Beyond this distance from its commune's centre, a place's coordinates are reported
	 * as doubtful.
	 */
	static final double FAR_FROM_COMMUNE_KM = 20;

	/**
	 * Longest value an issue repeats: enough to find it in the file, without copying a
	 * value that was refused for its size into the report.
	 */
	static final int ISSUE_VALUE_LENGTH = 500;

	/**
	 * Limit of the v0.1 list columns translated into v1 lists (and of the coordinates of
	 * a GeoJSON geometry).
	 */
	private static final int OTHER_COLUMN_LIMIT = 1_000;

	private final Clock clock;

	private final CommuneReferential communes;

	public RecordNormalizer(Clock clock, CommuneReferential communes) {
		this.clock = clock;
		this.communes = communes;
	}

	public RecordOutcome normalize(RawRecord record, String importSource) {
		return new Check(record).run(importSource);
	}

	/** The work on one record: reads fields, collects warnings and errors. */
	private final class Check {

		private final RawRecord record;

		/** The record's values but those over their length limit. */
		private final Map<String, Object> values;

		/** Required fields refused for their length (reported once). */
		private final Set<String> tooLong = new java.util.HashSet<>();

		private final List<ImportIssue> warnings = new ArrayList<>();

		private final List<ImportIssue> errors = new ArrayList<>();

		Check(RawRecord record) {
			this.record = record;
			this.values = withinLimits(record.values());
		}

		/**
		 * Leaves out every value over its field's limit (ADR 0004: an optional one is
		 * dropped with a warning, a required one rejects the record), before any other
		 * rule reads — and copies — it.
		 */
		private Map<String, Object> withinLimits(Map<String, Object> raw) {
			Map<String, Object> kept = null;
			for (Map.Entry<String, Object> entry : raw.entrySet()) {
				int limit = limitOf(entry.getKey());
				if (entry.getValue() == null || limit == Integer.MAX_VALUE) {
					continue;
				}
				String text = asText(entry.getValue());
				if (text.strip().length() <= limit) {
					continue;
				}
				if (kept == null) {
					kept = new java.util.LinkedHashMap<>(raw);
				}
				kept.remove(entry.getKey());
				String message = "Texte trop long : " + text.strip().length() + " caractères, au plus " + limit
						+ " pour « " + entry.getKey() + " »";
				SchemaField field = SchemaField.findByColumnName(entry.getKey()).orElse(null);
				if (field != null && field.required()) {
					tooLong.add(field.columnName());
					error(entry.getKey(), text, message + ".");
				}
				else {
					warn(entry.getKey(), text, message + " : ignoré.");
				}
			}
			return kept == null ? raw : kept;
		}

		private int limitOf(String column) {
			String v1Name = LegacyMapping.RENAMED_COLUMNS.getOrDefault(column, column);
			Optional<SchemaField> field = SchemaField.findByColumnName(v1Name);
			if (field.isPresent()) {
				// a too-long summary is shortened, not dropped (ADR 0004, rule 1)
				return field.get() == SchemaField.PRESENTATION_RESUME ? SchemaField.PRESENTATION_DETAIL.lengthLimit()
						: field.get().lengthLimit();
			}
			if (LegacyMapping.TRANSLATED_COLUMNS.contains(column) || column.startsWith("__geometry_")) {
				return OTHER_COLUMN_LIMIT;
			}
			// not read by the normaliser
			return Integer.MAX_VALUE;
		}

		RecordOutcome run(String importSource) {
			String id = required(SchemaField.ID);
			String name = required(SchemaField.NOM);
			String commune = required(SchemaField.COMMUNE);
			String address = required(SchemaField.ADRESSE);
			String postalCode = postalCode();
			LocalDate updatedOn = updatedOn();
			String pivot = pivot();
			Coordinates coordinates = coordinates();
			String codeInsee = codeInsee();
			if (codeInsee == null && !postalCode.isEmpty()) {
				codeInsee = deriveCodeInsee(postalCode, commune);
			}
			Geocoding geocoding = null;
			if (codeInsee != null && errors.isEmpty()) {
				CommuneRef reference = communes.findCommune(codeInsee).orElse(null);
				if (reference != null) {
					checkConsistency(reference, postalCode, coordinates);
					if (coordinates == null && reference.centre() != null) {
						coordinates = new Coordinates(reference.centre().lat(), reference.centre().lon());
						geocoding = Geocoding.COMMUNE_CENTRE;
						warn("latitude", null, "Pas de coordonnées : le lieu est placé au centre de la commune "
								+ reference.nom() + " (position approximative).");
					}
				}
			}
			String summary = text("presentation_resume", false);
			String description = text("presentation_detail", true);
			if (summary != null && summary.length() > 280) {
				warn("presentation_resume", summary, "Résumé de " + summary.length()
						+ " caractères, au-delà des 280 du standard : il est raccourci"
						+ (description == null ? " et le texte complet est placé dans presentation_detail." : "."));
				if (description == null) {
					description = summary;
				}
				summary = shorten(summary, 280);
			}
			Lists lists = new Lists();
			List<String> otherLabels = new ArrayList<>(split(column("autres_formations_labels")));
			otherLabels.addAll(lists.otherLabels);
			if (!errors.isEmpty()) {
				return new RecordOutcome.Rejected(errors, warnings);
			}
			Place place = new Place(new PlaceOrigin(importSource, id), pivot, name, commune, postalCode, codeInsee,
					address, text("complement_adresse", false), coordinates, typologies(), telephone(), emails(),
					websites(), openingHours(), summary, description, text("source", false),
					lists.vocabulary(SchemaField.ITINERANCE, Vocabularies.ITINERANCE, Itinerance.class),
					text("structure_parente", false), updatedOn,
					lists.vocabulary(SchemaField.SERVICES, Vocabularies.SERVICES, MediationService.class),
					lists.vocabulary(SchemaField.PUBLICS_SPECIFIQUEMENT_ADRESSES, Vocabularies.PUBLICS,
							SpecificPublic.class),
					lists.vocabulary(SchemaField.PRISE_EN_CHARGE_SPECIFIQUE, Vocabularies.SPECIFIC_SUPPORTS,
							SpecificSupport.class),
					lists.vocabulary(SchemaField.FRAIS_A_CHARGE, Vocabularies.FEES, Fee.class),
					lists.vocabulary(SchemaField.DISPOSITIF_PROGRAMMES_NATIONAUX, Vocabularies.NATIONAL_PROGRAMS,
							NationalProgram.class),
					lists.vocabulary(SchemaField.FORMATIONS_LABELS, Vocabularies.TRAINING_LABELS, TrainingLabel.class),
					otherLabels.isEmpty() ? null : String.join("|", new LinkedHashSet<>(otherLabels)),
					lists.vocabulary(SchemaField.MODALITES_ACCES, Vocabularies.ACCESS_MODES, AccessMode.class),
					lists.vocabulary(SchemaField.MODALITES_ACCOMPAGNEMENT, Vocabularies.SUPPORT_MODES,
							SupportMode.class),
					webAddress(SchemaField.FICHE_ACCES_LIBRE), webAddress(SchemaField.PRISE_RDV), geocoding, null);
			return new RecordOutcome.Accepted(place, warnings);
		}

		// --- reading
		// -----------------------------------------------------------------------------------------

		/**
		 * The raw value of a v1 column, or of the v0.1 column renamed to it; with the
		 * name it was found under.
		 */
		private @Nullable Column column(String v1Name) {
			Object value = values.get(v1Name);
			if (value != null) {
				return new Column(v1Name, value);
			}
			for (Map.Entry<String, String> renamed : LegacyMapping.RENAMED_COLUMNS.entrySet()) {
				if (renamed.getValue().equals(v1Name) && values.get(renamed.getKey()) != null) {
					return new Column(renamed.getKey(), values.get(renamed.getKey()));
				}
			}
			return null;
		}

		private @Nullable String text(String v1Name, boolean multiline) {
			Column column = column(v1Name);
			return column == null ? null : clean(column, multiline);
		}

		/**
		 * Trimmed text; runs of spaces collapsed (except in long texts); a warning when
		 * that changed it.
		 */
		private @Nullable String clean(Column column, boolean multiline) {
			String raw = asText(column.value());
			String cleaned = multiline ? raw.strip().replace("\r\n", "\n") : collapseSpaces(raw);
			if (cleaned.isEmpty()) {
				return null;
			}
			if (!cleaned.equals(raw.strip().replace("\r\n", "\n")) || !raw.strip().equals(raw)) {
				warn(column.name(), raw, "Espaces superflus supprimés.");
			}
			return cleaned;
		}

		private String required(SchemaField field) {
			Column column = column(field.columnName());
			String value = column == null ? null : clean(column, false);
			if (value == null && tooLong.contains(field.columnName())) {
				return "";
			}
			if (value == null) {
				error(field.columnName(), column == null ? null : asText(column.value()),
						"Champ obligatoire manquant : « " + field.columnName() + " ».");
				return "";
			}
			return value;
		}

		// --- identity and address
		// --------------------------------------------------------------------------

		private String postalCode() {
			Column column = column("code_postal");
			String value = column == null ? null : clean(column, false);
			if (value == null && tooLong.contains("code_postal")) {
				return "";
			}
			if (value == null) {
				error("code_postal", null, "Champ obligatoire manquant : « code_postal ».");
				return "";
			}
			String digits = value.replace(" ", "");
			if (DIGITS.matcher(digits).matches() && digits.length() == 4) {
				warn("code_postal", value,
						"Code postal de 4 chiffres : le zéro initial perdu est rétabli (" + "0" + digits + ").");
				return "0" + digits;
			}
			if (!DIGITS.matcher(digits).matches() || digits.length() != 5) {
				error("code_postal", value, "Code postal invalide : 5 chiffres attendus.");
				return "";
			}
			if (!digits.equals(value)) {
				warn("code_postal", value, "Espaces retirés du code postal.");
			}
			return digits;
		}

		private @Nullable String codeInsee() {
			Column column = column("code_insee");
			String value = column == null ? null : clean(column, false);
			if (value == null) {
				return null;
			}
			String code = value.toUpperCase();
			if (DIGITS.matcher(code).matches() && code.length() == 4) {
				warn("code_insee", value, "Code INSEE de 4 chiffres : le zéro initial perdu est rétabli.");
				code = "0" + code;
			}
			if (!SchemaField.CODE_INSEE.pattern().matcher(code).matches()) {
				warn("code_insee", value, "Code INSEE invalide : ignoré.");
				return null;
			}
			Optional<String> current = communes.findCurrentCode(code);
			if (current.isEmpty()) {
				warn("code_insee", value, "Code INSEE inconnu du découpage administratif 2026 : ignoré.");
				return null;
			}
			if (!current.get().equals(code)) {
				warn("code_insee", value,
						"Ancien code INSEE (commune fusionnée) : remplacé par le code actuel " + current.get() + ".");
			}
			return current.get();
		}

		/**
		 * The commune of a postcode: the one whose name is the given name (accents, case
		 * and punctuation aside), else the only arrondissement of that commune for the
		 * postcode ("Lyon" + 69002 → Lyon 2e), else the only commune of the postcode.
		 * Nothing when it stays ambiguous.
		 */
		private @Nullable String deriveCodeInsee(String postalCode, String communeName) {
			List<CommuneRef> candidates = communes.listCommunesByPostalCode(postalCode);
			String name = TextFolding.searchKey(communeName);
			List<CommuneRef> sameName = candidates.stream()
				.filter(c -> TextFolding.searchKey(c.nom()).equals(name))
				.toList();
			if (sameName.size() == 1) {
				return sameName.get(0).code();
			}
			List<CommuneRef> arrondissements = candidates.stream()
				.filter(c -> TextFolding.searchKey(c.nom()).startsWith(name + " "))
				.toList();
			if (arrondissements.size() == 1) {
				return arrondissements.get(0).code();
			}
			return candidates.size() == 1 ? candidates.get(0).code() : null;
		}

		private void checkConsistency(CommuneRef reference, String postalCode, @Nullable Coordinates coordinates) {
			if (!reference.codesPostaux().isEmpty() && !reference.codesPostaux().contains(postalCode)) {
				warn("code_insee", reference.code(), "Code INSEE " + reference.code() + " (" + reference.nom()
						+ ") incohérent avec le code postal " + postalCode + " : à vérifier.");
			}
			if (coordinates != null && reference.centre() != null) {
				double distance = coordinates
					.distanceKmTo(new Coordinates(reference.centre().lat(), reference.centre().lon()));
				if (distance > FAR_FROM_COMMUNE_KM) {
					warn("latitude", coordinates.latitude() + ", " + coordinates.longitude(), "Coordonnées à "
							+ Math.round(distance) + " km du centre de " + reference.nom() + " : à vérifier.");
				}
			}
		}

		private @Nullable String pivot() {
			Column column = column("pivot");
			String value = column == null ? null : clean(column, false);
			if (value == null) {
				warn("pivot", null, "SIRET/RNA/RIDET absent : le lieu est gardé sans identifiant pivot.");
				return null;
			}
			String compact = PIVOT_SEPARATORS.matcher(value).replaceAll("");
			if (ALL_ZEROS.matcher(compact).matches()) {
				warn("pivot", value, "Valeur fictive « " + value + " » : le lieu est gardé sans identifiant pivot.");
				return null;
			}
			if (!SchemaField.PIVOT.pattern().matcher(compact).matches()) {
				warn("pivot", value, "SIRET/RNA/RIDET invalide (9 à 14 lettres ou chiffres attendus) : ignoré.");
				return null;
			}
			if (!compact.equals(value)) {
				warn("pivot", value, "Espaces retirés du SIRET/RNA/RIDET.");
			}
			return compact;
		}

		private LocalDate updatedOn() {
			Column column = column("date_maj");
			String value = column == null ? null : clean(column, false);
			if (value == null && tooLong.contains("date_maj")) {
				return null;
			}
			if (value == null) {
				error("date_maj", null, "Champ obligatoire manquant : « date_maj ».");
				return null;
			}
			if (value.equals(RecordMapping.UNKNOWN_DATE)) {
				// a connector whose producer gives no date: unknown, and nobody's mistake
				return null;
			}
			LocalDate date = parseDate(value);
			if (date == null) {
				error("date_maj", value, "Date de mise à jour illisible : format AAAA-MM-JJ attendu.");
				return null;
			}
			if (PLACEHOLDER_DATES.contains(date)) {
				warn("date_maj", value, "Date fictive : la date de mise à jour est considérée comme inconnue.");
				return null;
			}
			if (date.isAfter(LocalDate.now(clock).plusDays(1))) {
				error("date_maj", value, "Date de mise à jour dans le futur.");
				return null;
			}
			return date;
		}

		private @Nullable LocalDate parseDate(String value) {
			try {
				return LocalDate.parse(value);
			}
			catch (DateTimeParseException notIso) {
				// tried below
			}
			try {
				if (value.length() > 10 && value.charAt(10) == 'T') {
					LocalDate date = LocalDate.parse(value.substring(0, 10));
					warn("date_maj", value, "Date et heure : seule la date est gardée.");
					return date;
				}
				LocalDate date = LocalDate.parse(value, FRENCH_DATE);
				warn("date_maj", value, "Date au format JJ/MM/AAAA convertie en AAAA-MM-JJ.");
				return date;
			}
			catch (DateTimeParseException unreadable) {
				return null;
			}
		}

		private @Nullable Coordinates coordinates() {
			Column latitude = column("latitude");
			Column longitude = column("longitude");
			if (latitude == null && longitude == null) {
				latitude = geometry("__geometry_latitude");
				longitude = geometry("__geometry_longitude");
			}
			if (latitude == null && longitude == null) {
				return null;
			}
			Double lat = number(latitude);
			Double lon = number(longitude);
			String both = (latitude == null ? "" : asText(latitude.value())) + ", "
					+ (longitude == null ? "" : asText(longitude.value()));
			if (lat == null || lon == null) {
				warn("latitude", both, "Coordonnées incomplètes ou illisibles : ignorées.");
				return null;
			}
			if (!Coordinates.isValid(lat, lon) || (lat == 0 && lon == 0)) {
				warn("latitude", both, "Coordonnées hors limites : ignorées.");
				return null;
			}
			return new Coordinates(lat, lon);
		}

		private @Nullable Column geometry(String key) {
			Object value = values.get(key);
			return value == null ? null : new Column(key, value);
		}

		private @Nullable Double number(@Nullable Column column) {
			if (column == null) {
				return null;
			}
			if (column.value() instanceof Number number) {
				return number.doubleValue();
			}
			String text = asText(column.value()).strip();
			if (text.isEmpty()) {
				return null;
			}
			boolean comma = text.contains(",");
			try {
				double value = Double.parseDouble(text.replace(',', '.'));
				if (record.typed() && column.value() instanceof String) {
					warn(column.name(), text, "Coordonnée écrite comme du texte : convertie en nombre.");
				}
				else if (comma) {
					warn(column.name(), text, "Virgule décimale remplacée par un point.");
				}
				return value;
			}
			catch (NumberFormatException e) {
				return null;
			}
		}

		// --- contact
		// ---------------------------------------------------------------------------------------

		private @Nullable String telephone() {
			Column column = column("telephone");
			String value = column == null ? null : clean(column, false);
			if (value == null) {
				return null;
			}
			Optional<String> phone = PhoneNumbers.normalise(value,
					values.get("code_postal") == null ? "" : asText(values.get("code_postal")));
			if (phone.isEmpty()) {
				warn("telephone", value, "Numéro de téléphone non reconnu (format +33… attendu) : ignoré.");
				return null;
			}
			if (!phone.get().equals(value)) {
				warn("telephone", value, "Numéro de téléphone mis au format international : " + phone.get() + ".");
			}
			return phone.get();
		}

		private List<String> emails() {
			Column column = column("courriels");
			List<String> kept = new ArrayList<>();
			for (String email : split(column)) {
				String candidate = email.startsWith("mailto:") ? email.substring(7) : email;
				if (EMAIL.matcher(candidate).matches()) {
					kept.add(candidate);
					if (!TopLevelDomains.isKnownMailDomain(candidate)) {
						// kept, as the producer wrote it: only the producer can say what
						// was meant
						warn(column.name(), email, "Le domaine « ."
								+ candidate.substring(candidate.lastIndexOf('.') + 1)
								+ " » n'existe pas : vérifiez l'adresse (gardée, mais pas transmise à data·inclusion).");
					}
				}
				else {
					warn(column.name(), email, "Adresse électronique invalide : ignorée.");
				}
			}
			return List.copyOf(new LinkedHashSet<>(kept));
		}

		private List<String> websites() {
			Column column = column("site_web");
			List<String> kept = new ArrayList<>();
			for (String site : split(column)) {
				String address = webAddress(column.name(), site);
				if (address != null) {
					kept.add(address);
				}
			}
			return List.copyOf(new LinkedHashSet<>(kept));
		}

		private @Nullable String webAddress(SchemaField field) {
			Column column = column(field.columnName());
			String value = column == null ? null : clean(column, false);
			return value == null ? null : webAddress(column.name(), value);
		}

		/**
		 * An {@code http(s)} address, completed when it only lacks {@code https://}; any
		 * other scheme is dropped (a link to it could run a script).
		 */
		private @Nullable String webAddress(String field, String value) {
			if (WebAddresses.isHttp(value)) {
				return value;
			}
			if (value.regionMatches(true, 0, "www.", 0, 4) && WebAddresses.isHttp("https://" + value)) {
				warn(field, value, "Adresse web sans « https:// » : complétée.");
				return "https://" + value;
			}
			warn(field, value, "Adresse web invalide (seules les adresses http:// ou https:// complètes sont "
					+ "acceptées) : ignorée.");
			return null;
		}

		private @Nullable String openingHours() {
			Column column = column("horaires");
			String value = column == null ? null : clean(column, false);
			if (value == null) {
				return null;
			}
			if (OpeningHoursSyntax.check(value) instanceof OpeningHoursSyntax.Invalid invalid) {
				// hours written as people write them ("lundi 9h-12h") are read, not lost
				HoursReading reading = FrenchHoursReader.read(value);
				if (reading instanceof HoursReading.Understood understood) {
					warn("horaires", value, "Horaires écrits en clair, convertis au format OpenStreetMap : « "
							+ understood.osm() + " » (" + understood.words() + ").");
					return understood.osm();
				}
				warn("horaires", value,
						("Horaires illisibles (format OpenStreetMap attendu, par exemple "
								+ "« Mo-Fr 09:00-12:00,14:00-17:00 ») : ignorés. " + invalid.suggestion() + " "
								+ ((HoursReading.Refused) reading).message())
							.strip());
				return null;
			}
			return value;
		}

		// --- lists
		// -------------------------------------------------------------------------------------------

		private List<String> typologies() {
			Column column = column("typologie");
			List<String> codes = new ArrayList<>();
			for (String code : split(column)) {
				String upper = code.equalsIgnoreCase("autre") ? "Autre" : code.toUpperCase();
				if (!Typologies.KNOWN_CODES.contains(upper)) {
					warn(column.name(), code,
							"Typologie inconnue du référentiel data·inclusion : gardée telle quelle.");
					codes.add(code);
				}
				else {
					codes.add(upper);
				}
			}
			return List.copyOf(new LinkedHashSet<>(codes));
		}

		private List<String> split(@Nullable Column column) {
			if (column == null) {
				return List.of();
			}
			String text = clean(column, false);
			return text == null ? List.of()
					: LIST_SEPARATOR.splitAsStream(text).map(String::strip).filter(s -> !s.isEmpty()).toList();
		}

		/**
		 * Values of every list field, gathered from the v1 columns and from the v0.1
		 * columns that translate into them; each list keeps the first-seen order without
		 * duplicates.
		 */
		private final class Lists {

			private final Map<SchemaField, Set<String>> legacyLabels = new java.util.EnumMap<>(SchemaField.class);

			private final List<String> otherLabels = new ArrayList<>();

			Lists() {
				translate("publics_accueillis", EnumSet.of(SchemaField.PUBLICS_SPECIFIQUEMENT_ADRESSES,
						SchemaField.PRISE_EN_CHARGE_SPECIFIQUE));
				translate("conditions_acces", EnumSet.of(SchemaField.FRAIS_A_CHARGE));
				translate("labels_nationaux", EnumSet.of(SchemaField.DISPOSITIF_PROGRAMMES_NATIONAUX,
						SchemaField.FORMATIONS_LABELS, SchemaField.AUTRES_FORMATIONS_LABELS));
			}

			private void translate(String legacyColumn, Set<SchemaField> allowed) {
				Object raw = values.get(legacyColumn);
				if (raw == null) {
					return;
				}
				for (String value : split(new Column(legacyColumn, raw))) {
					Optional<List<LegacyMapping.Target>> targets = LegacyMapping.translate(value)
						.map(found -> found.stream().filter(target -> allowed.contains(target.field())).toList());
					if (targets.isEmpty() || (targets.get().isEmpty() && !isDeliberatelyDropped(value))) {
						warn(legacyColumn, value, "Valeur inconnue du standard : ignorée.");
						continue;
					}
					for (LegacyMapping.Target target : targets.get()) {
						if (target.field() == SchemaField.AUTRES_FORMATIONS_LABELS) {
							otherLabels.add(target.label());
						}
						else {
							legacyLabels.computeIfAbsent(target.field(), f -> new LinkedHashSet<>())
								.add(target.label());
						}
					}
				}
			}

			private boolean isDeliberatelyDropped(String value) {
				return LegacyMapping.translate(value).map(List::isEmpty).orElse(false);
			}

			<E extends Enum<E> & Vocabulary> List<E> vocabulary(SchemaField field, VocabularyMatcher<E> matcher,
					Class<E> type) {
				Set<E> values = new LinkedHashSet<>();
				Column column = column(field.columnName());
				for (String value : split(column)) {
					Optional<VocabularyMatcher.Match<E>> match = matcher.match(value);
					if (match.isPresent()) {
						if (!match.get().exact()) {
							warn(column.name(), value,
									"Orthographe corrigée en « " + match.get().value().label() + " ».");
						}
						values.add(match.get().value());
						continue;
					}
					Optional<List<LegacyMapping.Target>> legacy = LegacyMapping.translate(value)
						.map(found -> found.stream().filter(target -> target.field() == field).toList());
					if (legacy.isPresent() && !legacy.get().isEmpty()) {
						legacy.get()
							.forEach(target -> Vocabulary.findByLabel(type, target.label()).ifPresent(values::add));
					}
					else {
						warn(column.name(), value, "Valeur inconnue du standard : ignorée.");
					}
				}
				for (String label : legacyLabels.getOrDefault(field, Set.of())) {
					Vocabulary.findByLabel(type, label).ifPresent(values::add);
				}
				return List.copyOf(values);
			}

		}

		// --- issues
		// ------------------------------------------------------------------------------------------

		private void warn(String field, @Nullable String value, String message) {
			warnings.add(new ImportIssue(record.line(), field, excerpt(value), message));
		}

		private void error(String field, @Nullable String value, String message) {
			errors.add(new ImportIssue(record.line(), field, excerpt(value), message));
		}

	}

	private record Column(String name, Object value) {
	}

	/** Text of a JSON or CSV value as the producer wrote it. */
	static String asText(Object value) {
		if (value instanceof BigDecimal decimal) {
			return decimal.stripTrailingZeros().scale() <= 0 ? decimal.toBigInteger().toString()
					: decimal.toPlainString();
		}
		if (value instanceof Double || value instanceof Float) {
			return asText(BigDecimal.valueOf(((Number) value).doubleValue()));
		}
		if (value instanceof List<?> list) {
			return String.join("|", list.stream().map(item -> item == null ? "" : asText(item)).toList());
		}
		return String.valueOf(value);
	}

	/**
	 * Trims and collapses runs of white space; cheap when there is nothing to do, the
	 * common case.
	 */
	private static String collapseSpaces(String raw) {
		String stripped = raw.strip();
		boolean clean = true;
		for (int i = 0; i < stripped.length() && clean; i++) {
			char c = stripped.charAt(i);
			if (c == '\u00a0'
					|| (Character.isWhitespace(c) && (c != ' ' || (i > 0 && stripped.charAt(i - 1) == ' ')))) {
				clean = false;
			}
		}
		return clean ? stripped : SPACES.matcher(stripped).replaceAll(" ").strip();
	}

	private static @Nullable String excerpt(@Nullable String value) {
		return value == null || value.length() <= ISSUE_VALUE_LENGTH ? value
				: value.substring(0, ISSUE_VALUE_LENGTH - 1) + "…";
	}

	private static String shorten(String text, int maxLength) {
		int cut = text.lastIndexOf(' ', maxLength - 1);
		return (cut > maxLength / 2 ? text.substring(0, cut) : text.substring(0, maxLength - 1)).strip() + "…";
	}

}
