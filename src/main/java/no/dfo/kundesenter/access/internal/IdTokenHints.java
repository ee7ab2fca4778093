package no.dfo.kundesenter.access.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Keeps the ID token that signing out sends back to the provider ({@code id_token_hint})
 * sealed in the session: the token names the person by national identity number, and
 * sessions are stored in the database. AES-GCM with a key derived from
 * {@code portal.access.identity-key}.
 */
@Component
class IdTokenHints {

	private static final int NONCE_BYTES = 12;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final AccessSettings settings;

	IdTokenHints(AccessSettings settings) {
		this.settings = settings;
	}

	String seal(String idToken) {
		try {
			byte[] nonce = new byte[NONCE_BYTES];
			RANDOM.nextBytes(nonce);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(128, nonce));
			byte[] sealed = cipher.doFinal(idToken.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Could not seal the ID token", ex);
		}
	}

	/** The token, or {@literal null} when it was sealed with another key. */
	@Nullable String open(String sealed) {
		try {
			byte[] bytes = Base64.getUrlDecoder().decode(sealed);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(128, bytes, 0, NONCE_BYTES));
			return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES),
					StandardCharsets.US_ASCII);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			return null;
		}
	}

	private SecretKeySpec key() throws GeneralSecurityException {
		String secret = this.settings.identityKey();
		if (secret == null) {
			throw new IllegalStateException("portal.access.identity-key is not set");
		}
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return new SecretKeySpec(mac.doFinal("id-token-hint".getBytes(StandardCharsets.US_ASCII)), "AES");
	}

}
