package no.dfo.kundesenter.attachments.internal;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * AES-256-GCM for file content. Every file gets its own random data key, stored wrapped
 * (encrypted) under a configured key whose id is kept with the file, so configured keys
 * can be rotated. Content is sealed in chunks; each chunk's nonce is its number and its
 * authenticated data binds it to its file, its place and whether it is the last, so
 * chunks cannot be altered, swapped, reordered or cut off unnoticed.
 */
final class ContentCipher {

	private static final String AES_GCM = "AES/GCM/NoPadding";

	private static final int TAG_BITS = 128;

	private static final int NONCE_BYTES = 12;

	private static final int KEY_BYTES = 32;

	private final SecureRandom random = new SecureRandom();

	private final String currentKeyId;

	private final Map<String, SecretKey> keys;

	ContentCipher(@Nullable String currentKeyId, @Nullable Map<String, String> base64Keys) {
		if (base64Keys == null || base64Keys.isEmpty()) {
			throw new IllegalStateException("No key for attachments: set portal.attachments.encryption.keys.<id> "
					+ "(Base64 of 32 random bytes) and portal.attachments.encryption.current-key=<id>");
		}
		Map<String, SecretKey> parsed = new HashMap<>();
		base64Keys.forEach((id, value) -> parsed.put(id, parse(id, value)));
		if (currentKeyId == null || !parsed.containsKey(currentKeyId)) {
			throw new IllegalStateException("portal.attachments.encryption.current-key must name one of the keys in "
					+ "portal.attachments.encryption.keys " + parsed.keySet());
		}
		this.currentKeyId = currentKeyId;
		this.keys = Map.copyOf(parsed);
	}

	private static SecretKey parse(String id, String value) {
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(value.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("Attachment key " + id + " is not Base64");
		}
		if (bytes.length != KEY_BYTES) {
			throw new IllegalStateException(
					"Attachment key " + id + " must be 32 bytes (AES-256), not " + bytes.length);
		}
		return new SecretKeySpec(bytes, "AES");
	}

	/**
	 * A new random data key for one file, and the same key wrapped under the current
	 * configured key.
	 */
	FileKey newFileKey(UUID fileId) {
		byte[] dataKey = new byte[KEY_BYTES];
		this.random.nextBytes(dataKey);
		byte[] nonce = new byte[NONCE_BYTES];
		this.random.nextBytes(nonce);
		try {
			Cipher cipher = Cipher.getInstance(AES_GCM);
			cipher.init(Cipher.ENCRYPT_MODE, this.keys.get(this.currentKeyId), new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(uuidBytes(fileId));
			byte[] sealed = cipher.doFinal(dataKey);
			byte[] wrapped = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
			return new FileKey(new SecretKeySpec(dataKey, "AES"), this.currentKeyId, wrapped);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is not available", ex);
		}
	}

	/** Whether keys besides the current one are configured, so data may be under them. */
	boolean hasOtherKeys() {
		return this.keys.size() > 1;
	}

	/** The id of the key new data keys are wrapped under. */
	String currentKeyId() {
		return this.currentKeyId;
	}

	/**
	 * The same data key wrapped under the current key: what rotating a key changes, while
	 * the content sealed with the data key stays as it is.
	 * @throws GeneralSecurityException if the key id is unknown or the wrapped key was
	 * altered
	 */
	FileKey rewrap(UUID fileId, String keyId, byte[] wrapped) throws GeneralSecurityException {
		SecretKey dataKey = unwrap(fileId, keyId, wrapped);
		byte[] nonce = new byte[NONCE_BYTES];
		this.random.nextBytes(nonce);
		Cipher cipher = Cipher.getInstance(AES_GCM);
		cipher.init(Cipher.ENCRYPT_MODE, this.keys.get(this.currentKeyId), new GCMParameterSpec(TAG_BITS, nonce));
		cipher.updateAAD(uuidBytes(fileId));
		byte[] sealed = cipher.doFinal(dataKey.getEncoded());
		byte[] rewrapped = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
		return new FileKey(dataKey, this.currentKeyId, rewrapped);
	}

	/**
	 * Unwraps a file's data key with the configured key it was wrapped under.
	 * @throws GeneralSecurityException if the key id is unknown or the wrapped key was
	 * altered
	 */
	SecretKey unwrap(UUID fileId, String keyId, byte[] wrapped) throws GeneralSecurityException {
		SecretKey key = this.keys.get(keyId);
		if (key == null) {
			throw new GeneralSecurityException("No configured attachment key with id " + keyId);
		}
		Cipher cipher = Cipher.getInstance(AES_GCM);
		cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, wrapped, 0, NONCE_BYTES));
		cipher.updateAAD(uuidBytes(fileId));
		return new SecretKeySpec(cipher.doFinal(wrapped, NONCE_BYTES, wrapped.length - NONCE_BYTES), "AES");
	}

	byte[] seal(SecretKey dataKey, UUID fileId, int chunk, boolean last, byte[] plain, int length) {
		try {
			Cipher cipher = chunkCipher(Cipher.ENCRYPT_MODE, dataKey, fileId, chunk, last);
			return cipher.doFinal(plain, 0, length);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is not available", ex);
		}
	}

	/**
	 * @throws GeneralSecurityException if the chunk was altered or is not the expected
	 * one
	 */
	byte[] open(SecretKey dataKey, UUID fileId, int chunk, boolean last, byte[] sealed)
			throws GeneralSecurityException {
		return chunkCipher(Cipher.DECRYPT_MODE, dataKey, fileId, chunk, last).doFinal(sealed);
	}

	private static Cipher chunkCipher(int mode, SecretKey dataKey, UUID fileId, int chunk, boolean last)
			throws GeneralSecurityException {
		// A data key seals one file only, so the chunk number alone is a unique nonce.
		byte[] nonce = ByteBuffer.allocate(NONCE_BYTES).putLong(4, chunk).array();
		Cipher cipher = Cipher.getInstance(AES_GCM);
		cipher.init(mode, dataKey, new GCMParameterSpec(TAG_BITS, nonce));
		cipher
			.updateAAD(ByteBuffer.allocate(21).put(uuidBytes(fileId)).putInt(chunk).put((byte) (last ? 1 : 0)).array());
		return cipher;
	}

	private static byte[] uuidBytes(UUID id) {
		return ByteBuffer.allocate(16)
			.putLong(id.getMostSignificantBits())
			.putLong(id.getLeastSignificantBits())
			.array();
	}

	record FileKey(SecretKey dataKey, String keyId, byte[] wrapped) {
	}

}
