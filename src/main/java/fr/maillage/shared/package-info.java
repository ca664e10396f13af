/**
 * Technical building blocks with no business rule: text folding, geographic distance, the
 * JSON error model of the API and the embedded PostgreSQL used when no external database
 * is configured. Every module may use it.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
@NullMarked
package fr.maillage.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
