/**
 * Coordination of a territory's actors (issue 18). First the actors directory —
 * structures of every kind (mairies, CCAS, France Services, associations, financeurs,
 * reconditionneurs…), their territory of action, their competences and their referent for
 * digital inclusion — with the public « qui fait quoi »
 * ({@link fr.maillage.coordination.Actors}), a coordinator's entry form and CSV import
 * reporting every refused row. Shaped as {@code contributions}: {@code domain} (plain
 * Java: vocabularies, {@code ActorRules}, {@code ActorManagementPolicy}) ←
 * {@code importing} (the CSV) and {@code persistence} (its own table {@code acteur}) ←
 * root services ← {@code web}. Then (issue 18, items 2–4, ADR 0024): the resources of a
 * territory ({@link fr.maillage.coordination.Resources}: formative, financière, humaine,
 * matérielle, held by an actor, public at {@code /ressources}); the charter of commitment
 * in versions ({@link fr.maillage.coordination.Charter}: structures sign a version,
 * signatories' names encrypted and shown to the coordination only,
 * {@code countSignatures} for the indicators); the governance bodies and their member
 * structures' roles ({@link fr.maillage.coordination.Governance}, {@code PorteurPolicy}).
 * Meetings ({@link fr.maillage.coordination.Meetings}, ADR 0025): a body's or open,
 * invitations with an {@code .ics}, public registration, the territory's ICS feed; what
 * follows them ({@link fr.maillage.coordination.Attendance},
 * {@link fr.maillage.coordination.ExchangeIndicators}, ADR 0026): attendance at the door
 * or from the printed sign-in sheet, minutes and files, follow-up actions, the indicators
 * of the exchanges and representativeness, participants' names erased after their
 * retention. The coordination's mailing ({@link fr.maillage.coordination.Mailing},
 * {@link fr.maillage.coordination.MailingJob}; ADR 0027): lists by territory, type and
 * competence, announcements to the referents whose consent « invitations » is in force,
 * sent by a throttled job, and an unsubscribe link that withdraws that consent without an
 * account.
 */
@ApplicationModule(allowedDependencies = { "territories", "accounts", "contributions", "places", "places::vocabulary",
		"places::printing", "shared" })
@NullMarked
package fr.maillage.coordination;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
