package fr.maillage.coordination.persistence;

import org.jspecify.annotations.Nullable;

/**
 * A referent's name, e-mail and phone as stored: each encrypted by the shared
 * {@code FieldCipher}, bound to its actor and column ({@link #context}).
 */
public record EncryptedReferent(String name, @Nullable String email, @Nullable String phone) {

	/**
	 * The authenticated context of a column of an actor: a value moved elsewhere does not
	 * decrypt.
	 */
	public static String context(String actorId, String column) {
		return "acteur/" + actorId + "/" + column;
	}

}
