/**
 * The closed vocabularies of the national schema "lieux de médiation numérique" v1.0.2,
 * each value spelled exactly as the standard's {@code schema.json} patterns spell it
 * (that spelling is what an export must contain). Known defects of the standard and the
 * spellings we also accept on input are in docs/adr/0005-schema-defects.md.
 */
@NamedInterface("vocabulary")
@NullMarked
package fr.maillage.places.vocabulary;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
