package fr.maillage.places;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A person's report that something is wrong on a place's page ("Signaler une erreur"),
 * waiting for moderation.
 *
 * @param field what is wrong, one of {@link #FIELDS}
 */
public record ErrorReport(String id, String placeId, String field, String message, @Nullable String email,
		String status, Instant createdAt) {

	/** What a person can say is wrong, as shown in the form. */
	public static final java.util.List<String> FIELDS = java.util.List.of("Adresse", "Horaires",
			"Téléphone ou courriel", "Services proposés", "Le lieu a fermé", "Autre");

	public static final int MAX_MESSAGE_LENGTH = 2000;

	/**
	 * More reports than this for one place within an hour are refused (simple protection
	 * against floods).
	 */
	public static final int MAX_PER_PLACE_PER_HOUR = 10;

}
