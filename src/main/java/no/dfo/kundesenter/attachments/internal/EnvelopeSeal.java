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
		return envelope(key, id, this.cipher.seal(key.dataKey(), id, 0, true, plain, plain.length));
	}

	@Override
	public byte[] open(byte[] sealed) {
		try {
			Envelope envelope = Envelope.of(sealed);
			SecretKey dataKey = this.cipher.unwrap(envelope.id(), envelope.keyId(), envelope.wrapped());
			return this.cipher.open(dataKey, envelope.id(), 0, true, envelope.content());
		}
		catch (GeneralSecurityException | RuntimeException ex) {
			throw new IllegalArgumentException("Sealed content cannot be opened", ex);
		}
	}

	@Override
	public byte[] rewrap(byte[] sealed) {
		try {
			Envelope envelope = Envelope.of(sealed);
			if (envelope.keyId().equals(this.cipher.currentKeyId())) {
				return sealed;
			}
			ContentCipher.FileKey key = this.cipher.rewrap(envelope.id(), envelope.keyId(), envelope.wrapped());
			return envelope(key, envelope.id(), envelope.content());
		}
		catch (GeneralSecurityException | RuntimeException ex) {
			throw new IllegalArgumentException("Sealed content cannot be opened", ex);
		}
	}

	private static byte[] envelope(ContentCipher.FileKey key, UUID id, byte[] content) {
		byte[] keyId = key.keyId().getBytes(StandardCharsets.UTF_8);
		return ByteBuffer.allocate(1 + 2 + keyId.length + 2 + key.wrapped().length + 16 + content.length)
			.put(VERSION)
			.putShort((short) keyId.length)
			.put(keyId)
			.putShort((short) key.wrapped().length)
			.put(key.wrapped())
			.putLong(id.getMostSignificantBits())
			.putLong(id.getLeastSignificantBits())
			.put(content)
			.array();
	}

	private record Envelope(String keyId, byte[] wrapped, UUID id, byte[] content) {

		static Envelope of(byte[] sealed) {
			ByteBuffer in = ByteBuffer.wrap(sealed);
			if (in.get() != VERSION) {
				throw new IllegalArgumentException("Not sealed content");
			}
			byte[] keyId = new byte[in.getShort()];
			in.get(keyId);
			byte[] wrapped = new byte[in.getShort()];
			in.get(wrapped);
			UUID id = new UUID(in.getLong(), in.getLong());
			return new Envelope(new String(keyId, StandardCharsets.UTF_8), wrapped, id,
					Arrays.copyOfRange(sealed, in.position(), sealed.length));
		}

	}

}
