package fr.maillage.fragility.domain;

import static fr.maillage.fragility.domain.FragilityIndicator.NON_COUVERTURE_4G;
import static fr.maillage.fragility.domain.FragilityIndicator.NON_COUVERTURE_THD;
import static fr.maillage.fragility.domain.FragilityIndicator.PART_65_ANS_ET_PLUS;
import static fr.maillage.fragility.domain.FragilityIndicator.PART_80_ANS_SEULS;
import static fr.maillage.fragility.domain.FragilityIndicator.PART_JEUNES_NON_INSERES;
import static fr.maillage.fragility.domain.FragilityIndicator.PART_PEU_DIPLOMES;
import static fr.maillage.fragility.domain.FragilityIndicator.TAUX_PAUVRETE;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Named indicator sets ("Tout âge / Senior / Jeune"). "Tout âge" is the set of La
 * Mednum's published 2023 scores; the other two are Maillage's reading of the variants,
 * which La Mednum names without publishing their composition (ADR 0008): access (THD, 4G)
 * and poverty always count, then what makes the age group fragile.
 */
public enum Variant {

	TOUT_AGE("tout_age", "Tout âge",
			List.of(NON_COUVERTURE_THD, NON_COUVERTURE_4G, TAUX_PAUVRETE, PART_65_ANS_ET_PLUS, PART_PEU_DIPLOMES)),
	SENIOR("senior", "Senior",
			List.of(NON_COUVERTURE_THD, NON_COUVERTURE_4G, TAUX_PAUVRETE, PART_65_ANS_ET_PLUS, PART_80_ANS_SEULS)),
	JEUNE("jeune", "Jeune",
			List.of(NON_COUVERTURE_THD, NON_COUVERTURE_4G, TAUX_PAUVRETE, PART_PEU_DIPLOMES, PART_JEUNES_NON_INSERES));

	private final String code;

	private final String label;

	private final List<FragilityIndicator> indicators;

	Variant(String code, String label, List<FragilityIndicator> indicators) {
		this.code = code;
		this.label = label;
		this.indicators = indicators;
	}

	public String code() {
		return code;
	}

	public String label() {
		return label;
	}

	public List<FragilityIndicator> indicators() {
		return indicators;
	}

	public static Optional<Variant> findByCode(String code) {
		return Arrays.stream(values()).filter(variant -> variant.code.equals(code)).findFirst();
	}

}
