package fr.maillage.opendata.schema;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The 32 columns of schema v1.0.2 in their official order, with the constraints of
 * {@code schema.json}. Names are spelled as the standard spells them: this is the
 * import/export boundary.
 */
public enum SchemaField {

	ID("id", true, null, null, false),

	PIVOT("pivot", true, "^[a-zA-Z0-9]{9,14}$", null, false),

	NOM("nom", true, null, null, false),

	COMMUNE("commune", true, null, null, false),

	CODE_POSTAL("code_postal", true, "^\\d{5}$", null, false),

	CODE_INSEE("code_insee", false, "^([013-9]\\d|2[AB1-9])\\d{3}$", null, false),

	ADRESSE("adresse", true, null, null, false),

	COMPLEMENT_ADRESSE("complement_adresse", false, null, null, false),

	LATITUDE("latitude", false, null, null, false),

	LONGITUDE("longitude", false, null, null, false),

	TYPOLOGIE("typologie", false, null, null, true),

	TELEPHONE("telephone", false, "^(\\+33|\\+590|\\+594|\\+262|\\+596|\\+269|\\+687|\\+689|\\+508|\\+681)(\\d){6,9}$",
			null, false),

	COURRIELS("courriels", false, null, null, true),

	SITE_WEB("site_web", false, null, null, true),

	HORAIRES("horaires", false, null, null, false),

	PRESENTATION_RESUME("presentation_resume", false, null, 280, false),

	PRESENTATION_DETAIL("presentation_detail", false, null, null, false),

	SOURCE("source", false, null, null, false),

	ITINERANCE("itinerance", false, null, null, true),

	STRUCTURE_PARENTE("structure_parente", false, null, null, false),

	DATE_MAJ("date_maj", true, null, null, false),

	SERVICES("services", false, null, null, true),

	PUBLICS_SPECIFIQUEMENT_ADRESSES("publics_specifiquement_adresses", false, null, null, true),

	PRISE_EN_CHARGE_SPECIFIQUE("prise_en_charge_specifique", false, null, null, true),

	FRAIS_A_CHARGE("frais_a_charge", false, null, null, true),

	DISPOSITIF_PROGRAMMES_NATIONAUX("dispositif_programmes_nationaux", false, null, null, true),

	FORMATIONS_LABELS("formations_labels", false, null, null, true),

	AUTRES_FORMATIONS_LABELS("autres_formations_labels", false, null, null, false),

	MODALITES_ACCES("modalites_acces", false, null, null, true),

	MODALITES_ACCOMPAGNEMENT("modalites_accompagnement", false, null, null, true),

	FICHE_ACCES_LIBRE("fiche_acces_libre", false, null, null, false),

	PRISE_RDV("prise_rdv", false, null, null, false);

	/**
	 * Value used by the national tools when a place has no SIRET/RNA/RIDET; the schema
	 * requires a pivot.
	 */
	public static final String PIVOT_PLACEHOLDER = "00000000000000";

	private final String columnName;

	private final boolean required;

	private final @Nullable Pattern pattern;

	private final @Nullable Integer maxLength;

	private final boolean list;

	SchemaField(String columnName, boolean required, @Nullable String pattern, @Nullable Integer maxLength,
			boolean list) {
		this.columnName = columnName;
		this.required = required;
		this.pattern = pattern == null ? null : Pattern.compile(pattern);
		this.maxLength = maxLength;
		this.list = list;
	}

	public String columnName() {
		return columnName;
	}

	public boolean required() {
		return required;
	}

	public @Nullable Pattern pattern() {
		return pattern;
	}

	public @Nullable Integer maxLength() {
		return maxLength;
	}

	/**
	 * The most characters Maillage keeps in this field: the schema's {@code maxLength}
	 * when it has one, else a bound well above any real value (the longest commune name
	 * has 45 characters). Without one, a single record could weigh megabytes on every
	 * page that lists it.
	 */
	public int lengthLimit() {
		if (maxLength != null) {
			return maxLength;
		}
		return switch (this) {
			case PRESENTATION_DETAIL -> 5_000;
			case HORAIRES, SITE_WEB, COURRIELS, PRISE_RDV, FICHE_ACCES_LIBRE -> 2_000;
			case TYPOLOGIE, AUTRES_FORMATIONS_LABELS -> 1_000;
			case LATITUDE, LONGITUDE, PIVOT, CODE_POSTAL, CODE_INSEE, TELEPHONE, DATE_MAJ -> 50;
			case COMMUNE -> 150;
			// lists of the standard's vocabularies: every label, spelled out
			case SERVICES, PUBLICS_SPECIFIQUEMENT_ADRESSES, PRISE_EN_CHARGE_SPECIFIQUE, FRAIS_A_CHARGE,
					DISPOSITIF_PROGRAMMES_NATIONAUX, FORMATIONS_LABELS, MODALITES_ACCES, MODALITES_ACCOMPAGNEMENT,
					ITINERANCE ->
				1_000;
			default -> 250;
		};
	}

	/**
	 * A web address the public pages turn into a link: only {@code http(s)} is kept
	 * ({@code WebAddresses}).
	 */
	public boolean webAddress() {
		return this == SITE_WEB || this == PRISE_RDV || this == FICHE_ACCES_LIBRE;
	}

	/** Multi-valued: values separated by {@code |} in the schema's string form. */
	public boolean list() {
		return list;
	}

	public static List<String> columnNames() {
		return Arrays.stream(values()).map(SchemaField::columnName).toList();
	}

	public static Optional<SchemaField> findByColumnName(String name) {
		return Arrays.stream(values()).filter(field -> field.columnName.equals(name)).findFirst();
	}

}
