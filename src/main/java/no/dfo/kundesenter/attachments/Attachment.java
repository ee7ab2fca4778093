package no.dfo.kundesenter.attachments;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One stored file and what is known about it.
 *
 * @param id the attachment's id
 * @param caseId the case it belongs to; {@literal null} while it is a draft
 * @param messageId the message it came with; {@literal null} for a draft or for files
 * added to a case on their own
 * @param name the file name as sent, without path or control characters
 * @param size the size in bytes, always positive
 * @param contentType the type detected from the content
 * @param addedBy the id of the person who uploaded it
 * @param addedAt when it was uploaded (draft) or became part of its case
 */
public record Attachment(UUID id, @Nullable Long caseId, @Nullable Long messageId, String name, long size,
		String contentType, long addedBy, Instant addedAt) {

	/**
	 * The size for people, in Norwegian notation (for example "1,4 MB").
	 */
	public String displaySize() {
		return FileSize.format(this.size);
	}

}
