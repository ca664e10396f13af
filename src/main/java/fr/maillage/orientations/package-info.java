/**
 * Orientations (issue 16): a professional at a counter orients a person to a mediation
 * lieu, with the person's consent recorded as a record of its own, and learns whether she
 * came (closed loop). Layers as in {@code contributions}: {@code domain} (plain Java: the
 * workflow {@code OrientationStatus}, the consent and its policy, refusal reasons, the
 * field cipher) ← {@code persistence} (its SQL on its own tables only) ← root services
 * (the API: who may do what, transactions; other modules through their root APIs:
 * {@code places.PlaceDirectory}, {@code contributions.LieuEditing} and
 * {@code contributions.Structures}, {@code accounts.Accounts}) ← {@code web}. Personal
 * data is encrypted at rest, every read of it is logged, and it is erased after a
 * retention period. Who gets in: professionals ask for an account, decided by their
 * territory's coordinators ({@code AccountRequests}); a lieu with nobody attached answers
 * through a signed link ({@code OrientationLinks}); reminders at 3 and 7 days
 * ({@code OrientationReminders}); a person's export and erasure
 * ({@code PersonDataRequests}). Decisions: ADR 0017, ADR 0020.
 */
@ApplicationModule(allowedDependencies = { "places", "places::vocabulary", "places::hours", "places::printing",
		"territories", "contributions", "contributions::domain", "accounts", "shared" })
@NullMarked
package fr.maillage.orientations;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
