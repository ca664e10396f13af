package fr.maillage.fragility;

import java.util.EnumMap;
import java.util.Map;

import fr.maillage.fragility.domain.FragilityIndicator;
import fr.maillage.fragility.domain.FragilitySettings;
import fr.maillage.fragility.domain.FragilitySettings.Base;
import fr.maillage.fragility.domain.FragilitySettings.Method;
import fr.maillage.fragility.domain.Variant;
import fr.maillage.shared.web.BadRequestException;

/**
 * Reads a setting from request parameters: {@code methode=v3|v1},
 * {@code variante=tout_age|senior|jeune}, {@code base=france|region|departement} and
 * {@code poids.<indicateur>=<nombre ≥ 0>}; anything absent is the official setting. Other
 * parameters are ignored, so a page can pass all of its own.
 */
public final class FragilitySettingsParameters {

	private FragilitySettingsParameters() {
	}

	public static FragilitySettings read(Map<String, String> parameters) {
		Method method = switch (parameters.getOrDefault("methode", "v3")) {
			case "v3" -> Method.V3;
			case "v1" -> Method.V1;
			default -> throw invalid("methode", "v3 ou v1");
		};
		Variant variant = Variant.findByCode(parameters.getOrDefault("variante", "tout_age"))
			.orElseThrow(() -> invalid("variante", "tout_age, senior ou jeune"));
		Base base = switch (parameters.getOrDefault("base", "france")) {
			case "france" -> Base.FRANCE;
			case "region" -> Base.REGION;
			case "departement" -> Base.DEPARTEMENT;
			default -> throw invalid("base", "france, region ou departement");
		};
		Map<FragilityIndicator, Double> weights = new EnumMap<>(FragilityIndicator.class);
		for (Map.Entry<String, String> parameter : parameters.entrySet()) {
			if (!parameter.getKey().startsWith("poids.")) {
				continue;
			}
			String code = parameter.getKey().substring("poids.".length());
			FragilityIndicator indicator = FragilityIndicator.findByCode(code)
				.filter(variant.indicators()::contains)
				.orElseThrow(() -> new BadRequestException("poids_invalide",
						"« " + code + " » n'est pas un indicateur de la variante " + variant.label() + "."));
			try {
				double weight = Double.parseDouble(parameter.getValue().replace(',', '.'));
				if (!(weight >= 0) || weight > 100) {
					throw new NumberFormatException();
				}
				weights.put(indicator, weight);
			}
			catch (NumberFormatException e) {
				throw new BadRequestException("poids_invalide",
						"Le poids de « " + code + " » doit être un nombre entre 0 et 100.");
			}
		}
		return new FragilitySettings(method, variant, weights, base);
	}

	private static BadRequestException invalid(String parameter, String expected) {
		return new BadRequestException("parametre_invalide",
				"Valeur invalide pour « " + parameter + " » : " + expected + " attendu.");
	}

}
