/**
 * The Indice de Fragilité Numérique (IFN): indicator values and La Mednum's published
 * scores imported per commune or IRIS, scores computed by a pure and versioned method
 * ({@code domain.FragilityIndexCalculator}: v3 on the 1–10 scale, v1 of the 2019 kit),
 * with adjustable weights and comparison base, aggregated by population to EPCI,
 * département and région. Entry point: {@link fr.maillage.fragility.FragilityIndexes}.
 * Method and choices: ADR 0008.
 */
@ApplicationModule(allowedDependencies = { "territories", "shared" })
@NullMarked
package fr.maillage.fragility;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
