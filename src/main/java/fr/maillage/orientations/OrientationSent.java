package fr.maillage.orientations;

/**
 * Published when an orientation is sent, inside the sending transaction: a lieu with
 * nobody attached is then e-mailed a signed link ({@link OrientationLinks}).
 */
public record OrientationSent(String orientationId, String lieuId) {

}
