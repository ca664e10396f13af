/**
 * The national schema « lieux de médiation numérique » v1.0.x as data: its fields
 * ({@link fr.maillage.opendata.schema.SchemaField}), the matching of producers' spellings
 * to its vocabularies, and the v0.1 → v1 table. Plain Java; published to other modules
 * (the edit form of {@code contributions} names and types its fields from it).
 */
@NamedInterface("schema")
@NullMarked
package fr.maillage.opendata.schema;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
