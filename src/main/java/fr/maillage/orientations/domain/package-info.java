/**
 * The rules and values of orientations, in plain Java (no Spring, SQL or HTTP;
 * {@code ArchitectureTest} checks it): the workflow
 * ({@link fr.maillage.orientations.domain.OrientationStatus}, every transition in one
 * place), the consent ({@link fr.maillage.orientations.domain.Consent}) and the rule that
 * an orientation needs a valid one
 * ({@link fr.maillage.orientations.domain.ConsentPolicy}), refusal reasons and the
 * person's minimal data (kept unreadable at rest by {@code shared.crypto.FieldCipher}).
 */
@NullMarked
package fr.maillage.orientations.domain;

import org.jspecify.annotations.NullMarked;
