/**
 * The contributive directory's rules and values, in plain Java (no Spring, SQL or HTTP;
 * {@code ArchitectureTest} checks it): who may edit a lieu
 * ({@link fr.maillage.contributions.domain.EditingPolicy}), where a lieu lies,
 * structures, how a list of lieux is sorted. Persistence and services depend on it, never
 * the reverse.
 */
@NamedInterface("domain")
@NullMarked
package fr.maillage.contributions.domain;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
