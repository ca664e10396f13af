/**
 * Where help is missing: for every commune and service, the distance from its centre to
 * the nearest place offering it, tiers ("couvert", "proche", "éloigné", "zone blanche"),
 * summaries per territory, a priority list crossed with the fragility index, and siting
 * suggestions by greedy maximum coverage. Pure rules in {@code domain} (a k-d tree on the
 * sphere, no PostGIS); entry point {@link fr.maillage.coverage.CoverageAnalyses}.
 * Thresholds and method: ADR 0009.
 */
@ApplicationModule(allowedDependencies = { "places", "places::vocabulary", "territories", "fragility", "shared" })
@NullMarked
package fr.maillage.coverage;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
