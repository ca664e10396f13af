package fr.maillage.shared.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The person's fields are unreadable at rest and only readable where they were written.
 */
class FieldCipherTest {

	private static byte[] key(int seed) {
		byte[] key = new byte[32];
		java.util.Arrays.fill(key, (byte) seed);
		return key;
	}

	private final FieldCipher cipher = new FieldCipher(key(1), List.of());

	@Test
	void aValueComesBackAndIsNeverStoredInClear() {
		String stored = cipher.encrypt("Zoé Ørsted-Müller", "o1/prenom");
		assertThat(stored).startsWith("v1." + cipher.currentKeyId() + ".").doesNotContain("Zoé");
		assertThat(cipher.decrypt(stored, "o1/prenom")).isEqualTo("Zoé Ørsted-Müller");
		assertThat(cipher.encrypt(null, "o1/prenom")).isNull();
		assertThat(cipher.decrypt(null, "o1/prenom")).isNull();
	}

	@Test
	void theSameValueIsEncryptedDifferentlyEachTime() {
		assertThat(cipher.encrypt("Zoé", "o1/prenom")).isNotEqualTo(cipher.encrypt("Zoé", "o1/prenom"));
	}

	@Test
	void aValueMovedToAnotherRowOrFieldOrAlteredDoesNotDecrypt() {
		String stored = cipher.encrypt("Zoé", "o1/prenom");
		assertThatThrownBy(() -> cipher.decrypt(stored, "o2/prenom"))
			.isInstanceOf(FieldCipher.UnreadableException.class);
		assertThatThrownBy(() -> cipher.decrypt(stored, "o1/besoin"))
			.isInstanceOf(FieldCipher.UnreadableException.class);
		String body = stored.substring(stored.lastIndexOf('.') + 1);
		byte[] bytes = Base64.getDecoder().decode(body);
		bytes[bytes.length - 1] ^= 1;
		String altered = stored.substring(0, stored.lastIndexOf('.') + 1) + Base64.getEncoder().encodeToString(bytes);
		assertThatThrownBy(() -> cipher.decrypt(altered, "o1/prenom"))
			.isInstanceOf(FieldCipher.UnreadableException.class);
		assertThatThrownBy(() -> cipher.decrypt("Zoé", "o1/prenom"))
			.isInstanceOf(FieldCipher.UnreadableException.class);
	}

	@Test
	void afterARotationOldValuesStayReadableAndNewOnesUseTheNewKey() {
		String old = cipher.encrypt("Zoé", "o1/prenom");
		FieldCipher rotated = new FieldCipher(key(2), List.of(key(1)));
		assertThat(rotated.decrypt(old, "o1/prenom")).isEqualTo("Zoé");
		assertThat(rotated.encrypt("Zoé", "o1/prenom")).startsWith("v1." + FieldCipher.keyId(key(2)) + ".");
		// without the old key, an old value is unreadable, not wrongly read
		FieldCipher forgetful = new FieldCipher(key(2), List.of());
		assertThatThrownBy(() -> forgetful.decrypt(old, "o1/prenom"))
			.isInstanceOf(FieldCipher.UnreadableException.class);
	}

	@Test
	void aKeyMustBe256Bits() {
		assertThatThrownBy(() -> new FieldCipher(new byte[16], List.of())).hasMessageContaining("32 octets");
		assertThat(Base64.getDecoder().decode(FieldCipher.newKey())).hasSize(32);
	}

}
