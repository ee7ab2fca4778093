package no.dfo.kundesenter.attachments.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.UUID;

/**
 * Where file content lives, by id. Implementations stream: no file is held in memory as a
 * whole. Writes and deletes join the caller's transaction where the store supports it.
 */
interface FileStore {

	/**
	 * Stores the content read from the stream under a new id.
	 * @return the number of bytes stored
	 */
	long write(UUID id, InputStream content) throws IOException;

	/**
	 * Opens stored content; reading fails with an {@link IOException} if the content was
	 * altered.
	 * @throws MissingContentException if there is no content with that id, or part of it
	 * is gone
	 * @throws IOException if the content cannot be opened
	 */
	InputStream read(UUID id) throws IOException;

	/**
	 * Whether content with that id is stored.
	 */
	boolean exists(UUID id);

	/**
	 * Deletes content; what is kept outside the database goes once the caller's
	 * transaction has committed.
	 */
	void delete(Collection<UUID> ids);

}
