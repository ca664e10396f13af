/**
 * The actors directory's rules and vocabularies, in plain Java
 * ({@code ArchitectureTest}): {@link fr.maillage.coordination.domain.ActorType},
 * {@link fr.maillage.coordination.domain.Competence}, what an actor's entry must hold
 * ({@link fr.maillage.coordination.domain.ActorRules}) and who manages it
 * ({@link fr.maillage.coordination.domain.ActorManagementPolicy}).
 */
@NamedInterface("domain")
@NullMarked
package fr.maillage.coordination.domain;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
