package fr.maillage.shared.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * Encrypts a person's fields at rest with AES-256-GCM (ADR 0017): a database dump or
 * backup names nobody without the key, which lives outside the database
 * ({@code MAILLAGE_CLE_CHIFFREMENT}). A stored value is
 * {@code v1.<key id>.<base64(nonce ‖ ciphertext ‖ tag)>}: a fresh 96-bit nonce each time;
 * the key id (start of the key's SHA-256) lets older keys still read what they wrote
 * while the current one writes (rotation); the context (orientation id and field) is
 * authenticated, so a value copied into another row or column does not decrypt.
 */
public final class FieldCipher {

	private static final String PREFIX = "v1.";

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final String currentId;

	private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();

	/**
	 * @param currentKey 32 bytes: encrypts and decrypts
	 * @param previousKeys 32 bytes each: only decrypt (values written before a rotation)
	 */
	public FieldCipher(byte[] currentKey, List<byte[]> previousKeys) {
		this.currentId = add(currentKey);
		previousKeys.forEach(this::add);
	}

	private String add(byte[] key) {
		if (key.length != 32) {
			throw new IllegalArgumentException("La clé de chiffrement doit faire 32 octets (256 bits), encodés en "
					+ "base64 : elle en fait " + key.length + ".");
		}
		String id = keyId(key);
		keys.putIfAbsent(id, new SecretKeySpec(key, "AES"));
		return id;
	}

	/** A short public name of the key: never enough to find the key. */
	public static String keyId(byte[] key) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key), 0, 4);
		}
		catch (GeneralSecurityException impossible) {
			throw new IllegalStateException(impossible);
		}
	}

	/** A new random key, base64, for a first installation or a rotation. */
	public static String newKey() {
		byte[] key = new byte[32];
		RANDOM.nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}

	/** The id of the key that encrypts today. */
	public String currentKeyId() {
		return currentId;
	}

	/**
	 * @param context what the value belongs to (for example the orientation's id and the
	 * field's name), authenticated with it
	 * @return null for null
	 */
	public @Nullable String encrypt(@Nullable String plain, String context) {
		if (plain == null) {
			return null;
		}
		try {
			byte[] nonce = new byte[NONCE_BYTES];
			RANDOM.nextBytes(nonce);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentId), new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
			byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
			byte[] stored = new byte[nonce.length + sealed.length];
			System.arraycopy(nonce, 0, stored, 0, nonce.length);
			System.arraycopy(sealed, 0, stored, nonce.length, sealed.length);
			return PREFIX + currentId + "." + Base64.getEncoder().encodeToString(stored);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("AES-GCM unavailable", e);
		}
	}

	/**
	 * @return null for null
	 * @throws UnreadableException when no known key wrote it, or it was altered or moved
	 */
	public @Nullable String decrypt(@Nullable String stored, String context) {
		if (stored == null) {
			return null;
		}
		String[] parts = stored.split("\\.", 3);
		if (parts.length != 3 || !stored.startsWith(PREFIX)) {
			throw new UnreadableException("not an encrypted value");
		}
		SecretKeySpec key = keys.get(parts[1]);
		if (key == null) {
			throw new UnreadableException("encrypted with the unknown key " + parts[1]);
		}
		try {
			byte[] bytes = Base64.getDecoder().decode(parts[2]);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
			cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
			return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException | GeneralSecurityException e) {
			throw new UnreadableException("altered, moved or wrongly keyed value");
		}
	}

	/** A stored value that cannot be read with the keys given. */
	public static class UnreadableException extends RuntimeException {

		UnreadableException(String message) {
			super(message);
		}

	}

}
