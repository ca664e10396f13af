package fr.maillage.opendata.schema;

import static java.util.Map.entry;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import fr.maillage.shared.text.TextFolding;

/**
 * How values of schema v0.1.x map to v1.0.2: docs/schema-v0.1-vers-v1.md is this table in
 * prose. A v0.1 value can land in another v1 field (a v0.1 "public" may be a v1 "prise en
 * charge spécifique") or in none ("Adultes": every place receives adults). Values are
 * matched ignoring case and accents, and by the label before " : " because v0.1 labels
 * carry an explanation after it ("Gratuit : Je peux accéder gratuitement…").
 */
public final class LegacyMapping {

	/**
	 * v0.1 column name → v1 column it was renamed to, for the columns that only changed
	 * name.
	 */
	public static final Map<String, String> RENAMED_COLUMNS = Map.of("courriel", "courriels", "accessibilite",
			"fiche_acces_libre", "labels_autres", "autres_formations_labels");

	/** v0.1 columns whose values are translated by {@link #translate}. */
	public static final List<String> TRANSLATED_COLUMNS = List.of("publics_accueillis", "conditions_acces",
			"labels_nationaux");

	/** v0.1 columns with no v1 equivalent, read and dropped on purpose. */
	public static final List<String> DROPPED_COLUMNS = List.of("cle_ban");

	/** A v1 destination: column and exact v1 label. */
	public record Target(SchemaField field, String label) {
	}

	private static final Map<String, List<Target>> TABLE = new HashMap<>();

	/**
	 * Values as written → translation: folding is costly and a v0.1 file repeats the same
	 * labels on every row.
	 */
	private static final Map<String, Optional<List<Target>>> MEMO = new ConcurrentHashMap<>();

	static {
		Map<String, List<Target>> table = Map.ofEntries(
				// services (15 → 9)
				entry("Devenir autonome dans les démarches administratives",
						services("Aide aux démarches administratives")),
				entry("Réaliser des démarches administratives avec un accompagnement",
						services("Aide aux démarches administratives")),
				entry("Prendre en main un smartphone ou une tablette",
						services("Maîtrise des outils numériques du quotidien")),
				entry("Prendre en main un ordinateur", services("Maîtrise des outils numériques du quotidien")),
				entry("Utiliser le numérique au quotidien", services("Maîtrise des outils numériques du quotidien")),
				entry("Approfondir ma culture numérique", services("Compréhension du monde numérique")),
				entry("Favoriser mon insertion professionnelle",
						services("Insertion professionnelle via le numérique")),
				entry("Accéder à une connexion internet", services("Accès internet et matériel informatique")),
				entry("Accéder à du matériel", services("Accès internet et matériel informatique")),
				entry("S'équiper en matériel informatique",
						services("Acquisition de matériel informatique à prix solidaire")),
				entry("Créer et développer mon entreprise", services("Insertion professionnelle via le numérique")),
				entry("Créer avec le numérique", services("Loisirs et créations numériques")),
				entry("Accompagner les démarches de santé", services("Aide aux démarches administratives")),
				entry("Promouvoir la citoyenneté numérique", services("Compréhension du monde numérique")),
				entry("Soutenir la parentalité et l'éducation avec le numérique",
						services("Parentalité et éducation avec le numérique")),
				// publics_accueillis → publics_specifiquement_adresses or
				// prise_en_charge_specifique
				entry("Seniors (+ 65 ans)", publics("Seniors")),
				entry("Familles/enfants", publics("Familles et/ou enfants")), entry("Adultes", List.of()),
				entry("Jeunes (16-26 ans)", publics("Jeunes")), entry("Uniquement femmes", publics("Femmes")),
				entry("Public langues étrangères", support("Langues étrangères (autres)")),
				entry("Déficience visuelle", support("Déficience visuelle")), entry("Surdité", support("Surdité")),
				entry("Handicaps psychiques", support("Handicaps mentaux")),
				entry("Handicaps mentaux", support("Handicaps mentaux")),
				entry("Personnes en situation d'illettrisme", support("Illettrisme")),
				// conditions_acces → frais_a_charge
				entry("Gratuit", fees("Gratuit")), entry("Gratuit sous condition", fees("Gratuit sous condition")),
				entry("Payant", fees("Payant")), entry("Accepte le Pass numérique", fees("Gratuit sous condition")),
				entry("Adhésion", fees("Payant")),
				// labels_nationaux → dispositif_programmes_nationaux, formations_labels
				// or autres_formations_labels
				entry("France Services", programs("France Services")),
				entry("CNFS", programs("Conseillers numériques")),
				entry("Conseillers numériques", programs("Conseillers numériques")),
				entry("Aidants Connect", programs("Aidants Connect")),
				entry("Grandes écoles du numérique", programs("Grande école du numérique")),
				entry("Point relais CAF", programs("Point d'accès numérique CAF")),
				entry("Point numérique CAF", programs("Point d'accès numérique CAF")),
				entry("Fabriques de Territoire",
						List.of(new Target(SchemaField.FORMATIONS_LABELS, "Fabriques de Territoire"))),
				entry("APTIC", others("APTIC")), entry("Relais pôle emploi", others("Relais pôle emploi")),
				entry("French Tech", others("French Tech")), entry("Campus connecté", others("Campus connecté")),
				// modalites_accompagnement
				entry("Seul", modes("En autonomie")), entry("Avec de l'aide", modes("Accompagnement individuel")),
				entry("Dans un atelier", modes("Dans un atelier collectif")),
				entry("A ma place", modes("Accompagnement individuel")));
		table.forEach((label, targets) -> TABLE.put(key(label), targets));
	}

	private LegacyMapping() {
	}

	/**
	 * The v1 destinations of a v0.1 value; empty optional when the value is not a v0.1
	 * value at all, empty list when it is one that v1 has no field for.
	 */
	public static Optional<List<Target>> translate(String legacyValue) {
		Optional<List<Target>> known = MEMO.get(legacyValue);
		if (known != null) {
			return known;
		}
		Optional<List<Target>> translated = lookUp(legacyValue);
		if (MEMO.size() < 10_000) {
			MEMO.put(legacyValue, translated);
		}
		return translated;
	}

	private static Optional<List<Target>> lookUp(String legacyValue) {
		List<Target> targets = TABLE.get(key(legacyValue));
		if (targets == null) {
			int explanation = legacyValue.indexOf(" : ");
			if (explanation > 0) {
				targets = TABLE.get(key(legacyValue.substring(0, explanation)));
			}
		}
		return Optional.ofNullable(targets);
	}

	private static String key(String label) {
		return TextFolding.searchKey(label);
	}

	private static List<Target> services(String label) {
		return List.of(new Target(SchemaField.SERVICES, label));
	}

	private static List<Target> publics(String label) {
		return List.of(new Target(SchemaField.PUBLICS_SPECIFIQUEMENT_ADRESSES, label));
	}

	private static List<Target> support(String label) {
		return List.of(new Target(SchemaField.PRISE_EN_CHARGE_SPECIFIQUE, label));
	}

	private static List<Target> fees(String label) {
		return List.of(new Target(SchemaField.FRAIS_A_CHARGE, label));
	}

	private static List<Target> programs(String label) {
		return List.of(new Target(SchemaField.DISPOSITIF_PROGRAMMES_NATIONAUX, label));
	}

	private static List<Target> others(String label) {
		return List.of(new Target(SchemaField.AUTRES_FORMATIONS_LABELS, label));
	}

	private static List<Target> modes(String label) {
		return List.of(new Target(SchemaField.MODALITES_ACCOMPAGNEMENT, label));
	}

}
