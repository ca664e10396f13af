package fr.maillage.fragility.domain;

import java.util.EnumMap;
import java.util.Map;

/**
 * How a score is computed: the method, the indicator set, the weight of each indicator (1
 * by default, 0 leaves it out) and the territory units are compared with. The official
 * setting is {@link #OFFICIAL}; every export states the setting it used.
 */
public record FragilitySettings(Method method, Variant variant, Map<FragilityIndicator, Double> weights, Base base) {

	public static final FragilitySettings OFFICIAL = new FragilitySettings(Method.V3, Variant.TOUT_AGE, Map.of(),
			Base.FRANCE);

	public FragilitySettings {
		for (Map.Entry<FragilityIndicator, Double> weight : weights.entrySet()) {
			if (!(weight.getValue() >= 0) || weight.getValue().isInfinite()) {
				throw new IllegalArgumentException("poids invalide pour " + weight.getKey().code());
			}
		}
		weights = weights.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(weights));
	}

	public double weightOf(FragilityIndicator indicator) {
		return weights.getOrDefault(indicator, 1.0);
	}

	/** Whether every indicator of the variant weighs the default 1. */
	public boolean hasDefaultWeights() {
		return variant.indicators().stream().allMatch(indicator -> weightOf(indicator) == 1.0);
	}

	public boolean isOfficial() {
		return method == Method.V3 && variant == Variant.TOUT_AGE && base == Base.FRANCE && hasDefaultWeights();
	}

	/** The scoring methods of the IFN. */
	public enum Method {

		/** Current scale 1–10: rank of the unit among the base's units, per indicator. */
		V3("v3"),
		/**
		 * 2019 kit: 100 × value / value of the reference territory (100 = as the
		 * reference).
		 */
		V1("v1");

		private final String code;

		Method(String code) {
			this.code = code;
		}

		public String code() {
			return code;
		}

	}

	/** The units a unit is compared with. */
	public enum Base {

		FRANCE("france"), REGION("region"), DEPARTEMENT("departement");

		private final String code;

		Base(String code) {
			this.code = code;
		}

		public String code() {
			return code;
		}

	}

}
