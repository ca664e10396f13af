/**
 * The contributive directory (issues 6 and 15): the people of a territory keep its lieux
 * right. Structures and their members, who may edit what ({@code domain/EditingPolicy}),
 * edits and proposals ({@link fr.maillage.contributions.LieuEditing}, which writes
 * through {@code opendata}'s {@code PlaceEditing}), moderation of reports and proposals
 * ({@link fr.maillage.contributions.Moderation}), the one freshness rule's indicator,
 * confirmations and monthly reminders ({@link fr.maillage.contributions.LieuFreshness},
 * {@link fr.maillage.contributions.FreshnessReminders}), the coordinator's list of lieux
 * ({@link fr.maillage.contributions.LieuListing}) and a lieu's history
 * ({@link fr.maillage.contributions.LieuHistory}). Layers: {@code domain} (plain Java) ←
 * {@code persistence} (its SQL, its own tables only) ← root services (the API) ←
 * {@code web}. It reads lieux through {@code places}' and {@code opendata}'s APIs, never
 * their tables. The module later modules copy (ARCHITECTURE.md). Decisions: ADR 0012.
 */
@ApplicationModule(allowedDependencies = { "places", "places::vocabulary", "places::hours", "opendata",
		"opendata::schema", "territories", "accounts", "shared" })
@NullMarked
package fr.maillage.contributions;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
