package fr.maillage.contributions.domain;

import org.jspecify.annotations.Nullable;

/**
 * Where a lieu lies, as the rules of who may do what read it.
 *
 * @param departement the lieu's département code (« 69 » for the whole Rhône)
 * @param collectivite 69D or 69M for a commune of the Rhône, else null
 * @param epci the SIREN of the lieu's commune's EPCI, when known
 */
public record LieuTerritory(String departement, @Nullable String collectivite, @Nullable String epci) {
}
