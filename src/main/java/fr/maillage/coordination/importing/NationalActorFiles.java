package fr.maillage.coordination.importing;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import fr.maillage.coordination.domain.ActorType;
import fr.maillage.coordination.domain.Competence;
import fr.maillage.shared.importing.ImportIssue;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * Reads the national files that already list actors (issue 18: « sans nouvel outil », no
 * double entry): the ANCT's list of France Services and the structures enabled on Aidants
 * Connect, as published on data.gouv.fr. Each row becomes the fields of an actor
 * ({@code ActorRules.FIELDS}) — type, SIRET, territory of action from its commune,
 * competences — or a rejection with its line, the file's column, the value and a French
 * reason. The file is recognised by its header.
 */
public final class NationalActorFiles {

	private NationalActorFiles() {
	}

	/** The national files read. */
	public enum Kind {

		FRANCE_SERVICES("Liste nationale des France Services (ANCT)", Set.of("id_fs", "lib_fs", "insee_com")),
		AIDANTS_CONNECT("Structures habilitées Aidants Connect", Set.of("Name", "Siret", "City Insee Code"));

		private final String label;

		private final Set<String> columns;

		Kind(String label, Set<String> columns) {
			this.label = label;
			this.columns = columns;
		}

		public String label() {
			return label;
		}

	}

	/** Where a commune lies, as the actors directory names territories. */
	public record Place(String departement, @Nullable String epci) {
	}

	/** The territory of a commune, and of a postcode's communes when they agree. */
	public interface Communes {

		Optional<Place> findByInsee(String codeInsee);

		/** Empty when the postcode is unknown or spans several départements. */
		Optional<Place> findByPostcode(String postcode);

	}

	/** A row read: the actor's fields, or why not. */
	public interface Rows {

		void accept(long line, Map<String, String> fields);

		/**
		 * @param departement where the structure acts, when the row tells (so that a
		 * coordinator is not shown the rejections of other territories)
		 */
		void reject(ImportIssue issue, @Nullable String departement);

	}

	/** The kind of national file this text is, from its header. */
	public static Optional<Kind> detect(String text) {
		String header = text.lines().findFirst().orElse("");
		for (Kind kind : Kind.values()) {
			if (kind.columns.stream().allMatch(column -> header.contains(column))) {
				return Optional.of(kind);
			}
		}
		return Optional.empty();
	}

	private static final Pattern FLOAT_SIRET = Pattern.compile("(\\d+)\\.0+");

	/**
	 * @param rows receives each row's actor fields (with the physical line where the row
	 * starts: a quoted address may span lines) or its rejection
	 */
	public static void read(String text, Kind kind, Communes communes, Rows rows) {
		String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
		CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
		// a structure seen earlier in the file: same SIRET, or same name in the same
		// territory
		Map<String, Long> seen = new HashMap<>();
		try (Reader reader = new StringReader(content); CSVParser parser = CSVParser.parse(reader, format)) {
			long lastLine = parser.getCurrentLineNumber();
			for (CSVRecord record : parser) {
				long line = lastLine + 1;
				lastLine = parser.getCurrentLineNumber();
				Map<String, String> fields = switch (kind) {
					case FRANCE_SERVICES -> franceServices(record, line, communes, rows);
					case AIDANTS_CONNECT -> aidantsConnect(record, line, communes, rows);
				};
				if (fields == null) {
					continue;
				}
				String siret = fields.get("siret");
				String key = siret != null ? "siret:" + siret
						: "nom:" + fields.get("departement") + ":" + fields.get("nom").toLowerCase(Locale.ROOT).strip();
				Long first = seen.putIfAbsent(key, line);
				if (first != null) {
					rows.reject(new ImportIssue(line, siret != null ? column(kind, "siret") : column(kind, "nom"),
							siret != null ? siret : fields.get("nom"),
							(siret != null ? "Même SIRET que la ligne "
									: "Même nom, dans le même département, que la ligne ") + first
									+ " : une structure n'est enregistrée qu'une fois (la ligne " + first
									+ " est gardée)."),
							fields.get("departement"));
					continue;
				}
				rows.accept(line, fields);
			}
		}
		catch (IOException | java.io.UncheckedIOException | IllegalArgumentException | IllegalStateException broken) {
			throw new ActorsCsv.UnreadableException(
					"Le fichier ne se lit pas comme un tableau CSV (guillemets non fermés ?) : " + broken.getMessage());
		}
	}

	/** The file's column a field of the actor comes from, for the report. */
	public static String column(Kind kind, String field) {
		return switch (kind) {
			case FRANCE_SERVICES -> switch (field) {
				case "nom" -> "lib_fs";
				case "departement", "epci" -> "insee_com";
				default -> field;
			};
			case AIDANTS_CONNECT -> switch (field) {
				case "nom" -> "Name";
				case "siret" -> "Siret";
				case "departement", "epci" -> "City Insee Code";
				case "type" -> "Name";
				default -> field;
			};
		};
	}

	private static @Nullable Map<String, String> franceServices(CSVRecord record, long line, Communes communes,
			Rows rows) {
		String insee = get(record, "insee_com");
		Optional<Place> place = insee.isEmpty() ? Optional.empty() : communes.findByInsee(insee);
		if (place.isEmpty()) {
			rows.reject(new ImportIssue(line, "insee_com", insee,
					insee.isEmpty() ? "Code INSEE de la commune manquant : le territoire de la structure est inconnu."
							: "Code INSEE « " + insee + " » inconnu du code officiel géographique."),
					null);
			return null;
		}
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("nom", get(record, "lib_fs"));
		fields.put("type", ActorType.FRANCE_SERVICES.code());
		fields.put("departement", place.get().departement());
		putIfKnown(fields, "epci", place.get().epci());
		// a France Services helps with procedures and hosts its partners' permanences
		// (label's charter)
		fields.put("competences",
				Competence.ACCOMPAGNEMENT_DEMARCHES.code() + "|" + Competence.ACCUEIL_PERMANENCES.code());
		return fields;
	}

	private static @Nullable Map<String, String> aidantsConnect(CSVRecord record, long line, Communes communes,
			Rows rows) {
		String name = get(record, "Name");
		String insee = get(record, "City Insee Code");
		String postcode = get(record, "Zip Code");
		Optional<Place> place = !insee.isEmpty() ? communes.findByInsee(insee)
				: postcode.isEmpty() ? Optional.empty() : communes.findByPostcode(postcode);
		if (get(record, "Is Active").equalsIgnoreCase("false")) {
			rows.reject(
					new ImportIssue(line, "Is Active", "false",
							"Structure désactivée dans Aidants Connect : elle n'est pas importée."),
					place.map(Place::departement).orElse(null));
			return null;
		}
		if (place.isEmpty()) {
			rows.reject(
					!insee.isEmpty() ? new ImportIssue(
							line, "City Insee Code", insee,
							"Code INSEE « " + insee + " » inconnu du code officiel géographique.")
							: new ImportIssue(line, "Zip Code", postcode, postcode.isEmpty()
									? "Ni code INSEE ni code postal : le territoire de la structure est inconnu."
									: "Sans code INSEE, le code postal « " + postcode
											+ " » ne désigne pas un seul département : le territoire de la structure est inconnu."),
					null);
			return null;
		}
		String siret = siret(get(record, "Siret"));
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("nom", name);
		putIfKnown(fields, "siret", siret);
		fields.put("type", type(name, siret, get(record, "France Services Label").equalsIgnoreCase("true")).code());
		fields.put("departement", place.get().departement());
		putIfKnown(fields, "epci", place.get().epci());
		// Aidants Connect: aidants carry out online procedures on a person's behalf
		fields.put("competences", Competence.ACCOMPAGNEMENT_DEMARCHES.code());
		return fields;
	}

	/** « 21690266800013.0 » (a spreadsheet's number) → 21690266800013; « 0.0 » → none. */
	static @Nullable String siret(String value) {
		String digits = value.strip();
		var asFloat = FLOAT_SIRET.matcher(digits);
		if (asFloat.matches()) {
			digits = asFloat.group(1);
		}
		return digits.isEmpty() || digits.chars().allMatch(c -> c == '0') ? null : digits;
	}

	private static final List<Map.Entry<Pattern, ActorType>> NAMES = List.of(
			Map.entry(Pattern.compile("\\b(ccas|cias)\\b"), ActorType.CCAS),
			Map.entry(Pattern.compile("\\b(mairie|commune de|ville de)\\b"), ActorType.MAIRIE),
			Map.entry(Pattern.compile("communaute (de communes|d'agglomeration|urbaine)|\\bmetropole\\b"),
					ActorType.EPCI),
			Map.entry(Pattern.compile("\\b(mediatheque|bibliotheque)\\b"), ActorType.MEDIATHEQUE),
			Map.entry(Pattern.compile("\\bcaf\\b|caisse d'allocations"), ActorType.CAF),
			Map.entry(Pattern.compile("france travail|pole emploi"), ActorType.FRANCE_TRAVAIL),
			Map.entry(Pattern.compile("\\bdepartement\\b|conseil departemental"), ActorType.DEPARTEMENT),
			Map.entry(Pattern.compile("\\bassociation\\b|\\basso\\b"), ActorType.ASSOCIATION));

	/**
	 * The type of an Aidants Connect structure: France Services when labelled, else from
	 * its name, else from the legal category INSEE's numbering gives public bodies (SIREN
	 * 21… a commune, 20… a grouping of communes, 22… a département, 26… a CCAS or other
	 * communal body), else « autre ».
	 */
	public static ActorType type(String name, @Nullable String siret, boolean franceServicesLabel) {
		if (franceServicesLabel) {
			return ActorType.FRANCE_SERVICES;
		}
		String folded = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.toLowerCase(Locale.ROOT)
			.replace('’', '\'');
		for (Map.Entry<Pattern, ActorType> rule : NAMES) {
			if (rule.getKey().matcher(folded).find()) {
				return rule.getValue();
			}
		}
		if (siret != null && siret.length() == 14) {
			return switch (siret.substring(0, 2)) {
				case "21" -> ActorType.MAIRIE;
				case "20" -> ActorType.EPCI;
				case "22" -> ActorType.DEPARTEMENT;
				case "26" -> ActorType.CCAS;
				default -> ActorType.AUTRE;
			};
		}
		return ActorType.AUTRE;
	}

	private static void putIfKnown(Map<String, String> fields, String field, @Nullable String value) {
		if (value != null && !value.isBlank()) {
			fields.put(field, value);
		}
	}

	private static String get(CSVRecord record, String column) {
		return record.isMapped(column) && record.isSet(column) ? record.get(column).strip() : "";
	}

}
