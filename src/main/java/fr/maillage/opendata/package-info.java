/**
 * Open data in the national schema "lieux de médiation numérique": tolerant import of
 * producer files (CSV, JSON, GeoJSON; schema v1.0.x and v0.1.x) into the place directory,
 * with a report of every issue and every rejected row kept, and publication of the
 * directory in the schema (read API, CSV/JSON/GeoJSON exports). Entry points:
 * {@link fr.maillage.opendata.importing.SourceImport} and the controllers of {@code web}.
 * The published directory is the merge of every source
 * ({@link fr.maillage.opendata.PublishedDirectory}, ADR 0010, ADR 0011); people edit,
 * confirm and moderate it from their space (issue 6, ADR 0012). Decisions: ADR 0004
 * (tolerant import) and ADR 0005 (defects of the standard).
 */
@ApplicationModule(
		allowedDependencies = { "places", "places::vocabulary", "places::hours", "territories", "accounts", "shared" })
@NullMarked
package fr.maillage.opendata;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
