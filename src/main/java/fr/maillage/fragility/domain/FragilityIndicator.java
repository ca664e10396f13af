package fr.maillage.fragility.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * The indicators of the Indice de Fragilité Numérique, each a share (0–100) or rate where
 * a higher value means a higher risk. Declared in one table: API code, French label,
 * where a territory finds the value (variables of INSEE's census RP 2021 and Filosofi
 * 2021, ARCEP's "Ma connexion internet"), and the column of La Mednum's published scores
 * (2023) when it has one. Core indicators make the score; context indicators are shown
 * beside it.
 */
public enum FragilityIndicator {

	// @formatter:off
	NON_COUVERTURE_THD("non_couverture_thd", "Locaux sans très haut débit (%)",
			"ARCEP, Ma connexion internet : 100 − part des locaux éligibles à ≥ 30 Mbit/s", "no_thd_coverage_rate", true),
	NON_COUVERTURE_4G("non_couverture_4g", "Surface sans 4G (%)",
			"ARCEP, Mon réseau mobile : 100 − part de la surface couverte en 4G (au moins un opérateur)",
			"no_4g_coverage_rate", true),
	TAUX_PAUVRETE("taux_pauvrete", "Taux de pauvreté (%)", "INSEE Filosofi 2021 : TP6021", "poverty_rate", true),
	PART_65_ANS_ET_PLUS("part_65_ans_et_plus", "Part des 65 ans et plus (%)", "INSEE RP 2021 : 100 × P21_POP65P / P21_POP",
			"older_65_rate", true),
	PART_PEU_DIPLOMES("part_peu_ou_pas_diplomes", "Part des 15 ans et plus non scolarisés peu ou pas diplômés (%)",
			"INSEE RP 2021 : 100 × (P21_NSCOL15P_DIPLMIN + P21_NSCOL15P_BEPC) / P21_NSCOL15P", "nscol15p_rate", true),
	PART_80_ANS_SEULS("part_80_ans_et_plus_seuls", "Part des 80 ans et plus vivant seuls (%)",
			"INSEE RP 2021 : 100 × P21_POP80P_PSEUL / P21_POP80P", null, true),
	PART_JEUNES_NON_INSERES("part_jeunes_non_inseres", "Part des 15–24 ans ni en emploi ni en formation (%)",
			"INSEE RP 2021 : 100 × (P21_POP1524 − P21_ACTOCC1524 − P21_SCOL1524) / P21_POP1524 (approché)", null, true),
	MENAGES_UNE_PERSONNE("menages_une_personne", "Ménages d'une personne (%)", "INSEE RP 2021 : 100 × C21_MENPSEUL / C21_MEN",
			null, false),
	FAMILLES_MONOPARENTALES("familles_monoparentales", "Familles monoparentales (%)",
			"INSEE RP 2021 : 100 × C21_FAMMONO / C21_FAM", null, false),
	TAUX_CHOMAGE("taux_chomage", "Taux de chômage des 15–64 ans (%)", "INSEE RP 2021 : 100 × P21_CHOM1564 / P21_ACT1564",
			null, false),
	DISTANCE_SERVICES("distance_services", "Temps d'accès aux services du quotidien (min)",
			"INSEE BPE / Atlas des territoires : temps d'accès moyen au panier de services de la vie courante", null, false);
	// @formatter:on

	private final String code;

	private final String label;

	private final String source;

	private final String publishedColumn;

	private final boolean core;

	FragilityIndicator(String code, String label, String source, String publishedColumn, boolean core) {
		this.code = code;
		this.label = label;
		this.source = source;
		this.publishedColumn = publishedColumn;
		this.core = core;
	}

	/** The name in the API, the CSV import columns and the exports. */
	public String code() {
		return code;
	}

	public String label() {
		return label;
	}

	/**
	 * Where the value comes from, with its variables, for the documentation and exports.
	 */
	public String source() {
		return source;
	}

	/**
	 * The column of La Mednum's published score files, {@code null} when they have none.
	 */
	public Optional<String> publishedColumn() {
		return Optional.ofNullable(publishedColumn);
	}

	/**
	 * A core indicator can enter a score; a context indicator is only shown beside it.
	 */
	public boolean isCore() {
		return core;
	}

	public static Optional<FragilityIndicator> findByCode(String code) {
		return Arrays.stream(values()).filter(indicator -> indicator.code.equals(code)).findFirst();
	}

	public static Optional<FragilityIndicator> findByPublishedColumn(String column) {
		return Arrays.stream(values()).filter(indicator -> column.equals(indicator.publishedColumn)).findFirst();
	}

}
