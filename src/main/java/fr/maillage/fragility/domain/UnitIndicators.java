package fr.maillage.fragility.domain;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The indicator values of one statistical unit (a commune, or an IRIS), with its
 * population to weigh it. A missing indicator is absent from the map, never 0.
 */
public record UnitIndicators(String code, long population, Map<FragilityIndicator, Double> values) {

	public UnitIndicators {
		values = values.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(values));
	}

	public Optional<Double> value(FragilityIndicator indicator) {
		return Optional.ofNullable(values.get(indicator));
	}

}
