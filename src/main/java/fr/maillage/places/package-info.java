/**
 * The directory of digital-mediation places ("lieux de médiation numérique"). Entry
 * point: {@link fr.maillage.places.PlaceDirectory} (search, read, save); the public pages
 * are in {@code web}. A place is identified by its origin (import source and the
 * producer's id), which gives it a stable Maillage id. Vocabularies of the national
 * schema are published in {@code places.vocabulary}.
 */
@ApplicationModule(allowedDependencies = { "territories", "shared" })
@NullMarked
package fr.maillage.places;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
