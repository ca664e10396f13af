/**
 * Open data in the national schema "lieux de médiation numérique": tolerant import of
 * producer files (CSV, JSON, GeoJSON; schema v1.0.x and v0.1.x) into the place directory,
 * with a report of every issue and every rejected row kept, and publication of the
 * directory in the schema (read API, CSV/JSON/GeoJSON exports). Entry points:
 * {@link fr.maillage.opendata.importing.SourceImport} and the controllers of {@code web}.
 * Decisions: ADR 0004 (tolerant import) and ADR 0005 (defects of the standard).
 */
@ApplicationModule(
		allowedDependencies = { "places", "places::vocabulary", "places::hours", "territories", "accounts", "shared" })
@NullMarked
package fr.maillage.opendata;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
