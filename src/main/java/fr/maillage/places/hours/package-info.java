/**
 * Opening hours of places: evaluation of OpenStreetMap {@code opening_hours} (parsed with
 * ch.poole's parser) in Europe/Paris, French public holidays, and the plain-French
 * wording shown to people ("Ouvert · ferme à 17:30"). Plain Java; values this evaluator
 * does not support are shown as written, never as "fermé".
 */
@NamedInterface("hours")
@NullMarked
package fr.maillage.places.hours;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
