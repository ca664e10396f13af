/**
 * Who may do what (ADR 0006, ADR 0012): accounts with a role (administrateur,
 * coordinateur of territories, membre of a structure), invited through an e-mailed
 * one-time link, signed in with sessions kept in PostgreSQL, throttled after repeated
 * failures; personal API tokens; the bootstrap administrator token
 * ({@code MAILLAGE_ADMIN_TOKEN}). The API's rule lives in one interceptor, the pages' in
 * one Spring Security chain, so no route can forget it; {@code AccessMatrixIT} checks
 * every route.
 */
@ApplicationModule(allowedDependencies = "shared")
@NullMarked
package fr.maillage.accounts;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
