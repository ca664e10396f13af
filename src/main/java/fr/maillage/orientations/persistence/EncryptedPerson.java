package fr.maillage.orientations.persistence;

import org.jspecify.annotations.Nullable;

/**
 * The person's fields as stored: encrypted ({@code FieldCipher}), all null once erased.
 */
public record EncryptedPerson(@Nullable String firstName, @Nullable String phone, @Nullable String email,
		@Nullable String need) {

}
