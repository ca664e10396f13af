/**
 * Who may do what. For now: the bootstrap administrator token
 * ({@code MAILLAGE_ADMIN_TOKEN}) that protects every write of the API and the import
 * reports, checked by one interceptor so no write route can forget it (ADR 0006).
 * Accounts, roles and sessions come with issue 6.
 */
@ApplicationModule(allowedDependencies = "shared")
@NullMarked
package fr.maillage.accounts;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
