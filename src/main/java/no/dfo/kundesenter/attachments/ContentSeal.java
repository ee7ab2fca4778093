package no.dfo.kundesenter.attachments;

/**
 * Seals content the portal keeps outside attachments, such as the original of an e-mail
 * waiting in triage or quarantine, with the same keys and cipher as attachments:
 * AES-256-GCM under a data key of its own, wrapped under the current configured key. The
 * sealed bytes carry the id of that key, so it can be rotated like an attachment's.
 */
public interface ContentSeal {

	/**
	 * Seals the content.
	 * @param plain must not be {@literal null}
	 * @return the sealed bytes, which say nothing of the content but its length
	 */
	byte[] seal(byte[] plain);

	/**
	 * Opens what {@link #seal(byte[])} made.
	 * @throws IllegalArgumentException if it was altered, was not sealed here, or its key
	 * is no longer configured
	 */
	byte[] open(byte[] sealed);

	/**
	 * The same content with its data key wrapped under the current key, for a key
	 * rotation; the content itself is not sealed again.
	 * @return the sealed bytes as they are when already under the current key
	 * @throws IllegalArgumentException as {@link #open(byte[])}
	 */
	byte[] rewrap(byte[] sealed);

}
