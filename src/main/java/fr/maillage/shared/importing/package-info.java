/**
 * What every importer reports (lieux, sources, fragility scores): one issue type with its
 * line, field, value and French reason.
 */
@NullMarked
package fr.maillage.shared.importing;

import org.jspecify.annotations.NullMarked;
