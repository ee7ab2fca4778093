package no.dfo.kundesenter.attachments;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * An attachment opened for reading. The content is decrypted while it is read and never
 * held in memory as a whole; close it when done.
 */
public record AttachmentContent(Attachment attachment, InputStream content) implements Closeable {

	@Override
	public void close() throws IOException {
		this.content.close();
	}

}
