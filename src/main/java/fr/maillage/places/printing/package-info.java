/**
 * Printables as PDF (openhtmltopdf, shipped fonts), QR codes (ZXing), what paper says of
 * a place ({@code PrintedPlace}), maps from the communes' contours (ADR 0014). A named
 * interface since issue 16: the orientations module prints its fiche de liaison with the
 * same tools rather than a second PDF stack.
 */
@NamedInterface("printing")
@NullMarked
package fr.maillage.places.printing;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
