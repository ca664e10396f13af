/**
 * Coordination of a territory's actors (issue 18), first part: the actors directory —
 * structures of every kind (mairies, CCAS, France Services, associations, financeurs,
 * reconditionneurs…), their territory of action, their competences and their referent for
 * digital inclusion — with the public « qui fait quoi »
 * ({@link fr.maillage.coordination.Actors}), a coordinator's entry form and CSV import
 * reporting every refused row. Shaped as {@code contributions}: {@code domain} (plain
 * Java: vocabularies, {@code ActorRules}, {@code ActorManagementPolicy}) ←
 * {@code importing} (the CSV) and {@code persistence} (its own table {@code acteur}) ←
 * root services ← {@code web}. The coordination's mailing
 * ({@link fr.maillage.coordination.Mailing}, {@link fr.maillage.coordination.MailingJob};
 * ADR 0027): lists by territory, type and competence, announcements to the referents
 * whose consent « invitations » is in force, sent by a throttled job, and an unsubscribe
 * link that withdraws that consent without an account. Charter, governance, meetings and
 * their indicators come next (issue 18).
 */
@ApplicationModule(allowedDependencies = { "territories", "accounts", "contributions", "places", "places::vocabulary",
		"places::printing", "shared" })
@NullMarked
package fr.maillage.coordination;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
