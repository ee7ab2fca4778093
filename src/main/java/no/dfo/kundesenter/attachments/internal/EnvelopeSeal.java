package no.dfo.kundesenter.attachments.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.UUID;

import javax.crypto.SecretKey;

import no.dfo.kundesenter.attachments.ContentSeal;
import org.springframework.stereotype.Component;

/**
 * One sealed value: a version byte, the key id, the wrapped data key, the value's random
 * id (bound into both the wrapped key and the content) and the content as one last chunk.
 */
@Component
class EnvelopeSeal implements ContentSeal {

	private static final byte VERSION = 1;

	private final ContentCipher cipher;

	EnvelopeSeal(ContentCipher cipher) {
		this.cipher = cipher;
	}

	@Override
	public byte[] seal(byte[] plain) {
		UUID id = UUID.randomUUID();
		ContentCipher.FileKey key = this.cipher.newFileKey(id);
		byte[] keyId = key.keyId().getBytes(StandardCharsets.UTF_8);
		byte[] sealed = this.cipher.seal(key.dataKey(), id, 0, true, plain, plain.length);
		return ByteBuffer.allocate(1 + 2 + keyId.length + 2 + key.wrapped().length + 16 + sealed.length)
			.put(VERSION)
			.putShort((short) keyId.length)
			.put(keyId)
			.putShort((short) key.wrapped().length)
			.put(key.wrapped())
			.putLong(id.getMostSignificantBits())
			.putLong(id.getLeastSignificantBits())
			.put(sealed)
			.array();
	}

	@Override
	public byte[] open(byte[] sealed) {
		try {
			ByteBuffer in = ByteBuffer.wrap(sealed);
			if (in.get() != VERSION) {
				throw new IllegalArgumentException("Not sealed content");
			}
			byte[] keyId = new byte[in.getShort()];
			in.get(keyId);
			byte[] wrapped = new byte[in.getShort()];
			in.get(wrapped);
			UUID id = new UUID(in.getLong(), in.getLong());
			SecretKey dataKey = this.cipher.unwrap(id, new String(keyId, StandardCharsets.UTF_8), wrapped);
			return this.cipher.open(dataKey, id, 0, true, Arrays.copyOfRange(sealed, in.position(), sealed.length));
		}
		catch (GeneralSecurityException | RuntimeException ex) {
			throw new IllegalArgumentException("Sealed content cannot be opened", ex);
		}
	}

}
