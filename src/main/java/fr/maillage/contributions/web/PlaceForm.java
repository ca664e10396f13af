package fr.maillage.contributions.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import fr.maillage.shared.importing.ImportIssue;
import fr.maillage.shared.text.Siret;
import fr.maillage.opendata.schema.SchemaField;
import fr.maillage.places.hours.HoursInWords;
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
import fr.maillage.shared.text.TextFolding;
import fr.maillage.territories.CommuneRef;
import fr.maillage.territories.Territories;

/**
 * The edit form in plain French (issue 15): the schema's fields in groups, with French
 * labels and help, checkboxes for the standard's lists and an hours grid; nothing
 * technical to type. {@code code_insee} comes from the commune and its postcode, the
 * position stays the record's (or a click on the map) unless the commune changes, then it
 * is the commune's centre. Inputs keep the schema's column names, so what is posted maps
 * to the schema as an import reads it.
 */
final class PlaceForm {

	/**
	 * The errors of the hours grid, shown above it (those of the text, « horaires »,
	 * under it).
	 */
	static final String GRID = "horaires-grille";

	/** The groups of the form, in order. */
	static final List<Group> GROUPS = List.of(new Group("identite", "Identité", List.of(
			text("nom", "Nom du lieu",
					"Le nom affiché au public, par exemple « Espace numérique de" + " la médiathèque »."),
			text("pivot", "SIRET", "Les 14 chiffres du SIRET de la structure (ou son numéro RNA,"
					+ " W suivi de 9 chiffres, pour une association). Laissez vide si vous ne le" + " connaissez pas."),
			text("structure_parente", "Structure ou réseau de rattachement",
					"Par exemple la commune, l'association ou le réseau dont dépend le lieu."),
			text("typologie", "Type de structure",
					"Facultatif. Un ou plusieurs codes du référentiel data·inclusion, séparés par des virgules :"
							+ " EPN (espace public numérique), MUNI (mairie), ASSO (association), BIB (bibliothèque,"
							+ " médiathèque), CCAS (centre communal d'action sociale), CS (centre social), RFS"
							+ " (France Services), TIERS_LIEUX (tiers-lieu), FABLAB, MJC, LA_POSTE (La Poste)."),
			text("presentation_resume", "Présentation courte", "En une ou deux phrases, 280 caractères au plus."),
			area("presentation_detail", "Présentation détaillée",
					"Ce que le lieu propose, pour qui, comment s'y rendre…"))),
			new Group("adresse", "Adresse et accès", List.of(text("adresse", "Adresse", "Numéro et nom de la voie."),
					text("complement_adresse", "Complément d'adresse", "Bâtiment, étage, entrée… (facultatif)"),
					text("code_postal", "Code postal", "5 chiffres, par exemple 69003."),
					text("commune", "Commune",
							"Le nom de la commune ; avec le code postal, il suffit à placer le lieu. Si vous changez de"
									+ " commune, le lieu est placé en son centre (vous pouvez ensuite cliquer sur la"
									+ " carte pour le placer précisément)."),
					choices("modalites_acces", "Comment venir", "Cochez tout ce qui s'applique.", AccessMode.values()),
					choices("itinerance", "Lieu fixe ou itinérant", "Un lieu peut être les deux.", Itinerance.values()),
					text("fiche_acces_libre", "Fiche Accès libre (accessibilité)",
							"L'adresse de la fiche du lieu sur acceslibre.beta.gouv.fr, commençant par https://"))),
			new Group("contact", "Contact",
					List.of(text("telephone", "Téléphone", "Par exemple 04 78 00 00 00."),
							text("courriels", "Adresse électronique",
									"Plusieurs adresses se séparent par | (barre verticale)."),
							text("site_web", "Site internet", "Adresse complète commençant par https://"),
							text("prise_rdv", "Prise de rendez-vous en ligne",
									"Adresse complète de la page de rendez-vous, commençant par https://"))),
			new Group("services", "Services et publics", List.of(
					choices("services", "Services proposés", "Cochez tout ce que le lieu propose.",
							MediationService.values()),
					choices("publics_specifiquement_adresses", "Publics accueillis en particulier",
							"Seulement si le lieu s'adresse spécialement à ces publics ; sinon, ne cochez rien.",
							SpecificPublic.values()),
					choices("prise_en_charge_specifique", "Accueil adapté",
							"Handicaps pour lesquels l'accueil est" + " adapté.", SpecificSupport.values()),
					choices("frais_a_charge", "Coût pour la personne", "Cochez ce qui s'applique.", Fee.values()))),
			new Group("accompagnement", "Accompagnement",
					List.of(choices("modalites_accompagnement", "Façons d'accompagner",
							"Cochez tout ce qui s'applique.", SupportMode.values()),
							choices("dispositif_programmes_nationaux", "Dispositifs et programmes nationaux",
									"Ceux dont le lieu fait partie.", NationalProgram.values()),
							choices("formations_labels", "Formations et labels des médiateurs", "Cochez ceux du lieu.",
									TrainingLabel.values()),
							text("autres_formations_labels", "Autres formations ou labels",
									"Ceux qui ne sont pas dans la liste ci-dessus."))));

	/** Field labels by schema column, for messages and the list of changes. */
	static final Map<String, String> LABELS = labels();

	private PlaceForm() {
	}

	private static Field text(String column, String label, String help) {
		return new Field(column, label, help, "texte", List.of());
	}

	private static Field area(String column, String label, String help) {
		return new Field(column, label, help, "zone", List.of());
	}

	private static Field choices(String column, String label, String help, Vocabulary[] values) {
		return new Field(column, label, help, "cases", Arrays.stream(values).map(Vocabulary::label).toList());
	}

	private static Map<String, String> labels() {
		Map<String, String> labels = new LinkedHashMap<>();
		GROUPS.forEach(group -> group.fields().forEach(field -> labels.put(field.column(), field.label())));
		labels.put("horaires", "Horaires");
		labels.put("code_insee", "Code INSEE de la commune");
		labels.put("latitude", "Position sur la carte (latitude)");
		labels.put("longitude", "Position sur la carte (longitude)");
		labels.put("motif", "Motif de la modification");
		return labels;
	}

	static String label(String column) {
		return LABELS.getOrDefault(column, column);
	}

	/** Every schema column the form posts (text and lists), with hidden ones. */
	static List<Field> fields() {
		return GROUPS.stream().flatMap(group -> group.fields().stream()).toList();
	}

	/**
	 * The inputs' values for a record (schema column → text): hours split into the grid.
	 */
	static Map<String, String> inputs(Map<String, String> record) {
		Map<String, String> inputs = new LinkedHashMap<>(record);
		inputs.put("pivot", withoutPlaceholder(record.getOrDefault("pivot", "")));
		inputs.put("typologie", record.getOrDefault("typologie", "").replace("|", ", "));
		HoursGrid grid = HoursGrid.of(record.getOrDefault("horaires", ""));
		inputs.putAll(grid.times());
		inputs.put("horaires", grid.other());
		return inputs;
	}

	/**
	 * Reads a posted form against the current record.
	 * @param form input name → first value posted
	 * @param lists input name → every value posted (checkboxes)
	 */
	static Reading read(Function<String, String> form, Function<String, List<String>> lists,
			Map<String, String> current, Territories territories) {
		Map<String, String> inputs = new LinkedHashMap<>();
		Map<String, String> values = new LinkedHashMap<>();
		List<ImportIssue> errors = new ArrayList<>();
		for (Field field : fields()) {
			String value = field.choices().isEmpty() ? Objects.requireNonNullElse(form.apply(field.column()), "")
					: String.join("|", lists.apply(field.column()));
			inputs.put(field.column(), value);
			values.put(field.column(), value);
			if (!field.choices().isEmpty() && sameItems(value, current.getOrDefault(field.column(), ""))) {
				// the boxes come in the standard's order: the same ones in another order
				// are no
				// change
				values.put(field.column(), current.getOrDefault(field.column(), ""));
			}
		}
		// structure types: codes of the referential only, as it spells them
		String types = values.get("typologie");
		if (!sameItems(types.replaceAll("\\s*[,;]\\s*", "|"), current.getOrDefault("typologie", ""))) {
			List<String> codes = new ArrayList<>();
			for (String typed : types.split("[|,;]")) {
				if (typed.isBlank()) {
					continue;
				}
				java.util.Optional<String> code = Typologies.findCode(typed);
				if (code.isEmpty()) {
					errors.add(new ImportIssue(1L, "typologie", types, "« " + typed.strip()
							+ " » n'est pas un type de structure du référentiel : choisissez un des codes donnés"
							+ " en exemple (EPN, MUNI, ASSO…), ou laissez vide."));
				}
				else if (!codes.contains(code.get())) {
					codes.add(code.get());
				}
			}
			values.put("typologie", String.join("|", codes));
		}
		else {
			values.put("typologie", current.getOrDefault("typologie", ""));
		}
		// the SIRET, checked when the editor typed it (a producer's value stays as it
		// was)
		String pivot = values.get("pivot");
		if (!Siret.compact(pivot).equals(Siret.compact(withoutPlaceholder(current.getOrDefault("pivot", ""))))) {
			Siret.check(pivot).ifPresent(message -> errors.add(new ImportIssue(1L, "pivot", pivot, message)));
			values.put("pivot", Siret.compact(pivot));
		}
		else {
			values.put("pivot", current.getOrDefault("pivot", ""));
		}
		// the hours: the grid and the other hours, or the stored value when untouched
		HoursGrid posted = HoursGrid.posted(form);
		inputs.putAll(posted.times());
		inputs.put("horaires", posted.other());
		String storedHours = current.getOrDefault("horaires", "");
		if (posted.sameAs(HoursGrid.of(storedHours))) {
			values.put("horaires", storedHours);
		}
		else if (posted.gridEmpty()) {
			// hours in words or OSM in one text: the edit reads them (and says what is
			// wrong)
			values.put("horaires", posted.other());
		}
		else {
			HoursGrid.Reading hours = posted.read();
			// the grid's errors above the grid, the text's under the text
			hours.errors()
				.forEach(message -> errors.add(message.startsWith(HoursGrid.OTHER_HOURS)
						? new ImportIssue(1L, "horaires", posted.other(),
								message.substring(HoursGrid.OTHER_HOURS.length()))
						: new ImportIssue(1L, GRID, posted.other(), message)));
			values.put("horaires", hours.osm() == null ? "" : hours.osm());
		}
		// the commune's code, and the position
		String latitude = Objects.requireNonNullElse(form.apply("latitude"), "").strip();
		String longitude = Objects.requireNonNullElse(form.apply("longitude"), "").strip();
		inputs.put("latitude", latitude);
		inputs.put("longitude", longitude);
		boolean moved = !latitude.equals(current.getOrDefault("latitude", ""))
				|| !longitude.equals(current.getOrDefault("longitude", ""));
		String postalCode = values.get("code_postal").replaceAll("\\s", "");
		String commune = values.get("commune");
		boolean sameCommune = TextFolding.searchKey(commune)
			.equals(TextFolding.searchKey(current.getOrDefault("commune", "")))
				&& postalCode.equals(current.getOrDefault("code_postal", ""));
		String codeInsee = current.getOrDefault("code_insee", "");
		if (!sameCommune) {
			codeInsee = "";
			if (postalCode.matches("\\d{5}") && !commune.isBlank()) {
				Optional<CommuneRef> found = findCommune(territories, postalCode, commune);
				if (found.isEmpty()) {
					errors.add(
							new ImportIssue(1L, "commune", commune, communeNotFound(territories, postalCode, commune)));
				}
				else {
					codeInsee = found.get().code();
					if (!moved && found.get().centre() != null) {
						// the old position is in the old commune: the new commune's
						// centre
						latitude = String.valueOf(found.get().centre().lat());
						longitude = String.valueOf(found.get().centre().lon());
					}
				}
			}
		}
		values.put("code_insee", codeInsee);
		values.put("latitude", latitude);
		values.put("longitude", longitude);
		return new Reading(inputs, values, errors);
	}

	private static boolean sameItems(String list, String other) {
		return new java.util.HashSet<>(List.of(list.split("\\|")))
			.equals(new java.util.HashSet<>(List.of(other.split("\\|"))));
	}

	/**
	 * The national tools' "no SIRET" (fourteen zeros) is shown as an empty field: an
	 * editor would take it for a number to keep.
	 */
	private static String withoutPlaceholder(String pivot) {
		return SchemaField.PIVOT_PLACEHOLDER.equals(pivot) ? "" : pivot;
	}

	/**
	 * The commune of that name among the postcode's (accents, case and hyphens aside), or
	 * the only arrondissement of that commune for the postcode (« Lyon » + 69003).
	 */
	static Optional<CommuneRef> findCommune(Territories territories, String postalCode, String name) {
		List<CommuneRef> candidates = territories.listCommunesByPostalCode(postalCode);
		String key = TextFolding.searchKey(name);
		List<CommuneRef> same = candidates.stream().filter(c -> TextFolding.searchKey(c.nom()).equals(key)).toList();
		if (same.size() == 1) {
			return Optional.of(same.get(0));
		}
		List<CommuneRef> arrondissements = candidates.stream()
			.filter(c -> TextFolding.searchKey(c.nom()).startsWith(key + " "))
			.toList();
		return arrondissements.size() == 1 ? Optional.of(arrondissements.get(0)) : Optional.empty();
	}

	private static String communeNotFound(Territories territories, String postalCode, String name) {
		List<String> names = territories.listCommunesByPostalCode(postalCode).stream().map(CommuneRef::nom).toList();
		if (names.isEmpty()) {
			return "Aucune commune n'a le code postal " + postalCode + " : vérifiez-le.";
		}
		return "« " + name.strip() + " » n'est pas une commune du code postal " + postalCode + ". Communes de ce code"
				+ " postal : " + String.join(", ", names) + ".";
	}

	/**
	 * What an edit changed, field by field in the form's order, as the public sees it
	 * (hours in words, lists with commas).
	 */
	static List<Change> changes(Map<String, String> before, Map<String, String> after) {
		List<Change> changes = new ArrayList<>();
		for (String column : LABELS.keySet()) {
			boolean list = SchemaField.findByColumnName(column).map(SchemaField::list).orElse(false);
			if (list && sameItems(before.getOrDefault(column, ""), after.getOrDefault(column, ""))) {
				continue;
			}
			String was = shown(column, before.getOrDefault(column, ""));
			String is = shown(column, after.getOrDefault(column, ""));
			if (!was.equals(is)) {
				changes.add(new Change(label(column), was, is));
			}
		}
		return changes;
	}

	private static String shown(String column, String value) {
		if (value.isBlank()) {
			return "";
		}
		if (column.equals("pivot")) {
			return withoutPlaceholder(value);
		}
		if (column.equals("horaires")) {
			return HoursInWords.words(value).orElse(value);
		}
		return value.replace("|", ", ");
	}

	/** A group of fields, a fieldset with its legend. */
	record Group(String id, String legend, List<Field> fields) {
	}

	/**
	 * A field: its input is named after the schema column.
	 *
	 * @param kind "texte", "zone" (several lines) or "cases" (checkboxes)
	 */
	record Field(String column, String label, String help, String kind, List<String> choices) {
	}

	/** The form as posted: inputs to show again, values for the schema, form errors. */
	record Reading(Map<String, String> inputs, Map<String, String> values, List<ImportIssue> errors) {
	}

	/**
	 * One changed field: its French label, the value before and after (empty: none).
	 * Serializable: it goes through the session (kept in the database) with the redirect
	 * after saving.
	 */
	record Change(String label, String before, String after) implements java.io.Serializable {
	}

}
