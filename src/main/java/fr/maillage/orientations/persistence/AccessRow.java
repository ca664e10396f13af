package fr.maillage.orientations.persistence;

import java.time.Instant;

/**
 * One read or change of a person's data (table {@code orientation_acces}).
 *
 * @param action lecture, creation, retrait_consentement or effacement
 */
public record AccessRow(String by, Instant at, String action) {

}
