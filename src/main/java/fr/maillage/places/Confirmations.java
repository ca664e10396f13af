package fr.maillage.places;

import java.time.LocalDate;
import java.util.Optional;

/**
 * When someone last confirmed a lieu « toujours exact ». A port: confirmations belong to
 * the contributive directory, which depends on this module and implements it, while the
 * public badge, here, needs them to apply the one {@link Freshness} rule.
 */
public interface Confirmations {

	Optional<LocalDate> findLastConfirmation(String lieuId);

	/** For a module that holds no confirmations: nothing is ever confirmed. */
	Confirmations NONE = lieuId -> Optional.empty();

}
